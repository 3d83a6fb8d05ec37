package dev.vpctrain.core.internal.rules.cluster;

import static dev.vpctrain.core.fixtures.SgFixtures.S3_PL;
import static dev.vpctrain.core.fixtures.SgFixtures.SG_TRAINING;
import static dev.vpctrain.core.fixtures.SgFixtures.all;
import static dev.vpctrain.core.fixtures.SgFixtures.network;
import static dev.vpctrain.core.fixtures.SgFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SgClusterEgressBlockedTest {
  private final SgClusterEgressBlocked rule = new SgClusterEgressBlocked();

  private Finding run(NetworkSnapshot n) {
    List<Finding> f = rule.evaluate(RuleContext.of(SgFixtures.job(), n));
    assertThat(f).hasSize(1);
    return f.get(0);
  }

  private static NetworkSnapshot withEgress(Permission... perms) {
    return network(SgFixtures.readyTrainingGroup().withEgress(List.of(perms))).build();
  }

  @Test
  void passesWithSelfEgressAsInTheExamples() {
    assertThat(run(SgFixtures.sgNoSelfIngress()).outcome()).isEqualTo(Outcome.PASS);
    assertThat(run(SgFixtures.readyPrivateEndpoints()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void failsWhenEgressIsOnlyHttpsToS3AndTheVpc() {
    Finding f = run(withEgress(tcp(443, 443, S3_PL), tcp(443, 443, "10.20.0.0/16")));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).containsExactly(SG_TRAINING);
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 authorize-security-group-egress --group-id " + SG_TRAINING
        + " --ip-permissions 'IpProtocol=-1,UserIdGroupPairs=[{GroupId=" + SG_TRAINING + "}]'");
  }

  @Test
  void defaultEgressToEverywherePasses() {
    assertThat(run(withEgress(all("0.0.0.0/0"))).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void egressToTheVpcCidrOnAllTcpPasses() {
    assertThat(run(withEgress(tcp(0, 65535, "10.20.0.0/16"))).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void unknownPrefixListInTheOnlyCandidateRuleIsUnverified() {
    Finding f = run(withEgress(tcp(0, 65535, "pl-0fedcba9876543210")));
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("pl-0fedcba9876543210");
  }

  @Test
  void subnetCidrsUnknownLeaveCidrRulesUndecided() {
    NetworkSnapshot n = withEgress(tcp(0, 65535, "10.20.0.0/16")).withSubnets(Optional.empty());
    assertThat(run(n).outcome()).isEqualTo(Outcome.UNVERIFIED);
    NetworkSnapshot selfRef = SgFixtures.readyPrivateEndpoints().withSubnets(Optional.empty());
    assertThat(run(selfRef).outcome()).isEqualTo(Outcome.PASS);
  }
}
