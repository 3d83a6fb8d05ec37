package dev.vpctrain.testkit.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.launch.JobConflictException;
import dev.vpctrain.aws.launch.PreflightFailedException;
import dev.vpctrain.aws.launch.ProcessingRun;
import dev.vpctrain.aws.launch.WatchTimeoutException;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.testkit.AwsFault;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.CreateProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ProcessingJobStatus;

/** {@code VpcTrain.launch(CreateProcessingJobRequest)} against the fake SageMaker: gate, create, attach, await. */
class ProcessingLaunchTest {
  private static VpcTrain vpctrain(FakeAws aws) {
    return aws.vpcTrain().build();
  }

  @Test
  void aReadyProcessingJobIsCreatedAndAwaitedOnTheVirtualClock() throws Exception {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    ProcessingRun run = vpctrain(aws).launch(ProcessingJobSimulatorTest.request("prep"));
    assertThat(run.attached()).isFalse();
    assertThat(run.preflight()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(JobKind.PROCESSING));
    assertThat(run.jobArn()).contains("arn:aws:sagemaker:us-east-1:123456789012:processing-job/prep");
    List<String> statuses = new ArrayList<>();
    DescribeProcessingJobResponse end = run.await(d -> statuses.add(d.processingJobStatusAsString()), null);
    assertThat(end.processingJobStatus()).isEqualTo(ProcessingJobStatus.COMPLETED);
    assertThat(statuses).containsExactly("InProgress", "Completed");
    assertThat(run.diagnose(end)).isEmpty();
  }

  @Test
  void aBrokenNetworkIsRefusedBeforeAnythingIsCreated() {
    FakeAws aws = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());
    assertThatThrownBy(() -> vpctrain(aws).launch(ProcessingJobSimulatorTest.request("prep")))
        .isInstanceOf(PreflightFailedException.class).hasMessageContaining("s3.route.missing");
    assertThat(aws.calls("sagemaker:CreateProcessingJob")).isEmpty();
  }

  @Test
  void aJobThatFailsAnywayIsDiagnosed() throws Exception {
    FakeAws aws = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());
    aws.sageMakerClient().createProcessingJob(ProcessingJobSimulatorTest.request("prep")); // created without the gate
    ProcessingRun run = vpctrain(aws).launch(ProcessingJobSimulatorTest.request("prep")); // attaches: same request
    assertThat(run.attached()).isTrue();
    DescribeProcessingJobResponse end = run.await();
    assertThat(end.processingJobStatus()).isEqualTo(ProcessingJobStatus.FAILED);
    assertThat(run.diagnose(end)).hasValueSatisfying(d -> assertThat(d.render()).contains("s3.route.missing"));
  }

  @Test
  void aDifferentJobOfTheSameNameIsAConflict() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    aws.sageMakerClient().createProcessingJob(ProcessingJobSimulatorTest.request("prep"));
    CreateProcessingJobRequest bigger = ProcessingJobSimulatorTest.request("prep", 2, Scenarios.PRIVATE_SUBNET_A,
        Scenarios.PRIVATE_SUBNET_B);
    assertThatThrownBy(() -> vpctrain(aws).launch(bigger)).isInstanceOf(JobConflictException.class)
        .hasMessageContaining("ProcessingResources");
  }

  @Test
  void throttledPollsAreRetriedAndATimeoutLeavesTheJobRunning() throws Exception {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    ProcessingRun run = vpctrain(aws).launch(ProcessingJobSimulatorTest.request("prep"));
    aws.sageMaker().failTimes("DescribeProcessingJob", 3, AwsFault.throttling());
    assertThat(run.await().processingJobStatus()).isEqualTo(ProcessingJobStatus.COMPLETED);

    ProcessingRun slow = vpctrain(aws).launch(ProcessingJobSimulatorTest.request("prep-2"));
    aws.sageMaker().stepOnDescribe(false);
    assertThatThrownBy(() -> slow.await(d -> { }, Duration.ofMinutes(1))).isInstanceOf(WatchTimeoutException.class)
        .hasMessageContaining("Job 'prep-2' did not finish within PT1M");
  }
}
