package dev.vpctrain.core.remediation;

import static dev.vpctrain.core.fixtures.SgFixtures.all;
import static dev.vpctrain.core.fixtures.SgFixtures.sg;
import static dev.vpctrain.core.fixtures.SgFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.internal.rules.target.TargetSecurityGroupEgress;
import dev.vpctrain.core.internal.rules.target.TargetSecurityGroupIngress;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.VpcTarget;
import dev.vpctrain.core.network.CaptureFilter;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.remediation.Change.GroupRef;
import dev.vpctrain.core.remediation.Change.Peer;
import dev.vpctrain.core.remediation.Change.Rule;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetFixesTest {
  private static final String DB_SG = "sg-0db00001";

  /** The ready network plus a database interface in subnet-db whose group admits {@code dbIngress}; the job group's egress {@code jobEgress}. */
  private static NetworkSnapshot world(List<Permission> dbIngress, List<Permission> jobEgress) {
    return TestNetworks.ready().subnet("subnet-db", "us-east-1a", "10.20.3.0/24", 200)
        .securityGroup(sg(DB_SG, dbIngress, List.of(all("0.0.0.0/0"))))
        .securityGroup(sg("sg-training", List.of(all("sg-training")), jobEgress))
        .build().toBuilder()
        .networkInterfaces(List.of(NetworkInterface.builder().networkInterfaceId("eni-0db00001").subnetId("subnet-db")
            .vpcId(TestNetworks.VPC).ownerId(TestNetworks.ACCOUNT).addPrivateIpAddresses("10.20.3.15").addGroupIds(DB_SG)
            .build()))
        .captureFilters(Map.of("ec2:DescribeNetworkInterfaces", List.of(CaptureFilter.of("vpc-id", List.of(TestNetworks.VPC)))))
        .build();
  }

  private static TrainingJobSpec job(String target) {
    return TestJobs.job("subnet-a", "subnet-b").requiresInVpc(VpcTarget.parse(target)).build();
  }

  private static RemediationPlan plan(TrainingJobSpec job, NetworkSnapshot net) {
    RuleContext ctx = RuleContext.of(job, net);
    List<Finding> findings = new ArrayList<>();
    findings.addAll(new TargetSecurityGroupIngress().evaluate(ctx));
    findings.addAll(new TargetSecurityGroupEgress().evaluate(ctx));
    return RemediationPlanner.plan(job, net, PreflightReport.of("test-job", "us-east-1", findings, 2));
  }

  @Test
  void aDatabaseGroupNotAdmittingTheJobGetsOneIngressRuleReferencingTheJobGroup() {
    RemediationPlan p = plan(job("features=" + DB_SG + ":5432"), world(List.of(tcp(5432, 5432, "sg-0ff00001")),
        List.of(all("0.0.0.0/0"))));
    assertThat(p.steps()).singleElement().satisfies(s -> {
      assertThat(s.fixes()).containsExactly("target.security-group.ingress");
      assertThat(s.change()).isEqualTo(new Change.AuthorizeIngress(GroupRef.existing(DB_SG),
          new Rule("tcp", Optional.of(5432), Optional.of(5432), Peer.group(GroupRef.existing("sg-training")))));
      assertThat(s.command()).isEqualTo("aws ec2 authorize-security-group-ingress --group-id " + DB_SG
          + " --ip-permissions IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=sg-training}]");
      assertThat(s.title()).contains("features");
    });
  }

  @Test
  void jobEgressGetsARuleToTheTargetGroupOrItsAddress() {
    RemediationPlan p = plan(job("db=" + DB_SG + ":5432-5433"), world(List.of(tcp(5432, 5433, "sg-training")),
        List.of(tcp(443, 443, "0.0.0.0/0"))));
    assertThat(p.steps()).singleElement().satisfies(s ->
        assertThat(s.change()).isEqualTo(new Change.AuthorizeEgress(GroupRef.existing("sg-training"),
            new Rule("tcp", Optional.of(5432), Optional.of(5433), Peer.group(GroupRef.existing(DB_SG))))));
    RemediationPlan byAddress = plan(job("cache=10.20.3.15:6379/udp"), world(List.of(), List.of(tcp(443, 443, "0.0.0.0/0"))));
    assertThat(byAddress.steps()).anySatisfy(s ->
        assertThat(s.change()).isEqualTo(new Change.AuthorizeEgress(GroupRef.existing("sg-training"),
            new Rule("udp", Optional.of(6379), Optional.of(6379), Peer.group(GroupRef.existing(DB_SG))))));
  }

  @Test
  void aPassingTargetGetsNoStepAndAnExistingRuleIsNeverAddedAgain() {
    RemediationPlan none = plan(job(DB_SG + ":5432"), world(List.of(tcp(5432, 5432, "sg-training")), List.of(all("0.0.0.0/0"))));
    assertThat(none.isEmpty()).isTrue();
    NetworkSnapshot net = world(List.of(tcp(5432, 5432, "sg-training")), List.of(all("0.0.0.0/0")));
    PlanContext ctx = new PlanContext(job(DB_SG + ":5432"), net, PreflightReport.of("j", "us-east-1", List.of(), 0));
    assertThat(TargetFixes.exists(ctx, DB_SG, true,
        new Rule("tcp", Optional.of(5432), Optional.of(5432), Peer.group(GroupRef.existing("sg-training"))))).isTrue();
    assertThat(TargetFixes.exists(ctx, DB_SG, true,
        new Rule("tcp", Optional.of(5432), Optional.of(5433), Peer.group(GroupRef.existing("sg-training"))))).isFalse();
  }
}
