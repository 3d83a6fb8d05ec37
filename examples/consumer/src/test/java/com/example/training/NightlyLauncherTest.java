package com.example.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.launch.PreflightFailedException;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.core.report.Verdict;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import dev.vpctrain.testkit.junit.FakeAwsTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher against the testkit's fake AWS: no account, no network. */
@FakeAwsTest
class NightlyLauncherTest {
  private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
  private static final List<String> SUBNETS = List.of(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B);

  @Test
  @FakeAwsTest(scenario = "ready-private-endpoints")
  void trainsWhenTheNetworkIsSound(FakeAws aws) throws Exception {
    NightlyLauncher launcher = new NightlyLauncher(aws.vpcTrain().build(), SUBNETS);

    assertThat(launcher.check(DAY).verdict()).isEqualTo(Verdict.READY);
    TrainingOutcome outcome = launcher.train(DAY);

    assertThat(outcome.isCompleted()).isTrue();
    assertThat(aws.sageMaker().createdJobs()).hasSize(1);
  }

  @Test
  @FakeAwsTest(scenario = "no-s3-endpoint")
  void refusesANetworkWithoutARouteToS3(FakeAws aws) {
    NightlyLauncher launcher = new NightlyLauncher(aws.vpcTrain().build(), List.of(Scenarios.PRIVATE_SUBNET_A));

    assertThatThrownBy(() -> launcher.train(DAY))
        .isInstanceOf(PreflightFailedException.class)
        .hasMessageContaining("s3.route.missing");
    assertThat(aws.sageMaker().createdJobs()).isEmpty();
  }
}
