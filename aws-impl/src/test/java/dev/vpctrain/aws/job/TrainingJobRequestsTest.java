package dev.vpctrain.aws.job;

import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.json.SdkJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.InstanceGroup;
import dev.vpctrain.core.job.RepositoryAccessMode;
import dev.vpctrain.core.job.S3Output;
import dev.vpctrain.core.job.TrainingJobSpec;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

class TrainingJobRequestsTest {
  static final java.util.Comparator<JsonNode> NUMERIC = (a, b) -> a.isNumber() && b.isNumber()
      ? a.decimalValue().compareTo(b.decimalValue()) : (a.equals(b) ? 0 : 1);

  static JsonNode fixture(String name) throws IOException {
    try (InputStream in = TrainingJobRequestsTest.class.getResourceAsStream("/sagemaker/" + name)) {
      return JsonInput.mapper().readTree(in);
    }
  }

  static TrainingJobSpec simpleSpec() {
    return TrainingJobSpec.builder()
        .name("resnet50-2026-11-29")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTraining")
        .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5-gpu-py311")
        .trainingInputMode("File")
        .instanceType("ml.p4d.24xlarge").instanceCount(4).volumeSizeInGb(100)
        .vpc(v -> v.subnets("subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719")
            .securityGroups("sg-0a1b2c3d4e5f60710"))
        .inputChannel("train", "s3://acme-ml-data/imagenet/train/")
        .outputPath("s3://acme-ml-artifacts/resnet50/")
        .checkpointUri("s3://acme-ml-artifacts/resnet50/ckpt/")
        .enableInterContainerTrafficEncryption(true)
        .maxRuntimeInSeconds(86400)
        .build();
  }

