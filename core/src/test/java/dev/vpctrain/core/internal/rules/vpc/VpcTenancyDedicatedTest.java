package dev.vpctrain.core.internal.rules.vpc;

import static dev.vpctrain.core.fixtures.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VpcTenancyDedicatedTest {
  private final VpcTenancyDedicated tenancy = new VpcTenancyDedicated();

  @Test
  void defaultTenancyPasses() {
    Finding f = single(tenancy, TestJobs.job("subnet-a").build(), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.resources()).containsExactly(TestNetworks.VPC);
  }

  @Test
  void dedicatedTenancyFailsAndNamesTheVpc() {
    Finding f = single(tenancy, TestJobs.job("subnet-a").build(),
        TestNetworks.ready().vpc(v -> v.withInstanceTenancy("dedicated")).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).containsExactly(TestNetworks.VPC);
    assertThat(f.message()).contains(TestNetworks.VPC).contains("dedicated instance tenancy");
    assertThat(f.remediation().get())
        .contains("aws ec2 modify-vpc-tenancy --vpc-id " + TestNetworks.VPC + " --instance-tenancy default");
  }

  @Test
  void unknownTenancyIsUnverifiedNeverPass() {
    Finding denied = single(tenancy, TestJobs.job("subnet-a").build(),
        TestNetworks.ready().failed(Section.VPCS, "UnauthorizedOperation").build());
    assertThat(denied.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(denied.message()).contains("ec2:DescribeVpcs failed during capture");
    assertThat(single(tenancy, TestJobs.job("subnet-a").build(), TestNetworks.ready().without(Section.VPCS).build())
        .outcome()).isEqualTo(Outcome.UNVERIFIED);
    Finding noAttribute = single(tenancy, TestJobs.job("subnet-a").build(),
        TestNetworks.ready().vpc(v -> v.withInstanceTenancy(Optional.empty())).build());
    assertThat(noAttribute.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(noAttribute.message()).contains("not in the snapshot");
    assertThat(single(tenancy, TestJobs.job("subnet-zz").vpc(v -> v.securityGroups("sg-zz")).build(),
        TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void aJobOutsideAVpcPasses() {
    assertThat(single(tenancy, TestJobs.jobWithoutVpc().build(), TestNetworks.ready().build()).outcome())
        .isEqualTo(Outcome.PASS);
  }
}
