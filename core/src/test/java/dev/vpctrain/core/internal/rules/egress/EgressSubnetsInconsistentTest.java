package dev.vpctrain.core.internal.rules.egress;

import static dev.vpctrain.core.internal.rules.egress.EgressTesting.job;
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

class EgressSubnetsInconsistentTest {
  private final EgressSubnetsInconsistent rule = new EgressSubnetsInconsistent();

  /** subnet-a routes to the NAT, subnet-b has only the S3 endpoint. */
  private static TestNetworks.Builder split() {
    return TestNetworks.privateVpc()
        .subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 240)
        .subnet("subnet-b", "us-east-1b", "10.20.2.0/24", 240)
        .publicSubnet("subnet-public", "us-east-1a", "10.20.100.0/24", "rtb-public")
        .natGateway("nat-a", "subnet-public", "available", "203.0.113.10")
        .routeTable("rtb-a", rt -> rt.associate("subnet-a").route("0.0.0.0/0", "nat-a"))
        .routeTable("rtb-b", rt -> rt.associate("subnet-b"))
        .s3GatewayEndpoint("vpce-s3", "rtb-a", "rtb-b")
        .securityGroup(TestNetworks.selfReferencingGroup("sg-training"));
  }

  @Test
  void warnsWhenOneSubnetLacksWhatTheOtherReaches() {
    Finding f = only(rule, job().requires(AwsService.STS).build(), split().build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.resources()).startsWith("subnet-b");
    assertThat(f.message()).contains("sts is reachable from subnet-a but not from subnet-b");
  }

  @Test
  void warnsOnS3Differences() {
    TestNetworks.Builder n = split().changeEndpoint("vpce-s3", e -> e.withRouteTableIds("rtb-a"))
        .routeTable("rtb-b", rt -> rt.clearRoutes().route(TestNetworks.VPC_CIDR, "local"));
    Finding f = only(rule, job().build(), n.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("S3 is reachable from subnet-a but not from subnet-b");
  }

  @Test
  void passesForEqualSubnetsOrOneSubnet() {
    assertThat(outcome(rule, job().requires(AwsService.STS).requiresInternet("pypi.org", 443).build(),
        TestNetworks.ready().build())).isEqualTo(Outcome.PASS);
    assertThat(outcome(rule, TestJobs.job("subnet-b").requires(AwsService.STS).build(), split().build()))
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void unverifiedWhenOneSubnetIsUndecided() {
    TestNetworks.Builder n = split().routeTable("rtb-b", rt -> rt.route("0.0.0.0/0", "tgw-0123456789abcdef0"));
    Finding f = only(rule, job().requires(AwsService.IAM).build(), n.build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("iam from subnet-b");
  }

  @Test
  void unverifiedWhenRouteTablesAreUnknown() {
    Finding f = only(rule, job().requires(AwsService.IAM).build(), split().without(Section.ROUTE_TABLES).build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("subnet-a, subnet-b");
  }
}
