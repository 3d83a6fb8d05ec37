package dev.vpctrain.testkit.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AppSpecification;
import software.amazon.awssdk.services.sagemaker.model.CreateProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ListProcessingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ProcessingInput;
import software.amazon.awssdk.services.sagemaker.model.ProcessingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.ProcessingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ProcessingOutput;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** {@code CreateProcessingJob} and its Describe, List and Stop in the fake SageMaker: the same simulation as training. */
class ProcessingJobSimulatorTest {
  static CreateProcessingJobRequest request(String name, int instances, String... subnets) {
    return CreateProcessingJobRequest.builder()
        .processingJobName(name)
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTrainingRole")
        .appSpecification(AppSpecification.builder()
            .imageUri("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5.1-cpu-py311").build())
        .processingResources(p -> p.clusterConfig(c -> c.instanceCount(instances).instanceType("ml.m5.xlarge")
            .volumeSizeInGB(30)))
        .processingInputs(ProcessingInput.builder().inputName("raw").s3Input(s -> s.s3Uri("s3://acme-ml-data/imagenet/train/")
            .localPath("/opt/ml/processing/input").s3DataType("S3Prefix").s3InputMode("File")).build())
        .processingOutputConfig(o -> o.outputs(ProcessingOutput.builder().outputName("out").s3Output(s -> s
            .s3Uri("s3://acme-ml-artifacts/prep/").localPath("/opt/ml/processing/out").s3UploadMode("EndOfJob")).build()))
        .networkConfig(n -> n.vpcConfig(v -> v.subnets(subnets).securityGroupIds(Scenarios.TRAINING_GROUP)))
        .build();
  }

  static CreateProcessingJobRequest request(String name) {
    return request(name, 1, Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B);
  }

  static DescribeProcessingJobResponse describeToEnd(SageMakerClient sm, String name, List<String> seen) {
    DescribeProcessingJobResponse d;
    do {
      d = sm.describeProcessingJob(r -> r.processingJobName(name));
      seen.add(d.processingJobStatusAsString());
    } while (d.processingJobStatus() == ProcessingJobStatus.IN_PROGRESS);
    return d;
  }

  private static DescribeProcessingJobResponse runToEnd(Scenario s, CreateProcessingJobRequest request) {
    FakeAws aws = FakeAws.create().load(s);
    aws.sageMakerClient().createProcessingJob(request);
    return describeToEnd(aws.sageMakerClient(), request.processingJobName(), new ArrayList<>());
  }

