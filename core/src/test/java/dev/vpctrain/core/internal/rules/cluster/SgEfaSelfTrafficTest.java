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
import org.junit.jupiter.api.Test;

class SgEfaSelfTrafficTest {
  private static final String OTHER = "sg-0a1b2c3d4e5f60499";
  private final SgEfaSelfTraffic rule = new SgEfaSelfTraffic();

  private List<Finding> run(TrainingJobSpec job, NetworkSnapshot n) {
    return rule.evaluate(RuleContext.of(job, n));
  }

  private static NetworkSnapshot with(SecurityGroup... groups) {
    return network(groups[0]).securityGroups(List.of(groups)).build();
  }

  private static TrainingJobSpec twoGroups() {
    return SgFixtures.jobBuilder().vpc(v -> v.securityGroups(SG_TRAINING, OTHER)).build();
  }

  @Test
  void failsAsErrorForTheSgNoSelfIngressExample() {
    List<Finding> f = run(SgFixtures.job(), SgFixtures.sgNoSelfIngress());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.resources()).containsExactly(SG_TRAINING);
      assertThat(x.message()).contains(SG_TRAINING + " has no inbound all-traffic rule referencing itself");
      assertThat(x.remediation().orElseThrow()).contains("authorize-security-group-ingress").contains("authorize-security-group-egress");
    });
  }

  @Test
  void passesForTheReadyExample() {
    assertThat(run(SgFixtures.job(), SgFixtures.readyPrivateEndpoints()))
        .singleElement().extracting(Finding::outcome).isEqualTo(Outcome.PASS);
  }

  @Test
  void allTcpIsNotEnoughForEfa() {
    SecurityGroup tcpOnly = sg(SG_TRAINING, List.of(tcp(0, 65535, SG_TRAINING)), List.of(tcp(0, 65535, SG_TRAINING)));
    assertThat(run(SgFixtures.job(), with(tcpOnly)).get(0).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void egressToEverywhereDoesNotCount() {
    SecurityGroup g = sg(SG_TRAINING, List.of(all(SG_TRAINING)), List.of(all("0.0.0.0/0")));
    Finding f = run(SgFixtures.job(), with(g)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("no outbound all-traffic rule referencing itself");
  }

  @Test
  void warnsNamingTheGroupThatLacksThePairWhileAnotherHasIt() {
    SecurityGroup other = sg(OTHER, List.of(), List.of(all("0.0.0.0/0")));
    List<Finding> f = run(twoGroups(), with(SgFixtures.readyTrainingGroup(), other));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.resources()).containsExactly(OTHER);
      assertThat(x.message()).contains(OTHER).contains(SG_TRAINING);
      assertThat(x.remediation().orElseThrow()).contains("--group-id " + OTHER);
    });
  }

  @Test
  void passesWhenEveryGroupHasThePair() {
    SecurityGroup other = sg(OTHER, List.of(all(OTHER)), List.of(all(OTHER)));
    assertThat(run(twoGroups(), with(SgFixtures.readyTrainingGroup(), other)))
        .singleElement().extracting(Finding::outcome).isEqualTo(Outcome.PASS);
  }

  @Test
  void unknownGroupIsUnverified() {
    Finding f = run(SgFixtures.job(), with(SgFixtures.endpointGroup())).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    List<Finding> mixed = run(twoGroups(), with(SgFixtures.readyTrainingGroup()));
    assertThat(mixed).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.severity()).isEqualTo(Severity.WARNING);
      assertThat(x.resources()).containsExactly(OTHER);
    });
  }

  @Test
  void appliesToEfaJobsOnlyWithTheOverrideRespected() {
    TrainingJobSpec cpu = SgFixtures.jobBuilder().instanceType("ml.m5.xlarge").build();
    assertThat(run(cpu, SgFixtures.sgNoSelfIngress()).get(0).outcome()).isEqualTo(Outcome.PASS);
    TrainingJobSpec forced = SgFixtures.jobBuilder().instanceType("ml.trn2.48xlarge").efa(true).build();
    assertThat(run(forced, SgFixtures.sgNoSelfIngress()).get(0).outcome()).isEqualTo(Outcome.FAIL);
    TrainingJobSpec off = SgFixtures.jobBuilder().efa(false).build();
    assertThat(run(off, SgFixtures.sgNoSelfIngress()).get(0).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aSingleInstanceHasNoPeerSoAnOrdinaryGroupPasses() {
    TrainingJobSpec single = SgFixtures.jobBuilder().instanceCount(1).build();
    Finding f = run(single, SgFixtures.sgNoSelfIngress()).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("single instance").contains("does not apply");
    TrainingJobSpec two = SgFixtures.jobBuilder().instanceCount(2).build();
    assertThat(run(two, SgFixtures.sgNoSelfIngress()).get(0).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void instanceGroupsCountTogether() {
    TrainingJobSpec oneEach = SgFixtures.jobBuilder().instanceCount(null).instanceType(null).instanceGroups(List.of(
        dev.vpctrain.core.job.InstanceGroup.of("a", "ml.p4d.24xlarge", 1),
        dev.vpctrain.core.job.InstanceGroup.of("b", "ml.p4d.24xlarge", 1))).build();
    assertThat(run(oneEach, SgFixtures.sgNoSelfIngress()).get(0).outcome()).isEqualTo(Outcome.FAIL);
    TrainingJobSpec oneGroup = SgFixtures.jobBuilder().instanceCount(null).instanceType(null).instanceGroups(List.of(
        dev.vpctrain.core.job.InstanceGroup.of("a", "ml.p4d.24xlarge", 1))).build();
    assertThat(run(oneGroup, SgFixtures.sgNoSelfIngress()).get(0).outcome()).isEqualTo(Outcome.PASS);
  }
}
