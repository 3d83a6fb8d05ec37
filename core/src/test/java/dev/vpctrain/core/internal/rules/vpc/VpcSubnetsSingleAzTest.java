package dev.vpctrain.core.internal.rules.vpc;

import static dev.vpctrain.core.fixtures.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import org.junit.jupiter.api.Test;

class VpcSubnetsSingleAzTest {
  private static TestNetworks.Builder net() {
    return TestNetworks.ready();
  }

  private final VpcSubnetsSingleAz az = new VpcSubnetsSingleAz();

  @Test
  void singleAz() {
    assertThat(single(az, TestJobs.job("subnet-a", "subnet-b").build(), net().build()).outcome()).isEqualTo(Outcome.PASS);
    Finding f = single(az, TestJobs.job("subnet-a", "subnet-public").build(), net().build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.message()).contains("us-east-1a").contains("subnet-a").contains("subnet-public");
    assertThat(single(az, TestJobs.job("subnet-a").build(), net().build()).outcome()).isEqualTo(Outcome.FAIL);
    assertThat(single(az, TestJobs.job("subnet-a").build(), net().without(Section.SUBNETS).build()).outcome())
        .isEqualTo(Outcome.UNVERIFIED);
    var noAz = net().changeSubnet("subnet-b", s -> s.withAvailabilityZone(java.util.Optional.empty()));
    assertThat(single(az, TestJobs.job("subnet-a", "subnet-b").build(), noAz.build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(single(az, TestJobs.jobWithoutVpc().build(), net().build()).outcome()).isEqualTo(Outcome.PASS);
  }
}