  @Test
  void aProcessingJobInTheReadyNetworkCompletes() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    SageMakerClient sm = aws.sageMakerClient();
    String arn = sm.createProcessingJob(request("prep")).processingJobArn();
    assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-1:123456789012:processing-job/prep");
    List<String> seen = new ArrayList<>();
    DescribeProcessingJobResponse d = describeToEnd(sm, "prep", seen);
    assertThat(seen).first().isEqualTo("InProgress");
    assertThat(seen).last().isEqualTo("Completed");
    assertThat(d.failureReason()).isNull();
    assertThat(d.processingEndTime()).isNotNull().isAfter(d.creationTime());
    assertThat(d.networkConfig().vpcConfig().subnets()).containsExactly(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B);
    assertThat(d.processingInputs()).extracting(ProcessingInput::inputName).containsExactly("raw");
    assertThat(aws.calls("sagemaker:DescribeProcessingJob")).hasSize(seen.size());
  }

  @Test
  void aProcessingJobInABrokenNetworkFailsAsATrainingJobDoes() {
    DescribeProcessingJobResponse d = runToEnd(Scenarios.privateVpcWithoutS3Endpoint(), request("prep"));
    assertThat(d.processingJobStatus()).isEqualTo(ProcessingJobStatus.FAILED);
    assertThat(d.failureReason()).startsWith("ClientError: Data download failed");
    assertThat(TrainingJobSimulatorTest.runToEnd(Scenarios.privateVpcWithoutS3Endpoint()).failureReason())
        .isEqualTo(d.failureReason());
  }

  @Test
  void aClusterWhoseGroupDoesNotAdmitItselfFailsButOneInstanceDoesNot() {
    Scenario s = Scenarios.securityGroupWithoutSelfIngress();
    DescribeProcessingJobResponse cluster = runToEnd(s, request("prep", 4, Scenarios.PRIVATE_SUBNET_A));
    assertThat(cluster.processingJobStatus()).as(cluster.failureReason()).isEqualTo(ProcessingJobStatus.FAILED);
    DescribeProcessingJobResponse single = runToEnd(s, request("prep", 1, Scenarios.PRIVATE_SUBNET_A));
    assertThat(single.processingJobStatus()).as(single.failureReason()).isEqualTo(ProcessingJobStatus.COMPLETED);
  }

  @Test
  void theWaiterEndsOnTheVirtualClock() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    SageMakerClient sm = aws.sageMakerClient();
    sm.createProcessingJob(request("prep"));
    long t0 = System.nanoTime();
    WaiterResponse<DescribeProcessingJobResponse> w = sm.waiter()
        .waitUntilProcessingJobCompletedOrStopped(r -> r.processingJobName("prep"));
    assertThat(w.matched().response()).hasValueSatisfying(d ->
        assertThat(d.processingJobStatus()).isEqualTo(ProcessingJobStatus.COMPLETED));
    assertThat(System.nanoTime() - t0).as("no real sleeping").isLessThan(5_000_000_000L);
  }

  @Test
  void stopAndListAndNamesOfTheirOwn() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    SageMakerClient sm = aws.sageMakerClient();
    for (int i = 0; i < 3; i++) {
      sm.createProcessingJob(request("prep-" + i));
    }
    sm.stopProcessingJob(r -> r.processingJobName("prep-1"));
    aws.sageMaker().runToEnd("prep-1");
    assertThat(sm.describeProcessingJob(r -> r.processingJobName("prep-1")).processingJobStatus())
        .isEqualTo(ProcessingJobStatus.STOPPED);
    ListProcessingJobsResponse first = sm.listProcessingJobs(r -> r.maxResults(2).sortOrder("Ascending"));
    assertThat(first.processingJobSummaries()).extracting(ProcessingJobSummary::processingJobName)
        .containsExactly("prep-0", "prep-1");
    ListProcessingJobsResponse rest = sm.listProcessingJobs(r -> r.maxResults(2).sortOrder("Ascending")
        .nextToken(first.nextToken()));
    assertThat(rest.processingJobSummaries()).extracting(ProcessingJobSummary::processingJobName).containsExactly("prep-2");
    assertThat(sm.listProcessingJobs(r -> r.statusEquals("Stopped")).processingJobSummaries())
        .extracting(ProcessingJobSummary::processingJobName).containsExactly("prep-1");
    assertThatThrownBy(() -> sm.createProcessingJob(request("prep-0"))).isInstanceOf(ResourceInUseException.class);
    assertThatThrownBy(() -> sm.describeProcessingJob(r -> r.processingJobName("nope")))
        .isInstanceOf(ResourceNotFoundException.class);
    // a training job may share a processing job's name
    assertThat(sm.listTrainingJobs(r -> { }).trainingJobSummaries()).isEmpty();
  }

  @Test
  void requestsTheServiceRefusesAreRefused() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    SageMakerClient sm = aws.sageMakerClient();
    assertThatThrownBy(() -> sm.createProcessingJob(request("prep", 101, Scenarios.PRIVATE_SUBNET_A)))
        .isInstanceOf(SageMakerException.class).hasMessageContaining("instanceCount")
        .hasMessageContaining("less than or equal to 100");
    assertThatThrownBy(() -> sm.createProcessingJob(request("prep", 1, "subnet-0a1b2c3d4e5f69999")))
        .isInstanceOf(SageMakerException.class).hasMessageContaining("The subnet ID 'subnet-0a1b2c3d4e5f69999' does not exist");
  }
}
