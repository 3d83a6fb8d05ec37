package dev.vpctrain.core.internal.rules.egress;

import static dev.vpctrain.core.internal.rules.egress.EgressTesting.job;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.noNat;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.only;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.outcome;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.withEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import org.junit.jupiter.api.Test;

class EgressServiceUnreachableTest {
  private final EgressServiceUnreachable rule = new EgressServiceUnreachable();

  @Test
  void passesWithoutRequiredServicesOrThroughNat() {
    assertThat(outcome(rule, job().build(), noNat().build())).isEqualTo(Outcome.PASS);
    Finding f = only(rule, job().requires(AwsService.STS, AwsService.IAM).build(), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("sts via NAT").contains("iam via NAT");
  }

  @Test
  void passesThroughAUsableInterfaceEndpoint() {
    Finding f = only(rule, job().requires(AwsService.STS).build(), withEndpoint(noNat(), "vpce-sts", "sts", true).build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("vpce-sts");
  }

  @Test
  void failsWithNeitherEndpointNorNat() {
    Finding f = only(rule, job().requires(AwsService.STS).build(), noNat().build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).contains("subnet-a", "subnet-b", "rtb-private");
    assertThat(f.message()).contains("com.amazonaws.us-east-1.sts").contains("has no interface endpoint")
        .contains("no default route");
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 create-vpc-endpoint --vpc-id " + TestNetworks.VPC
        + " --vpc-endpoint-type Interface --service-name com.amazonaws.us-east-1.sts --subnet-ids subnet-a subnet-b"
        + " --security-group-ids sg-training --private-dns-enabled");
  }

  @Test
  void anEndpointWithPrivateDnsOffIsNotUsable() {
    Finding f = only(rule, job().requires(AwsService.STS).build(), withEndpoint(noNat(), "vpce-sts", "sts", false).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("vpce-sts has private DNS off");
    assertThat(f.resources()).contains("vpce-sts");
  }

  @Test
  void iamAlwaysNeedsNat() {
    Finding f = only(rule, job().requires(AwsService.IAM).build(), withEndpoint(noNat(), "vpce-iam", "iam", true).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("iam has no VPC endpoint");
    assertThat(f.remediation().orElseThrow()).contains("create-route --route-table-id rtb-private");
  }

  @Test
  void unverifiedWhenEndpointsOrRoutesAreUnknown() {
    Finding f = only(rule, job().requires(AwsService.STS).build(), noNat().without(Section.VPC_ENDPOINTS).build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("ec2:DescribeVpcEndpoints was not captured");
    Finding g = only(rule, job().requires(AwsService.STS).build(),
        noNat().failed(Section.ROUTE_TABLES, "UnauthorizedOperation").build());
    assertThat(g.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(g.message()).contains("ec2:DescribeRouteTables failed");
  }
}
