package dev.vpctrain.testkit.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

class TrainingJobSimulatorTest {
  private static final String S3_HINT = "Please ensure that the subnet's route table has a route to an S3 VPC endpoint "
      + "or a NAT device, and both the security groups and the subnet's network ACL allow outbound traffic to S3.";

  @Test
  void aJobInTheReadyScenarioGoesThroughTheFiveStatusesOneDescribeAtATime() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    SageMakerClient sm = aws.sageMakerClient();
    sm.createTrainingJob(request(Scenarios.readyPrivateEndpoints()));

    List<String> seen = new ArrayList<>();
    DescribeTrainingJobResponse d;
    do {
      d = sm.describeTrainingJob(r -> r.trainingJobName("resnet50-nightly"));
      seen.add(d.trainingJobStatusAsString() + "/" + d.secondaryStatusAsString());
    } while (d.trainingJobStatus() == TrainingJobStatus.IN_PROGRESS);

    assertThat(seen).containsExactly("InProgress/Starting", "InProgress/Downloading", "InProgress/Training",
        "InProgress/Uploading", "Completed/Completed");
    assertThat(d.secondaryStatusTransitions()).extracting(SecondaryStatusTransition::statusMessage).containsExactly(
        "Preparing the instances for training", "Downloading input data",
        "Training image download completed. Training in progress.", "Uploading generated training model",
        "Training job completed");
    assertThat(d.failureReason()).isNull();
    assertThat(d.modelArtifacts().s3ModelArtifacts())
        .isEqualTo("s3://acme-ml-artifacts/resnet50/resnet50-nightly/output/model.tar.gz");
    assertThat(d.trainingEndTime()).isEqualTo(d.secondaryStatusTransitions().get(4).startTime());
    assertThat(d.billableTimeInSeconds()).isEqualTo(2 * d.trainingTimeInSeconds());
    assertThat(d.responseMetadata().requestId()).isNotBlank();
    assertThat(d.sdkHttpResponse().statusCode()).isEqualTo(200);
    assertThat(d.vpcConfig().subnets()).containsExactly(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B);
    assertThat(TrainingJobRequests.differences(request(Scenarios.readyPrivateEndpoints()), TrainingJobRequests.fromDescribe(d)))
        .isEmpty();
  }

  @Test
  void withoutAnS3PathTheJobFailsDownloadingWithSageMakersWords() {
    DescribeTrainingJobResponse d = runToEnd(Scenarios.privateVpcWithoutS3Endpoint());

    assertThat(d.trainingJobStatus()).isEqualTo(TrainingJobStatus.FAILED);
    assertThat(d.failureReason()).isEqualTo("ClientError: Data download failed:" + S3_HINT);
    assertThat(statuses(d)).containsExactly("Starting", "Downloading", "Failed");
    assertThat(d.secondaryStatusTransitions().get(2).statusMessage()).isEqualTo("Training job failed");
  }

  @Test
  void aPublicSubnetFailsTheSameWay() {
    DescribeTrainingJobResponse d = runToEnd(Scenarios.publicSubnetWithInternetGateway());

    assertThat(d.failureReason()).isEqualTo("ClientError: Data download failed:" + S3_HINT);
  }

  @Test
  void whenOnlyTheOutputNeedsS3TheUploadFails() {
    Scenario s = Scenarios.privateVpcWithoutS3Endpoint();
    TrainingJobSpec fsxInput = s.job().toBuilder()
        .inputChannels(List.of(InputChannel.builder().name("train").fileSystemId("fs-0123456789abcdef0")
            .fileSystemType("FSxLustre").build()))
        .checkpointUri(null)
        .build();
    FakeAws aws = FakeAws.create().load(s);
    CreateTrainingJobRequest request = TrainingJobRequests.toRequest(fsxInput).toBuilder()
        .inputDataConfig(c -> c.channelName("train").dataSource(ds -> ds.fileSystemDataSource(f -> f
            .fileSystemId("fs-0123456789abcdef0").fileSystemType("FSxLustre").fileSystemAccessMode("ro")
            .directoryPath("/fsx/train"))))
        .build();
    aws.sageMakerClient().createTrainingJob(request);

    DescribeTrainingJobResponse d = describeToEnd(aws, "resnet50-nightly");

    assertThat(statuses(d)).containsExactly("Starting", "Downloading", "Training", "Uploading", "Failed");
    assertThat(d.failureReason()).isEqualTo("ClientError: Artifact upload failed:" + S3_HINT);
  }

  @Test
  void whenTheCodePackageNeedsS3TheToolkitFailsInTraining() {
    Scenario s = Scenarios.privateVpcWithoutS3Endpoint();
    TrainingJobSpec fsxInput = s.job().toBuilder()
        .inputChannels(List.of(InputChannel.builder().name("train").fileSystemId("fs-0123456789abcdef0")
            .fileSystemType("FSxLustre").build()))
        .checkpointUri(null)
        .codePackage("s3://acme-ml-code/resnet50/source/sourcedir.tar.gz")
        .build();
    FakeAws aws = FakeAws.create().load(s);
    CreateTrainingJobRequest request = TrainingJobRequests.toRequest(fsxInput).toBuilder()
        .inputDataConfig(c -> c.channelName("train").dataSource(ds -> ds.fileSystemDataSource(f -> f
            .fileSystemId("fs-0123456789abcdef0").fileSystemType("FSxLustre").fileSystemAccessMode("ro")
            .directoryPath("/fsx/train"))))
        .build();
    aws.sageMakerClient().createTrainingJob(request);

    DescribeTrainingJobResponse d = describeToEnd(aws, "resnet50-nightly");

    assertThat(statuses(d)).containsExactly("Starting", "Downloading", "Training", "Failed");
    assertThat(d.failureReason()).isEqualTo("AlgorithmError: framework error: \nbotocore.exceptions.ConnectTimeoutError: "
        + "Connect timeout on endpoint URL: \"https://acme-ml-code.s3.amazonaws.com/resnet50/source/sourcedir.tar.gz\"");
  }

  @Test
  void dedicatedTenancyFailsWhileStarting() {
    DescribeTrainingJobResponse d = runToEnd(Scenarios.dedicatedTenancy());

    assertThat(statuses(d)).containsExactly("Starting", "Failed");
    assertThat(d.failureReason()).startsWith("ClientError: ").contains(Scenarios.VPC, "dedicated", "default tenancy");
  }

  @Test
  void aSubnetOutOfAddressesFailsWhileStarting() {
    DescribeTrainingJobResponse d = runToEnd(Scenarios.subnetOutOfIps());

    assertThat(statuses(d)).containsExactly("Starting", "Failed");
    assertThat(d.failureReason()).startsWith("ClientError: Insufficient free IP addresses")
        .contains(Scenarios.PRIVATE_SUBNET_A, Scenarios.PRIVATE_SUBNET_B, "ml.p4d.24xlarge");
  }

  @Test
  void aClusterWhoseGroupDoesNotAdmitItselfHangsInTrainingForAnHourThenFails() {
    FakeAws aws = FakeAws.create().load(Scenarios.securityGroupWithoutSelfIngress());
    aws.sageMakerClient().createTrainingJob(request(Scenarios.securityGroupWithoutSelfIngress()));

    DescribeTrainingJobResponse d = describeToEnd(aws, "resnet50-nightly");

    assertThat(statuses(d)).containsExactly("Starting", "Downloading", "Training", "Failed");
    Instant training = d.secondaryStatusTransitions().get(2).startTime();
    Instant failed = d.secondaryStatusTransitions().get(3).startTime();
    assertThat(Duration.between(training, failed)).isEqualTo(Duration.ofHours(1));
    assertThat(d.failureReason()).contains("Cannot connect to host algo-2 at port 22");
    assertThat(aws.sageMaker().job("resnet50-nightly").cause()).hasValueSatisfying(f ->
        assertThat(f.ruleId()).startsWith("sg."));
    List<String> messages = new ArrayList<>();
    aws.logsClient().filterLogEventsPaginator(r -> r.logGroupName("/aws/sagemaker/TrainingJobs")
        .filterPattern("\"Cannot connect to host algo-2 at port 22\""))
        .events().forEach(e -> messages.add(e.message()));
    assertThat(messages).hasSizeGreaterThan(50);
  }

  @Test
  void theHangEndsEarlierWhenMaxRuntimeComesFirst() {
    Scenario s = Scenarios.securityGroupWithoutSelfIngress();
    FakeAws aws = FakeAws.create().load(s);
    aws.sageMakerClient().createTrainingJob(request(s).toBuilder().stoppingCondition(c -> c.maxRuntimeInSeconds(1800)).build());

    DescribeTrainingJobResponse d = describeToEnd(aws, "resnet50-nightly");

    assertThat(d.trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPED);
    assertThat(d.secondaryStatusAsString()).isEqualTo("MaxRuntimeExceeded");
    assertThat(Duration.between(d.trainingStartTime(), d.trainingEndTime())).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void requestShapeViolationsAreValidationExceptionsWordedAsAwsWordsThem() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    CreateTrainingJobRequest noGroups = request(Scenarios.readyPrivateEndpoints()).toBuilder()
        .vpcConfig(v -> v.subnets(Scenarios.PRIVATE_SUBNET_A).securityGroupIds(List.of())).build();

    assertThatThrownBy(() -> aws.sageMakerClient().createTrainingJob(noGroups))
        .isInstanceOfSatisfying(SageMakerException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '[]' at "
              + "'vpcConfig.securityGroupIds' failed to satisfy constraint: Member must have length greater than or equal to 1");
          assertThat(e.awsErrorDetails().serviceName()).isEqualTo("SageMaker");
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().sdkHttpResponse().statusCode()).isEqualTo(400);
          assertThat(e.requestId()).isNotBlank();
        });
    assertThat(aws.sageMaker().createdJobs()).isEmpty();
  }

  @Test
  void severalViolationsAreCountedAndJoined() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    CreateTrainingJobRequest bad = request(Scenarios.readyPrivateEndpoints()).toBuilder()
        .trainingJobName("bad_name").resourceConfig(r -> r.instanceType("ml.p4d.24xlarge").instanceCount(0).volumeSizeInGB(100))
        .build();

    assertThatThrownBy(() -> aws.sageMakerClient().createTrainingJob(bad))
        .isInstanceOf(SageMakerException.class)
        .hasMessageStartingWith("2 validation errors detected: Value 'bad_name' at 'trainingJobName' failed to satisfy "
            + "constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}; "
            + "Value '0' at 'resourceConfig.instanceCount' failed to satisfy constraint: Member must have value greater "
            + "than or equal to 1");
  }

  @Test
  void subnetsTheWorldDoesNotHaveAndMissingInputBucketsAreRefusedAtCreation() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    CreateTrainingJobRequest unknownSubnet = request(Scenarios.readyPrivateEndpoints()).toBuilder()
        .vpcConfig(v -> v.subnets("subnet-0fffffffffffffff0").securityGroupIds(Scenarios.TRAINING_GROUP)).build();
    CreateTrainingJobRequest unknownBucket = request(Scenarios.readyPrivateEndpoints()).toBuilder()
        .inputDataConfig(c -> c.channelName("train").dataSource(ds -> ds.s3DataSource(s3 -> s3.s3DataType("S3Prefix")
            .s3Uri("s3://no-such-bucket/train/")))).build();

    assertThatThrownBy(() -> aws.sageMakerClient().createTrainingJob(unknownSubnet))
        .hasMessageContaining("The subnet ID 'subnet-0fffffffffffffff0' does not exist");
    assertThatThrownBy(() -> aws.sageMakerClient().createTrainingJob(unknownBucket))
        .hasMessageContaining("No S3 objects found under S3 URL \"s3://no-such-bucket/train/\"");
  }

  @Test
  void aSecondJobOfTheSameNameIsResourceInUse() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    aws.sageMakerClient().createTrainingJob(request(Scenarios.readyPrivateEndpoints()));

    assertThatThrownBy(() -> aws.sageMakerClient().createTrainingJob(request(Scenarios.readyPrivateEndpoints())))
        .isInstanceOfSatisfying(ResourceInUseException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Training job names must be unique within an AWS account and region, and a training job with "
                + "this name already exists (arn:aws:sagemaker:us-east-1:123456789012:training-job/resnet50-nightly)"));
  }

  @Test
  void describingAJobThatDoesNotExistIsAValidationException() {
    FakeAws aws = FakeAws.create();

    assertThatThrownBy(() -> aws.sageMakerClient().describeTrainingJob(r -> r.trainingJobName("nope")))
        .isInstanceOfSatisfying(SageMakerException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found.");
        });
  }

  @Test
  void stoppingARunningJobStopsItAndStoppingItAgainIsRefused() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    SageMakerClient sm = aws.sageMakerClient();
    sm.createTrainingJob(request(Scenarios.readyPrivateEndpoints()));
    sm.describeTrainingJob(r -> r.trainingJobName("resnet50-nightly"));
    sm.describeTrainingJob(r -> r.trainingJobName("resnet50-nightly"));

    sm.stopTrainingJob(r -> r.trainingJobName("resnet50-nightly"));
    DescribeTrainingJobResponse stopping = sm.describeTrainingJob(r -> r.trainingJobName("resnet50-nightly"));
    DescribeTrainingJobResponse stopped = sm.describeTrainingJob(r -> r.trainingJobName("resnet50-nightly"));

    assertThat(stopping.trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPING);
    assertThat(stopped.trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPED);
    assertThat(statuses(stopped)).containsExactly("Starting", "Downloading", "Stopping", "Stopped");
    assertThatThrownBy(() -> sm.stopTrainingJob(r -> r.trainingJobName("resnet50-nightly")))
        .hasMessageContaining("The request was rejected because the training job is in status Stopped.");
  }

  @Test
  void theWaiterEndsWithoutSleepingAndFailsOnAFailedJob() {
    FakeAws ready = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    ready.sageMakerClient().createTrainingJob(request(Scenarios.readyPrivateEndpoints()));
    FakeAws broken = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());
    broken.sageMakerClient().createTrainingJob(request(Scenarios.privateVpcWithoutS3Endpoint()));

    var done = ready.sageMakerClient().waiter()
        .waitUntilTrainingJobCompletedOrStopped(r -> r.trainingJobName("resnet50-nightly"));

    assertThat(done.matched().response()).hasValueSatisfying(d ->
        assertThat(d.trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED));
    assertThatThrownBy(() -> broken.sageMakerClient().waiter()
        .waitUntilTrainingJobCompletedOrStopped(r -> r.trainingJobName("resnet50-nightly")))
        .isInstanceOf(SdkClientException.class);
    assertThat(broken.sageMaker().job("resnet50-nightly").status()).isEqualTo("Failed");
  }

  // tag::clock[]
  @Test
  void withoutSteppingTheJobFollowsTheClockAlone() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    aws.sageMaker().stepOnDescribe(false);
    SageMakerClient sm = aws.sageMakerClient();
    sm.createTrainingJob(request(Scenarios.readyPrivateEndpoints()));

    String first = sm.describeTrainingJob(r -> r.trainingJobName("resnet50-nightly")).secondaryStatusAsString();
    String second = sm.describeTrainingJob(r -> r.trainingJobName("resnet50-nightly")).secondaryStatusAsString();
    aws.clock().advance(Duration.ofMinutes(3));
    String third = sm.describeTrainingJob(r -> r.trainingJobName("resnet50-nightly")).secondaryStatusAsString();
    aws.sageMaker().runToEnd("resnet50-nightly");
    String last = sm.describeTrainingJob(r -> r.trainingJobName("resnet50-nightly")).secondaryStatusAsString();

    assertThat(List.of(first, second, third, last)).containsExactly("Starting", "Starting", "Downloading", "Completed");
  }
  // end::clock[]

  // tag::scripts[]
  @Test
  void scriptsDecideOutcomesDurationsAndWhatTheCodeNeeds() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    aws.sageMaker()
        .script("flaky", s -> s.failsIn(Phase.TRAINING, "AlgorithmError: CUDA out of memory"))
        .script("calls-sts", s -> s.requires(AwsService.STS))
        .script("long", s -> s.trainingTime(Duration.ofHours(5)));
    FakeAws broken = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());
    broken.sageMaker().scriptAll(s -> s.completes());

    for (String name : List.of("flaky", "calls-sts", "long")) {
      aws.sageMakerClient().createTrainingJob(request(Scenarios.readyPrivateEndpoints()).toBuilder().trainingJobName(name).build());
    }
    broken.sageMakerClient().createTrainingJob(request(Scenarios.privateVpcWithoutS3Endpoint()));

    assertThat(describeToEnd(aws, "flaky").failureReason()).isEqualTo("AlgorithmError: CUDA out of memory");
    assertThat(describeToEnd(aws, "calls-sts").failureReason())
        .contains("Connect timeout on endpoint URL: \"https://sts.us-east-1.amazonaws.com/\"");
    assertThat(aws.sageMaker().job("calls-sts").cause()).hasValueSatisfying(f ->
        assertThat(f.ruleId()).isEqualTo("egress.service.unreachable"));
    DescribeTrainingJobResponse longJob = describeToEnd(aws, "long");
    assertThat(Duration.between(longJob.secondaryStatusTransitions().get(2).startTime(),
        longJob.secondaryStatusTransitions().get(3).startTime())).isEqualTo(Duration.ofHours(5));
    assertThat(describeToEnd(broken, "resnet50-nightly").trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
  }
  // end::scripts[]

  @Test
  void aRememberedVerdictIsNeverReusedForAChangedNetwork() {
    FakeAws broken = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());
    FakeAws fixed = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());
    fixed.ec2Client().createVpcEndpoint(r -> r.vpcId(Scenarios.VPC).serviceName("com.amazonaws.us-east-1.s3")
        .routeTableIds(Scenarios.PRIVATE_ROUTE_TABLE));

    broken.sageMakerClient().createTrainingJob(request(Scenarios.privateVpcWithoutS3Endpoint()));
    fixed.sageMakerClient().createTrainingJob(request(Scenarios.privateVpcWithoutS3Endpoint()));

    assertThat(broken.sageMaker().job("resnet50-nightly").finalStatus()).isEqualTo("Failed");
    assertThat(fixed.sageMaker().job("resnet50-nightly").finalStatus()).isEqualTo("Completed");
  }

  @Test
  void listTrainingJobsFiltersSortsAndPages() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    for (int i = 0; i < 12; i++) {
      String name = "job-" + (char) ('a' + i);
      aws.sageMakerClient().createTrainingJob(request(Scenarios.readyPrivateEndpoints()).toBuilder().trainingJobName(name).build());
      aws.clock().advance(Duration.ofSeconds(1));
    }
    aws.sageMaker().runToEnd("job-k");

    List<String> names = new ArrayList<>();
    aws.sageMakerClient().listTrainingJobsPaginator(r -> r.maxResults(5).sortBy("Name").sortOrder("Descending"))
        .trainingJobSummaries().forEach(s -> names.add(s.trainingJobName()));
    var completed = aws.sageMakerClient().listTrainingJobs(r -> r.statusEquals("Completed").nameContains("JOB-"));

    assertThat(names).hasSize(12).startsWith("job-l", "job-k").endsWith("job-a");
    assertThat(completed.trainingJobSummaries()).extracting(s -> s.trainingJobName()).hasSize(10)
        .doesNotContain("job-l");
  }

  @Test
  void operationsTheKitDoesNotModelSayThatTheyAreNotModeled() {
    FakeAws aws = FakeAws.create();

    assertThatThrownBy(() -> aws.sageMakerClient().listEndpoints(r -> { }))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("SageMaker.ListEndpoints is not modeled by the vpctrain testkit")
        .hasMessageContaining("CreateTrainingJob");
    assertThatThrownBy(() -> aws.ec2Client().runInstances(r -> r.imageId("ami-1")))
        .hasMessageContaining("Ec2.RunInstances is not modeled by the vpctrain testkit");
  }

  static CreateTrainingJobRequest request(Scenario s) {
    return TrainingJobRequests.toRequest(s.job());
  }

  static DescribeTrainingJobResponse runToEnd(Scenario s) {
    FakeAws aws = FakeAws.create().load(s);
    aws.sageMakerClient().createTrainingJob(request(s));
    return describeToEnd(aws, s.job().name());
  }

  static DescribeTrainingJobResponse describeToEnd(FakeAws aws, String name) {
    DescribeTrainingJobResponse d;
    int guard = 0;
    do {
      d = aws.sageMakerClient().describeTrainingJob(r -> r.trainingJobName(name));
      assertThat(++guard).isLessThan(20);
    } while (d.trainingJobStatus() == TrainingJobStatus.IN_PROGRESS || d.trainingJobStatus() == TrainingJobStatus.STOPPING);
    return d;
  }

  static List<String> statuses(DescribeTrainingJobResponse d) {
    List<String> out = new ArrayList<>();
    d.secondaryStatusTransitions().forEach(t -> out.add(t.statusAsString()));
    return out;
  }
}
