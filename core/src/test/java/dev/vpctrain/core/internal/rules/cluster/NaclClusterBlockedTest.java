package dev.vpctrain.core.internal.rules.cluster;

import static dev.vpctrain.core.fixtures.SgFixtures.ACL;
import static dev.vpctrain.core.fixtures.SgFixtures.SUBNET_A;
import static dev.vpctrain.core.fixtures.SgFixtures.SUBNET_B;
import static dev.vpctrain.core.fixtures.SgFixtures.acl;
import static dev.vpctrain.core.fixtures.SgFixtures.entry;
import static dev.vpctrain.core.fixtures.SgFixtures.ports;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NaclClusterBlockedTest {
  private static final String ACL_B = "acl-0a1b2c3d4e5f60002";
  private final NaclClusterBlocked rule = new NaclClusterBlocked();

  private List<Finding> run(TrainingJobSpec job, NetworkSnapshot n) {
    return rule.evaluate(RuleContext.of(job, n));
  }

  private static NetworkSnapshot withAcls(NetworkAcl... acls) {
    return SgFixtures.network(SgFixtures.readyTrainingGroup()).networkAcls(List.of(acls)).build();
  }

  @Test
  void passesWithTheDefaultAllowAllAcl() {
    List<Finding> f = run(SgFixtures.job(), SgFixtures.readyPrivateEndpoints());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.PASS);
      assertThat(x.resources()).contains(SUBNET_A, SUBNET_B, ACL);
    });
  }

  @Test
  void failsNamingTheAclAndTheDenyingRule() {
    NetworkAcl a = acl(ACL, true, List.of(SUBNET_A), SgFixtures.allowAllEntries());
    NetworkAcl b = acl(ACL_B, false, List.of(SUBNET_B), List.of(
        entry(100, false, "6", true, "0.0.0.0/0", ports(443, 443)),
        entry(110, false, "6", true, "0.0.0.0/0", ports(1024, 65535)),
        entry(100, true, "-1", true, "0.0.0.0/0", null)));
    List<Finding> f = run(SgFixtures.job(), withAcls(a, b));
    assertThat(f).isNotEmpty().allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
    });
    Finding first = f.get(0);
    assertThat(first.resources()).containsExactly(SUBNET_A, SUBNET_B, ACL_B);
    assertThat(first.message()).contains("network ACL " + ACL_B + " denies inbound all traffic from " + SUBNET_A
        + " (10.20.1.0/24) by its final rule *");
    assertThat(first.remediation().orElseThrow()).contains("aws ec2 create-network-acl-entry --network-acl-id " + ACL_B
        + " --ingress --rule-number 120 --protocol -1 --cidr-block 10.20.1.0/24 --rule-action allow");
  }

  @Test
  void explicitDenyIsNamedWithARuleNumberBeforeIt() {
    NetworkAcl a = acl(ACL, true, List.of(SUBNET_A, SUBNET_B), List.of(
        entry(50, true, "-1", false, "10.20.2.0/24", null),
        entry(100, true, "-1", true, "0.0.0.0/0", null),
        entry(100, false, "-1", true, "0.0.0.0/0", null)));
    List<Finding> f = run(SgFixtures.job(), withAcls(a));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.message()).contains("rule 50 denies outbound all traffic to " + SUBNET_B);
      assertThat(x.remediation().orElseThrow()).contains("--egress --rule-number 49 ");
    });
  }

  @Test
  void passesForOneSubnetOrOneInstance() {
    NetworkAcl closed = acl(ACL, true, List.of(SUBNET_A, SUBNET_B), List.of());
    TrainingJobSpec oneSubnet = SgFixtures.jobBuilder().vpc(v -> v.subnets(SUBNET_A)).build();
    assertThat(run(oneSubnet, withAcls(closed)).get(0).outcome()).isEqualTo(Outcome.PASS);
    TrainingJobSpec single = SgFixtures.jobBuilder().instanceCount(1).build();
    assertThat(run(single, withAcls(closed)).get(0).outcome()).isEqualTo(Outcome.PASS);
    assertThat(run(SgFixtures.job(), withAcls(closed)).get(0).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void unverifiedWhenAclsAreUnknown() {
    NetworkSnapshot n = SgFixtures.readyPrivateEndpoints().withNetworkAcls(Optional.empty())
        .withErrors(CaptureError.of("ec2:DescribeNetworkAcls", "UnauthorizedOperation", "You are not authorized"));
    Finding f = run(SgFixtures.job(), n).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("ec2:DescribeNetworkAcls failed during capture with UnauthorizedOperation");
  }

  @Test
  void unverifiedWhenASubnetIsUnknown() {
    NetworkSnapshot n = SgFixtures.readyPrivateEndpoints().withSubnets(List.of(
        SgFixtures.subnet(SUBNET_A, "us-east-1a", "10.20.1.0/24", 240)));
    NetworkSnapshot moved = n.withNetworkAcls(List.of(acl(ACL, true, List.of(SUBNET_A), SgFixtures.allowAllEntries())));
    Finding f = run(SgFixtures.job(), moved).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains(SUBNET_B);
  }
}
