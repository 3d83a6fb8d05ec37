package dev.vpctrain.core.internal.rules.cluster;

import static dev.vpctrain.core.fixtures.SgFixtures.SG_TRAINING;
import static dev.vpctrain.core.fixtures.SgFixtures.all;
import static dev.vpctrain.core.fixtures.SgFixtures.network;
import static dev.vpctrain.core.fixtures.SgFixtures.sg;
import static dev.vpctrain.core.fixtures.SgFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SgSelfIngressMissingTest {
  private final SgSelfIngressMissing rule = new SgSelfIngressMissing();

  private List<Finding> run(TrainingJobSpec job, NetworkSnapshot n) {
    return rule.evaluate(RuleContext.of(job, n));
  }

  private static NetworkSnapshot withIngress(dev.vpctrain.core.network.Permission... perms) {
    SecurityGroup g = SgFixtures.readyTrainingGroup().withIngress(List.of(perms));
    return network(g).build();
  }

  @Test
  void failsForTheSgNoSelfIngressExample() {
    List<Finding> f = run(SgFixtures.job(), SgFixtures.sgNoSelfIngress());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.resources()).containsExactly(SG_TRAINING);
      assertThat(x.message()).contains(SG_TRAINING).contains("algo-2");
      assertThat(x.remediation().orElseThrow()).contains("aws ec2 authorize-security-group-ingress --group-id " + SG_TRAINING
          + " --ip-permissions 'IpProtocol=-1,UserIdGroupPairs=[{GroupId=" + SG_TRAINING + "}]'");
    });
  }

  @Test
  void passesForTheReadyExample() {
    assertThat(run(SgFixtures.job(), SgFixtures.readyPrivateEndpoints()))
        .singleElement().extracting(Finding::outcome).isEqualTo(Outcome.PASS);
  }

  @Test
  void allTcpFromItselfIsEnoughButOnePortIsNot() {
    assertThat(run(SgFixtures.job(), withIngress(tcp(0, 65535, SG_TRAINING))).get(0).outcome()).isEqualTo(Outcome.PASS);
    assertThat(run(SgFixtures.job(), withIngress(tcp(443, 443, SG_TRAINING))).get(0).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void aCidrCoveringEveryJobSubnetCounts() {
    assertThat(run(SgFixtures.job(), withIngress(all("10.20.0.0/16"))).get(0).outcome()).isEqualTo(Outcome.PASS);
    assertThat(run(SgFixtures.job(), withIngress(all("10.20.1.0/24"))).get(0).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void aReferenceToAnotherJobGroupCounts() {
    String other = "sg-0a1b2c3d4e5f60499";
    NetworkSnapshot n = network(SgFixtures.noIngressTrainingGroup())
        .securityGroups(List.of(SgFixtures.noIngressTrainingGroup(), sg(other, List.of(all(SG_TRAINING)), List.of())))
        .build();
    TrainingJobSpec job = SgFixtures.jobBuilder().vpc(v -> v.securityGroups(SG_TRAINING, other)).build();
    assertThat(run(job, n).get(0).outcome()).isEqualTo(Outcome.PASS);
    assertThat(run(job, n).get(0).message()).contains(other);
  }

  @Test
  void singleInstanceJobsPass() {
    TrainingJobSpec single = SgFixtures.jobBuilder().instanceCount(1).build();
    assertThat(run(single, SgFixtures.sgNoSelfIngress()).get(0).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void unverifiedWhenSecurityGroupsWereNotCaptured() {
    NetworkSnapshot n = SgFixtures.sgNoSelfIngress().withSecurityGroups(Optional.empty());
    Finding f = run(SgFixtures.job(), n).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("ec2:DescribeSecurityGroups was not captured");
  }

  @Test
  void unverifiedWhenTheOnlyGroupIsMissing() {
    NetworkSnapshot n = SgFixtures.sgNoSelfIngress().withSecurityGroups(List.of(SgFixtures.endpointGroup()));
    Finding f = run(SgFixtures.job(), n).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains(SG_TRAINING + " is not in the snapshot");
  }
}
