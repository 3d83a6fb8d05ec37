package dev.vpctrain.core.internal.rules.egress;

import static dev.vpctrain.core.internal.rules.egress.EgressTesting.only;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import org.junit.jupiter.api.Test;

class EgressInternetIgwOnlyTest {
  private final EgressInternetIgwOnly rule = new EgressInternetIgwOnly();

  @Test
  void failsForAPublicSubnetWhenTheJobNeedsTheInternet() {
    Finding f = only(rule, TestJobs.job("subnet-public").requiresInternet("pypi.org", 443).build(),
        TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).containsExactly("subnet-public", "rtb-public", TestNetworks.IGW);
    assertThat(f.message()).contains("no public IP").contains("pypi.org:443");
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 create-nat-gateway --subnet-id subnet-public");
  }

  @Test
  void isOnlyInfoWhenTheJobNeedsNothingBeyondItsEndpoints() {
    Finding f = only(rule, TestJobs.job("subnet-public").build(), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.resources()).containsExactly("subnet-public", "rtb-public", TestNetworks.IGW);
    assertThat(f.message()).contains("needs nothing beyond what its endpoints provide");
    TestNetworks.Builder withEndpoint = TestNetworks.ready().interfaceEndpoint("vpce-sts", "sts", true, "subnet-public");
    Finding sts = only(rule, TestJobs.job("subnet-public").requires(AwsService.STS).build(), withEndpoint.build());
    assertThat(sts.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(sts.severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void isAnErrorWhenARequiredServiceHasNoUsableEndpoint() {
    Finding none = only(rule, TestJobs.job("subnet-public").requires(AwsService.STS).build(), TestNetworks.ready().build());
    assertThat(none.severity()).isEqualTo(Severity.ERROR);
    assertThat(none.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(none.message()).contains("the job needs sts");
    TestNetworks.Builder dnsOff = TestNetworks.ready().interfaceEndpoint("vpce-sts", "sts", false, "subnet-public");
    assertThat(only(rule, TestJobs.job("subnet-public").requires(AwsService.STS).build(), dnsOff.build()).severity())
        .isEqualTo(Severity.ERROR);
    Finding iam = only(rule, TestJobs.job("subnet-public").requires(AwsService.IAM).build(), TestNetworks.ready().build());
    assertThat(iam.severity()).isEqualTo(Severity.ERROR);
    assertThat(iam.message()).contains("iam");
  }

  @Test
  void isUnverifiedWhenTheEndpointsAreUnknown() {
    Finding f = only(rule, TestJobs.job("subnet-public").requires(AwsService.STS).build(),
        TestNetworks.ready().without(Section.VPC_ENDPOINTS).build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.message()).contains("sts").contains("ec2:DescribeVpcEndpoints");
    Finding internet = only(rule, TestJobs.job("subnet-public").requires(AwsService.STS).requiresInternet("pypi.org", 443).build(),
        TestNetworks.ready().without(Section.VPC_ENDPOINTS).build());
    assertThat(internet.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(internet.severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void namesOnlyTheOffendingSubnet() {
    Finding f = only(rule, TestJobs.job("subnet-a", "subnet-public").build(), TestNetworks.ready().build());
    assertThat(f.resources()).startsWith("subnet-public");
  }

  @Test
  void passesForNatSubnets() {
    assertThat(outcome(rule, TestJobs.job("subnet-a", "subnet-b").requires(AwsService.IAM).build(),
        TestNetworks.ready().build())).isEqualTo(Outcome.PASS);
  }

  @Test
  void unverifiedWhenRouteTablesAreUnknown() {
    Finding g = only(rule, TestJobs.job("subnet-public").requires(AwsService.IAM).build(),
        TestNetworks.ready().without(Section.ROUTE_TABLES).build());
    assertThat(g.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(g.message()).contains("ec2:DescribeRouteTables");
  }
}
