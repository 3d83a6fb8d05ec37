package dev.vpctrain.aws.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.support.FakeSageMaker;
import dev.vpctrain.aws.support.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Acceptance;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.report.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launch gate honours the UNVERIFIED checks the user accepted, and never a FAIL. */
class AcceptedLaunchTest {
  final TrainingJobSpec job = TestNetworks.job("resnet50-nightly");
  final FakeSageMaker sageMaker = new FakeSageMaker();

  VpcTrain vpctrain(NetworkSnapshot network) {
    return VpcTrain.builder().sageMaker(sageMaker).networkSource(j -> network).ruleEngine(TestNetworks.engine()).build();
  }

  @Test
  void aReportWhoseOnlyUnverifiedIsAcceptedIsReadyAndLaunches() {
    TrainingJobSpec accepted = job.toBuilder().acceptUnverified("vpc.tenancy.dedicated").build();

    TrainingRun run = vpctrain(TestNetworks.withoutVpcs()).launch(accepted);

    PreflightReport report = run.preflight().orElseThrow();
    assertThat(report.verdict()).isEqualTo(Verdict.READY);
    assertThat(report.accepted()).extracting(Finding::ruleId).containsExactly("vpc.tenancy.dedicated");
    assertThat(run.attached()).isFalse();
    assertThat(sageMaker.creates).hasSize(1);
  }

  @Test
  void anAcceptanceOfAnotherResourceStillRefuses() {
    TrainingJobSpec other = job.toBuilder().acceptUnverified("vpc.tenancy.dedicated", "vpc-0a1b2c3d4e5f69999").build();

    assertThatThrownBy(() -> vpctrain(TestNetworks.withoutVpcs()).launch(other))
        .isInstanceOfSatisfying(PreflightFailedException.class, e -> {
          assertThat(e.verdict()).isEqualTo(Verdict.UNVERIFIED);
          assertThat(e.ruleIds()).containsExactly("vpc.tenancy.dedicated");
        });
    assertThat(sageMaker.creates).isEmpty();
  }

  @Test
  void aFailIsRefusedWhateverIsAccepted() {
    TrainingJobSpec accepted = job.toBuilder().acceptUnverified("vpc.tenancy.dedicated").build();
    VpcTrain lenient = VpcTrain.builder().sageMaker(sageMaker).networkSource(j -> TestNetworks.dedicated())
        .ruleEngine(TestNetworks.engine())
        .launchPolicy(LaunchPolicy.standard().unverified(LaunchPolicy.Decision.ALLOW)).build();

    assertThatThrownBy(() -> lenient.launch(accepted))
        .isInstanceOfSatisfying(PreflightFailedException.class, e -> {
          assertThat(e.verdict()).isEqualTo(Verdict.NOT_READY);
          assertThat(e.blockers()).extracting(Finding::outcome).containsExactly(Outcome.FAIL);
        });
    assertThat(sageMaker.creates).isEmpty();
  }

  @Test
  void thePolicyNeverCountsAnAcceptedFindingAsABlocker() {
    Finding undecided = Finding.builder().ruleId("s3.route.unmodeled").severity(Severity.ERROR)
        .outcome(Outcome.UNVERIFIED).message("via tgw-1").addResource("subnet-1").build();
    Finding other = undecided.withRuleId("vpc.dhcp.dns-unreachable").withResources(List.of("dopt-1"));
    PreflightReport report = PreflightReport.of("job", "us-east-1", List.of(undecided, other), 2,
        List.of(Acceptance.of("s3.route.unmodeled", "subnet-1")));

    assertThat(LaunchPolicy.standard().blockers(report)).extracting(Finding::ruleId)
        .containsExactly("vpc.dhcp.dns-unreachable");
    PreflightReport all = PreflightReport.of("job", "us-east-1", List.of(undecided, other), 2,
        List.of(Acceptance.of("s3.route.unmodeled"), Acceptance.of("vpc.dhcp.dns-unreachable")));
    assertThat(LaunchPolicy.standard().blockers(all)).isEmpty();
    assertThat(LaunchPolicy.standard().warnings(LaunchPolicy.Decision.REFUSE).blockers(all)).isEmpty();
  }
}
