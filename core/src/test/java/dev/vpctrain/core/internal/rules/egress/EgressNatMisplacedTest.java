package dev.vpctrain.core.internal.rules.egress;

import static dev.vpctrain.core.internal.rules.egress.EgressTesting.job;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.only;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import org.junit.jupiter.api.Test;

class EgressNatMisplacedTest {
  private final EgressNatMisplaced rule = new EgressNatMisplaced();
  private final TrainingJobSpec pypi = job().requiresInternet("pypi.org", 443).build();

  private static TestNetworks.Builder nat(NatGateway n) {
    return TestNetworks.ready().natGateway(n);
  }

  private static NatGateway.Builder natA() {
    return NatGateway.builder().natGatewayId("nat-a").vpcId(TestNetworks.VPC).subnetId("subnet-public")
        .state("available").connectivityType("public").addPublicIp("203.0.113.10");
  }

  @Test
  void passesForAHealthyNat() {
    assertThat(outcome(rule, pypi, TestNetworks.ready().build())).isEqualTo(Outcome.PASS);
  }

  @Test
  void failsForAFailedNat() {
    Finding f = only(rule, pypi, nat(natA().state("failed").build()).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).contains("subnet-a", "nat-a", "rtb-private");
    assertThat(f.message()).contains("its state is failed");
    assertThat(f.remediation().orElseThrow()).contains("replace-route --route-table-id rtb-private");
  }

  @Test
  void failsForAPrivateNat() {
    Finding f = only(rule, pypi, nat(natA().connectivityType("private").build()).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("private");
  }

  @Test
  void failsForANatInAPrivateSubnet() {
    Finding f = only(rule, pypi, nat(natA().subnetId("subnet-b").build()).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 create-route --route-table-id rtb-private "
        + "--destination-cidr-block 0.0.0.0/0 --gateway-id " + TestNetworks.IGW);
  }

  @Test
  void failsEvenWhenTheJobDeclaresNothingOutside() {
    Finding f = only(rule, job().build(), nat(natA().state("failed").build()).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).startsWith("The default route of subnet-a, subnet-b (route table rtb-private) goes to NAT gateway nat-a");
  }

  @Test
  void passesWithoutANatRoute() {
    assertThat(outcome(rule, job().build(), EgressTesting.noNat().build())).isEqualTo(Outcome.PASS);
  }

  @Test
  void unverifiedWhenNatGatewaysAreUnknown() {
    Finding f = only(rule, pypi, TestNetworks.ready().without(Section.NAT_GATEWAYS).build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("ec2:DescribeNatGateways");
  }
}
