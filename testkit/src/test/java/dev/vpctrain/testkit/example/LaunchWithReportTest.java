package dev.vpctrain.testkit.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.launch.PreflightFailedException;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.testkit.ApiCall;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import org.junit.jupiter.api.Test;

/** {@code launch(job, report)} reuses the caller's preflight: no discovery call the second time. */
class LaunchWithReportTest {
  private final Scenario ready = Scenarios.readyPrivateEndpoints();

  // tag::launch-report[]
  @Test
  void launchWithTheReportMakesNoDiscoveryCalls() {
    FakeAws aws = FakeAws.create().load(ready);
    VpcTrain vpctrain = aws.vpcTrain().build();
    TrainingJobSpec job = ready.job();

    PreflightReport report = vpctrain.preflight(job);
    int discovery = aws.calls().size();
    TrainingRun run = vpctrain.launch(job, report);

    assertThat(run.preflight()).containsSame(report);
    assertThat(aws.calls().subList(discovery, aws.calls().size())).extracting(ApiCall::name)
        .containsExactly("sagemaker:DescribeTrainingJob", "sagemaker:CreateTrainingJob");
  }
  // end::launch-report[]

  @Test
  void preflightThenLaunchWithoutTheReportDiscoversTwice() {
    FakeAws aws = FakeAws.create().load(ready);
    VpcTrain vpctrain = aws.vpcTrain().build();
    PreflightReport report = vpctrain.preflight(ready.job());
    int discovery = aws.calls().size();

    vpctrain.launch(ready.job());

    assertThat(aws.calls()).hasSize(2 * discovery + 2);
    assertThat(report.isReady()).isTrue();
  }

  @Test
  void aBlockingReportStillRefusesTheLaunch() {
    FakeAws aws = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());
    VpcTrain vpctrain = aws.vpcTrain().build();
    TrainingJobSpec job = Scenarios.privateVpcWithoutS3Endpoint().job();
    PreflightReport report = vpctrain.preflight(job);

    assertThatThrownBy(() -> vpctrain.launch(job, report)).isInstanceOf(PreflightFailedException.class)
        .hasMessageContaining("s3.route.missing");
    assertThat(aws.sageMaker().createdJobs()).isEmpty();
  }

  @Test
  void theReportOfAnotherJobIsRefused() {
    FakeAws aws = FakeAws.create().load(ready);
    VpcTrain vpctrain = aws.vpcTrain().build();
    PreflightReport report = vpctrain.preflight(ready.job());
    TrainingJobSpec other = ready.job().withName("another-job");

    assertThatThrownBy(() -> vpctrain.launch(other, report)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another-job");
  }
}
