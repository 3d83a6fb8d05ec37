package dev.vpctrain.core.internal.rules.egress;

import static dev.vpctrain.core.fixtures.SgFixtures.sg;
import static dev.vpctrain.core.fixtures.SgFixtures.tcp;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.ENDPOINT_SG;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.job;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.noNat;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.only;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.outcome;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.run;
import static dev.vpctrain.core.internal.rules.egress.EgressTesting.withEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class EgressInterfaceEndpointSecurityGroupTest {
  private final EgressInterfaceEndpointSecurityGroup rule = new EgressInterfaceEndpointSecurityGroup();
  private final TrainingJobSpec sts = job().requires(AwsService.STS).build();

  private static TestNetworks.Builder net() {
    return withEndpoint(noNat(), "vpce-sts", "sts", true);
  }

  private static SecurityGroup endpointSg(dev.vpctrain.core.network.Permission... ingress) {
    return sg(ENDPOINT_SG, List.of(ingress), List.of());
  }

  @Test
  void passesWhenTheEndpointAdmitsTheJobGroup() {
    assertThat(outcome(rule, sts, net().build())).isEqualTo(Outcome.PASS);
  }

  @Test
  void passesWhenTheEndpointAdmitsTheVpcCidr() {
    assertThat(outcome(rule, sts, net().securityGroup(endpointSg(tcp(443, 443, "10.20.0.0/16"))).build()))
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void failsWhenTheEndpointGroupAdmitsNothingFromTheJob() {
    Finding f = only(rule, sts, net().securityGroup(endpointSg(tcp(443, 443, "10.99.0.0/16"))).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).containsExactly("vpce-sts", ENDPOINT_SG, "subnet-a", "subnet-b");
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 authorize-security-group-ingress --group-id " + ENDPOINT_SG
        + " --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId=sg-training}]'");
  }

  @Test
  void failsWhenOnlyOneSubnetIsAdmitted() {
    Finding f = only(rule, sts, net().securityGroup(endpointSg(tcp(443, 443, "10.20.1.0/24"))).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).contains("subnet-b").doesNotContain("subnet-a");
  }

  @Test
  void failsWhenTheJobEgressDoesNotReachTheEndpoint() {
    SecurityGroup restricted = sg("sg-training", List.of(), List.of(tcp(443, 443, TestNetworks.S3_PL)));
    List<Finding> f = run(rule, sts, net().securityGroup(restricted).build());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.message()).contains("do not let TCP 443 out to interface endpoint vpce-sts");
      assertThat(x.remediation().orElseThrow()).contains("authorize-security-group-egress --group-id sg-training");
    });
  }

  @Test
  void egressToTheEndpointSubnetsCidrsPasses() {
    SecurityGroup toVpc = sg("sg-training", List.of(), List.of(tcp(443, 443, "10.20.0.0/16")));
    assertThat(outcome(rule, sts, net().securityGroup(toVpc).build())).isEqualTo(Outcome.PASS);
  }

  @Test
  void unverifiedWhenTheEndpointGroupsAreUnknown() {
    Finding f = only(rule, sts, noNat().interfaceEndpoint("vpce-sts", "sts", true, "subnet-a").build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("vpce-sts");
    TestNetworks.Builder missing = net().changeEndpoint("vpce-sts", e -> e.withGroupIds("sg-gone"));
    Finding g = run(rule, sts, missing.build()).get(0);
    assertThat(g.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(g.message()).contains("sg-gone is not in the snapshot");
  }

  @Test
  void passesWhenNoEndpointIsUsed() {
    assertThat(only(rule, sts, TestNetworks.ready().build()).message()).contains("No required service");
  }
}
