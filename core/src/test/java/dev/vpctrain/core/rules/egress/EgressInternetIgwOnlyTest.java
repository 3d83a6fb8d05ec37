package dev.vpctrain.core.rules.egress;

import static dev.vpctrain.core.rules.egress.EgressTesting.only;
import static dev.vpctrain.core.rules.egress.EgressTesting.outcome;
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
  void failsForAPublicSubnetEvenWhenNothingIsDeclared() {
    Finding f = only(rule, TestJobs.job("subnet-public").build(), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).doesNotContain("the job needs");
    TestNetworks.Builder withEndpoint = TestNetworks.ready().interfaceEndpoint("vpce-sts", "sts", true, "subnet-public");
    assertThat(outcome(rule, TestJobs.job("subnet-public").requires(AwsService.STS).build(), withEndpoint.build()))
        .isEqualTo(Outcome.FAIL);
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
