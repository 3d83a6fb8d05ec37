package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.outcomes;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointFixtures.ENDPOINT;
import static dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointFixtures.ENDPOINT_SG;
import static dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointFixtures.JOB;
import static dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointFixtures.endpointGroup;
import static dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointFixtures.working;
import static dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointFixtures.workingWithNat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3InterfaceEndpointSecurityGroupTest {
  private final S3InterfaceEndpointSecurityGroup rule = new S3InterfaceEndpointSecurityGroup();

  private static Permission https(String cidrOrGroup) {
    Permission.Builder b = Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443);
    return (cidrOrGroup.startsWith("sg-") ? b.addGroupId(cidrOrGroup) : b.addIpRange(cidrOrGroup)).build();
  }

  private static SecurityGroup trainingGroup(Permission... egress) {
    return SecurityGroup.builder().groupId("sg-training").vpcId(TestNetworks.VPC)
        .addIngress(Permission.builder().ipProtocol("-1").addGroupId("sg-training").build()).addEgress(egress).build();
  }

  @Test
  void passesWhenBothSidesLetHttpsThrough() {
    Finding f = single(rule, JOB, working().build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains(ENDPOINT);
  }

  @Test
  void aCidrCoveringTheJobSubnetsAdmitsTheJob() {
    NetworkSnapshot net = working().securityGroup(endpointGroup(https(TestNetworks.VPC_CIDR))).build();
    assertThat(single(rule, JOB, net).outcome()).isEqualTo(Outcome.PASS);
    NetworkSnapshot oneSubnet = working().securityGroup(endpointGroup(https("10.20.1.0/24"))).build();
    Finding f = single(rule, JOB, oneSubnet);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).contains(ENDPOINT, ENDPOINT_SG, "subnet-b").doesNotContain("subnet-a");
  }

  @Test
  void endpointGroupWithoutIngressFailsWhenItIsTheOnlyCondition() {
    NetworkSnapshot net = working().securityGroup(endpointGroup()).build();
    Finding f = single(rule, JOB, net);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("do not admit TCP 443").contains(ENDPOINT_SG);
    assertThat(f.remediation().get()).contains("aws ec2 authorize-security-group-ingress --group-id " + ENDPOINT_SG);
    assertThat(single(new S3InterfaceEndpointDns(), JOB, net).outcome()).isEqualTo(Outcome.PASS);
    // the test ids fail request.id.malformed; apart from that only this rule fails
    PreflightReport report = RuleEngine.standard().evaluate(JOB, net);
    assertThat(report.findings()).filteredOn(x -> x.outcome() == Outcome.FAIL && x.severity() == dev.vpctrain.core.report.Severity.ERROR && !x.ruleId().startsWith("request."))
        .extracting(Finding::ruleId).containsExactly("s3.interface-endpoint.security-group");
    assertThat(RuleEngine.standard().evaluate(JOB, working().build()).findings())
        .filteredOn(x -> x.outcome() != Outcome.PASS && x.severity() == dev.vpctrain.core.report.Severity.ERROR
            && !x.ruleId().startsWith("request."))
        .isEmpty();
  }

  @Test
  void jobEgressThatDoesNotReachTheEndpointFails() {
    NetworkSnapshot net = working().securityGroup(trainingGroup(https("10.20.200.0/24"))).build();
    Finding f = single(rule, JOB, net);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("do not let TCP 443 out");
    assertThat(f.resources()).contains("sg-training");
    assertThat(f.remediation().get()).contains("aws ec2 authorize-security-group-egress --group-id sg-training");
    NetworkSnapshot toGroup = working().securityGroup(trainingGroup(https(ENDPOINT_SG))).build();
    assertThat(single(rule, JOB, toGroup).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aNatRouteDoesNotHelpWhenS3NamesResolveToTheBlockedEndpoint() {
    NetworkSnapshot net = workingWithNat().securityGroup(endpointGroup()).build();
    Finding f = single(rule, JOB, net);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("S3's names resolve to it");
    assertThat(single(new S3RouteMissing(), JOB, net).message()).contains("s3.interface-endpoint");
  }

  @Test
  void whenPrivateDnsIsOffAndANatPathWorksTheEndpointsGroupsDoNotMatter() {
    NetworkSnapshot net = workingWithNat().securityGroup(endpointGroup())
        .changeEndpoint(ENDPOINT, e -> e.withPrivateDnsEnabled(false)).build();
    assertThat(single(rule, JOB, net).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void jobEgressToPartOfTheEndpointsSubnetsIsUnverified() {
    NetworkSnapshot net = working().securityGroup(trainingGroup(https("10.20.1.0/24"))).build();
    Finding f = single(rule, JOB, net);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("goes to S3 interface endpoint").contains("part of the addresses");
  }

  @Test
  void unknownGroupsAreUnverifiedNeverPass() {
    List<Finding> noGroups = evaluate(rule, JOB, working().without(Section.SECURITY_GROUPS).build());
    assertThat(outcomes(noGroups)).containsOnly(Outcome.UNVERIFIED);
    NetworkSnapshot noEndpointGroups = working().changeEndpoint(ENDPOINT, e -> e.withGroupIds(List.of())).build();
    List<Finding> out = evaluate(rule, JOB, noEndpointGroups);
    assertThat(outcomes(out)).containsOnly(Outcome.UNVERIFIED);
    assertThat(out.get(0).message()).contains("not in the snapshot");
    // and s3.route.missing does not pass on a path it cannot count
    assertThat(outcomes(evaluate(new S3RouteMissing(), JOB, noEndpointGroups))).containsOnly(Outcome.UNVERIFIED);
  }
}