  @Test
  void specMapsToACompleteRequest() {
    TrainingJobSpec spec = simpleSpec().toBuilder()
        .repositoryAccessMode(RepositoryAccessMode.PLATFORM)
        .outputKmsKeyId("alias/ml")
        .volumeKmsKeyId("alias/ebs")
        .addS3Output("TensorBoardOutputConfig.S3OutputPath", "s3://acme-ml-artifacts/tb/")
        .putApiExtra("HyperParameters", "{\"epochs\":\"10\"}")
        .putApiExtra("Environment", "{\"NCCL_DEBUG\":\"INFO\"}")
        .putApiExtra("Tags", "[{\"Key\":\"team\",\"Value\":\"ml\"}]")
        .putApiExtra("RetryStrategy", "{\"MaximumRetryAttempts\":3}")
        .putApiExtra("StoppingCondition.MaxWaitTimeInSeconds", "172800")
        .putApiExtra("EnableManagedSpotTraining", "true")
        .build();

    CreateTrainingJobRequest r = TrainingJobRequests.toRequest(spec);

    assertThat(r.trainingJobName()).isEqualTo("resnet50-2026-11-29");
    assertThat(r.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/SageMakerTraining");
    assertThat(r.algorithmSpecification().trainingImage()).endsWith("pytorch-training:2.5-gpu-py311");
    assertThat(r.algorithmSpecification().trainingInputModeAsString()).isEqualTo("File");
    assertThat(r.algorithmSpecification().trainingImageConfig().trainingRepositoryAccessModeAsString()).isEqualTo("Platform");
    assertThat(r.resourceConfig().instanceTypeAsString()).isEqualTo("ml.p4d.24xlarge");
    assertThat(r.resourceConfig().instanceCount()).isEqualTo(4);
    assertThat(r.resourceConfig().volumeSizeInGB()).isEqualTo(100);
    assertThat(r.resourceConfig().volumeKmsKeyId()).isEqualTo("alias/ebs");
    assertThat(r.vpcConfig().subnets()).containsExactly("subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719");
    assertThat(r.vpcConfig().securityGroupIds()).containsExactly("sg-0a1b2c3d4e5f60710");
    assertThat(r.inputDataConfig()).hasSize(1);
    assertThat(r.inputDataConfig().get(0).channelName()).isEqualTo("train");
    assertThat(r.inputDataConfig().get(0).dataSource().s3DataSource().s3Uri()).isEqualTo("s3://acme-ml-data/imagenet/train/");
    assertThat(r.inputDataConfig().get(0).dataSource().s3DataSource().s3DataTypeAsString()).isEqualTo("S3Prefix");
    assertThat(r.outputDataConfig().s3OutputPath()).isEqualTo("s3://acme-ml-artifacts/resnet50/");
    assertThat(r.outputDataConfig().kmsKeyId()).isEqualTo("alias/ml");
    assertThat(r.checkpointConfig().s3Uri()).isEqualTo("s3://acme-ml-artifacts/resnet50/ckpt/");
    assertThat(r.tensorBoardOutputConfig().s3OutputPath()).isEqualTo("s3://acme-ml-artifacts/tb/");
    assertThat(r.enableNetworkIsolation()).isFalse();
    assertThat(r.enableInterContainerTrafficEncryption()).isTrue();
    assertThat(r.stoppingCondition().maxRuntimeInSeconds()).isEqualTo(86400);
    assertThat(r.stoppingCondition().maxWaitTimeInSeconds()).isEqualTo(172800);
    assertThat(r.hyperParameters()).containsExactly(entry("epochs", "10"));
    assertThat(r.environment()).containsExactly(entry("NCCL_DEBUG", "INFO"));
    assertThat(r.tags()).singleElement().satisfies(t -> {
      assertThat(t.key()).isEqualTo("team");
      assertThat(t.value()).isEqualTo("ml");
    });
    assertThat(r.retryStrategy().maximumRetryAttempts()).isEqualTo(3);
    assertThat(r.enableManagedSpotTraining()).isTrue();
  }

  @Test
  void fullRequestSurvivesRequestToSpecToRequest() throws IOException {
    CreateTrainingJobRequest original = TrainingJobRequests.parse(fixture("full-job.json"));

    TrainingJobSpec spec = TrainingJobRequests.toSpec(original);
    CreateTrainingJobRequest again = TrainingJobRequests.toRequest(spec);

    assertThat(again).isEqualTo(original);
    assertThat(TrainingJobRequests.toJson(again).equals(NUMERIC, fixture("full-job.json"))).isTrue();
  }

  @Test
  void requestFieldsLandInTheModeledSpecParts() throws IOException {
    TrainingJobSpec spec = TrainingJobRequests.toSpec(TrainingJobRequests.parse(fixture("full-job.json")));

    assertThat(spec.name()).isEqualTo("llama-ft-2026-11-29");
    assertThat(spec.trainingInputMode()).contains("FastFile");
    assertThat(spec.repositoryAccessMode()).contains(RepositoryAccessMode.VPC);
    assertThat(spec.instanceGroups()).containsExactly(
        InstanceGroup.of("gpu", "ml.p4d.24xlarge", 2), InstanceGroup.of("cpu", "ml.c5.18xlarge", 1));
    assertThat(spec.instanceType()).isEmpty();
    assertThat(spec.totalInstanceCount()).isEqualTo(3);
    assertThat(spec.volumeSizeInGb()).contains(200);
    assertThat(spec.vpc().orElseThrow().subnets()).containsExactly("subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719");
    assertThat(spec.inputChannels()).containsExactly(
        InputChannel.builder().name("train").s3Uri("s3://acme-ml-data/train/").s3DataType("S3Prefix")
            .s3DataDistributionType("ShardedByS3Key").inputMode("File").build(),
        InputChannel.builder().name("lustre").fileSystemId("fs-0123456789abcdef0").fileSystemType("FSxLustre")
            .directoryPath("/fsx/data").fileSystemAccessMode("ro").build());
    assertThat(spec.outputPath()).contains("s3://acme-ml-artifacts/llama/");
    assertThat(spec.outputKmsKeyId()).contains("alias/ml");
    assertThat(spec.checkpointUri()).contains("s3://acme-ml-artifacts/llama/ckpt/");
    assertThat(spec.additionalS3Outputs()).containsExactlyInAnyOrder(
        S3Output.of("DebugHookConfig.S3OutputPath", "s3://acme-ml-artifacts/llama/debug/"),
        S3Output.of("TensorBoardOutputConfig.S3OutputPath", "s3://acme-ml-artifacts/llama/tb/"),
        S3Output.of("ProfilerConfig.S3OutputPath", "s3://acme-ml-artifacts/llama/profiler/"),
        S3Output.of("DebugRuleConfigurations[0].S3OutputPath", "s3://acme-ml-artifacts/llama/rules/"));
    assertThat(spec.enableInterContainerTrafficEncryption()).isTrue();
    assertThat(spec.enableNetworkIsolation()).isFalse();
    assertThat(spec.maxRuntimeInSeconds()).contains(86400);
    // everything else is kept: whole unmodeled members, and leftovers of modeled structures by path
    assertThat(spec.apiExtras())
        .containsEntry("HyperParameters", "{\"epochs\":\"3\",\"lr\":\"0.0001\"}")
        .containsEntry("Tags", "[{\"Key\":\"team\",\"Value\":\"ml\"}]")
        .containsEntry("RetryStrategy", "{\"MaximumRetryAttempts\":2}")
        .containsEntry("EnableManagedSpotTraining", "true")
        .containsEntry("StoppingCondition.MaxWaitTimeInSeconds", "172800")
        .containsEntry("ResourceConfig.KeepAlivePeriodInSeconds", "600")
        .containsEntry("InputDataConfig[0].ContentType", "\"application/x-parquet\"")
        .containsEntry("InputDataConfig[0].DataSource.S3DataSource.InstanceGroupNames", "[\"gpu\"]")
        .containsEntry("CheckpointConfig.LocalPath", "\"/opt/ml/checkpoints\"")
        .doesNotContainKeys("TrainingJobName", "VpcConfig", "ResourceConfig.InstanceGroups");
  }

  @Test
  void specSurvivesSpecToRequestToSpec() {
    TrainingJobSpec spec = simpleSpec().toBuilder()
        .addInputChannel(InputChannel.builder().name("fsx").fileSystemId("fs-0123456789abcdef0")
            .fileSystemType("FSxLustre").fileSystemAccessMode("ro").directoryPath("/fsx").inputMode("File").build())
        .putApiExtra("HyperParameters", "{\"epochs\":\"10\"}")
        .addS3Output("ProfilerConfig.S3OutputPath", "s3://acme-ml-artifacts/prof/")
        .repositoryAccessMode(RepositoryAccessMode.VPC)
        .enableNetworkIsolation(true)
        .build();

    assertThat(TrainingJobRequests.toSpec(TrainingJobRequests.toRequest(spec))).isEqualTo(spec);
  }

  @Test
  void requirementsOutsideTheRequestAreNotPartOfIt() {
    TrainingJobSpec spec = simpleSpec().toBuilder().requires(AwsService.STS).requiresInternet("pypi.org", 443)
        .blockPackageRepositories().region("us-east-1").build();

    TrainingJobSpec back = TrainingJobRequests.toSpec(TrainingJobRequests.toRequest(spec));

    assertThat(back).isEqualTo(simpleSpec());
  }

  @Test
  void wholeStructureExtrasMergeUnderModeledFields() {
    TrainingJobSpec spec = simpleSpec().toBuilder()
        .putApiExtra("ResourceConfig", "{\"InstanceType\":\"ml.m5.large\",\"KeepAlivePeriodInSeconds\":300}")
        .putApiExtra("InputDataConfig", "[{\"ChannelName\":\"x\",\"ContentType\":\"text/csv\"},{\"ChannelName\":\"ghost\"}]")
        .build();

    CreateTrainingJobRequest r = TrainingJobRequests.toRequest(spec);

    assertThat(r.resourceConfig().instanceTypeAsString()).isEqualTo("ml.p4d.24xlarge");
    assertThat(r.resourceConfig().keepAlivePeriodInSeconds()).isEqualTo(300);
    assertThat(r.inputDataConfig()).singleElement().satisfies(c -> {
      assertThat(c.channelName()).isEqualTo("train");
      assertThat(c.contentType()).isEqualTo("text/csv");
    });
  }

  @Test
  void unknownMembersAndBadValuesNameTheirPath() {
    TrainingJobSpec unknown = simpleSpec().toBuilder().putApiExtra("ResourceConfig.InstanceColor", "\"red\"").build();
    assertThatThrownBy(() -> TrainingJobRequests.toRequest(unknown))
        .isInstanceOf(SdkJsonException.class)
        .hasMessageContaining("ResourceConfig.InstanceColor")
        .hasMessageContaining("unknown member 'InstanceColor'")
        .hasMessageContaining("KeepAlivePeriodInSeconds");

    TrainingJobSpec badType = simpleSpec().toBuilder().putApiExtra("RetryStrategy", "{\"MaximumRetryAttempts\":\"two\"}").build();
    assertThatThrownBy(() -> TrainingJobRequests.toRequest(badType))
        .isInstanceOf(SdkJsonException.class)
        .hasMessage("RetryStrategy.MaximumRetryAttempts: expected an integer but was the string \"two\"");

    TrainingJobSpec badJson = simpleSpec().toBuilder().putApiExtra("HyperParameters", "{epochs:").build();
    assertThatThrownBy(() -> TrainingJobRequests.toRequest(badJson))
        .isInstanceOf(SdkJsonException.class)
        .hasMessageStartingWith("HyperParameters: apiExtras value is not valid JSON");
  }

  @Test
  void jobFileWithUnknownMemberIsRejectedWithItsPath() throws IOException {
    JsonNode job = JsonInput.mapper().readTree("{\"TrainingJobName\":\"x\",\"VpcConfig\":{\"Subnet\":[\"subnet-1\"]}}");

    assertThatThrownBy(() -> TrainingJobRequests.parse(job))
        .isInstanceOf(SdkJsonException.class)
        .hasMessageStartingWith("VpcConfig.Subnet: unknown member 'Subnet'; expected one of SecurityGroupIds, Subnets");
  }

  @Test
  void describeResponseGivesTheComparableRequestParts() throws IOException {
    CreateTrainingJobRequest requested = TrainingJobRequests.parse(fixture("full-job.json"));
    DescribeTrainingJobResponse described = describedAs(requested);

    CreateTrainingJobRequest existing = TrainingJobRequests.fromDescribe(described);

    assertThat(existing.tags()).isEmpty();
    assertThat(existing.toBuilder().tags(requested.tags()).build()).isEqualTo(requested);
    assertThat(TrainingJobRequests.differences(requested, existing)).isEmpty();
  }

  @Test
  void serviceDefaultsAndReorderedListsAreNotDifferences() {
    CreateTrainingJobRequest requested = TrainingJobRequests.toRequest(simpleSpec());
    CreateTrainingJobRequest existing = requested.toBuilder()
        .vpcConfig(v -> v.subnets("subnet-0a1b2c3d4e5f60719", "subnet-0a1b2c3d4e5f60718")
            .securityGroupIds("sg-0a1b2c3d4e5f60710"))
        .enableManagedSpotTraining(false)
        .outputDataConfig(o -> o.s3OutputPath("s3://acme-ml-artifacts/resnet50/").compressionType("GZIP"))
        .build();

    assertThat(TrainingJobRequests.differences(requested, existing)).isEmpty();
  }

  @Test
  void differencesNameEveryDifferingMember() {
    CreateTrainingJobRequest requested = TrainingJobRequests.toRequest(simpleSpec().toBuilder()
        .putApiExtra("HyperParameters", "{\"epochs\":\"10\"}").build());
    CreateTrainingJobRequest existing = requested.toBuilder()
        .resourceConfig(requested.resourceConfig().toBuilder().instanceCount(2).build())
        .vpcConfig(v -> v.subnets("subnet-0a1b2c3d4e5f60718").securityGroupIds("sg-0a1b2c3d4e5f60710"))
        .hyperParameters(java.util.Map.of("epochs", "10", "seed", "7"))
        .checkpointConfig((software.amazon.awssdk.services.sagemaker.model.CheckpointConfig) null)
        .build();

    List<RequestDifference> diffs = TrainingJobRequests.differences(requested, existing);

    assertThat(diffs).extracting(RequestDifference::path).containsExactlyInAnyOrder(
        "ResourceConfig.InstanceCount", "VpcConfig.Subnets", "HyperParameters.seed", "CheckpointConfig");
    assertThat(diffs).filteredOn(d -> d.path().equals("ResourceConfig.InstanceCount")).singleElement()
        .hasToString("ResourceConfig.InstanceCount (requested 4, existing 2)");
  }

  static DescribeTrainingJobResponse describedAs(CreateTrainingJobRequest r) {
    return DescribeTrainingJobResponse.builder()
        .trainingJobName(r.trainingJobName())
        .trainingJobArn("arn:aws:sagemaker:us-east-1:123456789012:training-job/" + r.trainingJobName())
        .trainingJobStatus(TrainingJobStatus.IN_PROGRESS)
        .secondaryStatus("Starting")
        .creationTime(Instant.parse("2026-11-29T08:00:00Z"))
        .secondaryStatusTransitions(SecondaryStatusTransition.builder().status("Starting")
            .startTime(Instant.parse("2026-11-29T08:00:00Z")).statusMessage("Preparing the instances for training").build())
        .hyperParameters(r.hyperParameters())
        .algorithmSpecification(r.algorithmSpecification())
        .roleArn(r.roleArn())
        .inputDataConfig(r.inputDataConfig())
        .outputDataConfig(r.outputDataConfig())
        .resourceConfig(r.resourceConfig())
        .vpcConfig(r.vpcConfig())
        .stoppingCondition(r.stoppingCondition())
        .enableNetworkIsolation(r.enableNetworkIsolation())
        .enableInterContainerTrafficEncryption(r.enableInterContainerTrafficEncryption())
        .enableManagedSpotTraining(r.enableManagedSpotTraining())
        .checkpointConfig(r.checkpointConfig())
        .debugHookConfig(r.debugHookConfig())
        .debugRuleConfigurations(r.debugRuleConfigurations())
        .tensorBoardOutputConfig(r.tensorBoardOutputConfig())
        .experimentConfig(r.experimentConfig())
        .profilerConfig(r.profilerConfig())
        .environment(r.environment())
        .retryStrategy(r.retryStrategy())
        .remoteDebugConfig(r.remoteDebugConfig())
        .infraCheckConfig(r.infraCheckConfig())
        .build();
  }

  @Test
  void theCodePackageTravelsAsTheSdksQuotedHyperparameter() {
    TrainingJobSpec spec = simpleSpec().toBuilder().putApiExtra("HyperParameters", "{\"epochs\":\"10\"}")
        .codePackage("s3://acme-ml-code/resnet50/source/sourcedir.tar.gz").build();
    CreateTrainingJobRequest r = TrainingJobRequests.toRequest(spec);
    assertThat(r.hyperParameters()).containsExactly(entry("epochs", "10"),
        entry("sagemaker_submit_directory", "\"s3://acme-ml-code/resnet50/source/sourcedir.tar.gz\""));
    TrainingJobSpec back = TrainingJobRequests.toSpec(r);
    assertThat(back).isEqualTo(spec);
    assertThat(back.codePackage()).contains("s3://acme-ml-code/resnet50/source/sourcedir.tar.gz");
  }
}
