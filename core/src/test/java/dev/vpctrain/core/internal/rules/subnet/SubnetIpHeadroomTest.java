package dev.vpctrain.core.internal.rules.subnet;

import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.subnet.SubnetFixtures.job;
import static dev.vpctrain.core.internal.rules.subnet.SubnetFixtures.net;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubnetIpHeadroomTest {
  private final SubnetIpHeadroom headroom = new SubnetIpHeadroom();

  @Test
  void headroom() {
    assertThat(single(headroom, job("ml.m5.xlarge", 4), net(16, 3).build()).outcome()).isEqualTo(Outcome.PASS);
    Finding f = single(headroom, job("ml.m5.xlarge", 4), net(15, 3).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.resources()).containsExactly("subnet-a");
    assertThat(f.message()).contains("subnet-a (us-east-1a), has 15 free IPs").contains("job's 8");
    assertThat(single(headroom, job("ml.m5.xlarge", 4), net(7, 3).build()).outcome()).isEqualTo(Outcome.PASS);
    var unknown = net(10, 3).changeSubnet("subnet-b", s -> s.withAvailableIpAddressCount(Optional.empty()));
    assertThat(single(headroom, job("ml.m5.xlarge", 4), unknown.build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(single(headroom, job("ml.m5.xlarge", 4), net(1, 1).without(Section.SUBNETS).build()).outcome())
        .isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void aJobNoSubnetHoldsIsLeftToIpCapacity() {
    assertThat(single(headroom, job("ml.m5.xlarge", Integer.MAX_VALUE), net(250, 250).build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void notInVpcPasses() {
    assertThat(single(headroom, TestJobs.jobWithoutVpc().build(), net(0, 0).build()).outcome()).isEqualTo(Outcome.PASS);
  }
}
