package dev.vpctrain.aws.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.aws.SharedExamples;
import dev.vpctrain.core.job.RepositoryAccessMode;
import dev.vpctrain.core.job.S3Output;
import dev.vpctrain.core.job.TrainingJobSpec;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFileTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The members every CreateTrainingJob request needs, without the braces. */
  static final String MINIMAL = "\"TrainingJobName\": \"a\", \"RoleArn\": \"arn:aws:iam::123456789012:role/R\","
      + " \"AlgorithmSpecification\": {\"TrainingInputMode\": \"File\", \"TrainingImage\": \"img\"},"
      + " \"OutputDataConfig\": {\"S3OutputPath\": \"s3://acme-out/a/\"},"
      + " \"ResourceConfig\": {\"InstanceType\": \"ml.m5.xlarge\", \"InstanceCount\": 1, \"VolumeSizeInGB\": 10},"
      + " \"StoppingCondition\": {\"MaxRuntimeInSeconds\": 3600}";

  static final String RICH = "{\n"
      + "  \"TrainingJobName\": \"bert-large-2026\",\n"
      + "  \"HyperParameters\": {\"epochs\": \"3\", \"lr\": \"0.0001\"},\n"
      + "  \"AlgorithmSpecification\": {\n"
      + "    \"TrainingImage\": \"registry.example.com/ml/bert:1\",\n"
      + "    \"TrainingInputMode\": \"FastFile\",\n"
      + "    \"MetricDefinitions\": [{\"Name\": \"loss\", \"Regex\": \"loss=(\\\\S+)\"}],\n"
      + "    \"TrainingImageConfig\": {\"TrainingRepositoryAccessMode\": \"Vpc\",\n"
      + "      \"TrainingRepositoryAuthConfig\": {\"TrainingRepositoryCredentialsProviderArn\": \"arn:aws:lambda:us-east-1:123456789012:function:creds\"}}\n"
      + "  },\n"
      + "  \"RoleArn\": \"arn:aws:iam::123456789012:role/Training\",\n"
      + "  \"InputDataConfig\": [\n"
      + "    {\"ChannelName\": \"train\", \"ContentType\": \"application/x-parquet\", \"CompressionType\": \"None\",\n"
      + "     \"DataSource\": {\"S3DataSource\": {\"S3DataType\": \"ManifestFile\", \"S3Uri\": \"s3://acme-data/m.json\",\n"
      + "       \"S3DataDistributionType\": \"ShardedByS3Key\", \"AttributeNames\": [\"source-ref\"]}}},\n"
      + "    {\"ChannelName\": \"fsx\", \"DataSource\": {\"FileSystemDataSource\": {\"FileSystemId\": \"fs-0123456789abcdef0\",\n"
      + "       \"FileSystemType\": \"FSxLustre\", \"FileSystemAccessMode\": \"ro\", \"DirectoryPath\": \"/fsx/train\"}}}\n"
      + "  ],\n"
      + "  \"OutputDataConfig\": {\"S3OutputPath\": \"s3://acme-out/bert/\", \"KmsKeyId\": \"alias/ml\", \"CompressionType\": \"GZIP\"},\n"
      + "  \"ResourceConfig\": {\"VolumeSizeInGB\": 200, \"KeepAlivePeriodInSeconds\": 600,\n"
      + "    \"InstanceGroups\": [{\"InstanceType\": \"ml.p4d.24xlarge\", \"InstanceCount\": 2, \"InstanceGroupName\": \"gpu\"},\n"
      + "                       {\"InstanceType\": \"ml.c5.2xlarge\", \"InstanceCount\": 1, \"InstanceGroupName\": \"cpu\"}]},\n"
      + "  \"VpcConfig\": {\"SecurityGroupIds\": [\"sg-0a1b2c3d4e5f60401\"], \"Subnets\": [\"subnet-0a1b2c3d4e5f60101\"]},\n"
      + "  \"StoppingCondition\": {\"MaxRuntimeInSeconds\": 3600, \"MaxWaitTimeInSeconds\": 7200},\n"
      + "  \"Tags\": [{\"Key\": \"team\", \"Value\": \"nlp\"}],\n"
      + "  \"EnableNetworkIsolation\": true,\n"
      + "  \"EnableInterContainerTrafficEncryption\": false,\n"
      + "  \"EnableManagedSpotTraining\": true,\n"
      + "  \"CheckpointConfig\": {\"S3Uri\": \"s3://acme-out/ckpt/\", \"LocalPath\": \"/opt/ml/checkpoints\"},\n"
      + "  \"DebugHookConfig\": {\"S3OutputPath\": \"s3://acme-out/debug/\", \"CollectionConfigurations\": [{\"CollectionName\": \"losses\"}]},\n"
      + "  \"DebugRuleConfigurations\": [{\"RuleConfigurationName\": \"loss\", \"RuleEvaluatorImage\": \"img\", \"S3OutputPath\": \"s3://acme-out/rules/\"}],\n"
      + "  \"TensorBoardOutputConfig\": {\"S3OutputPath\": \"s3://acme-out/tb/\"},\n"
      + "  \"ProfilerConfig\": {\"S3OutputPath\": \"s3://acme-out/profiler/\", \"ProfilingIntervalInMilliseconds\": 500},\n"
      + "  \"Environment\": {\"NCCL_DEBUG\": \"INFO\"},\n"
      + "  \"RetryStrategy\": {\"MaximumRetryAttempts\": 2}\n"
      + "}\n";

  @Test
  void readsTheModeledMembers() {
    TrainingJobSpec spec = JobFile.parse(RICH, "rich.json");
    assertThat(spec.name()).isEqualTo("bert-large-2026");
    assertThat(spec.roleArn()).hasValue("arn:aws:iam::123456789012:role/Training");
    assertThat(spec.trainingImage()).hasValue("registry.example.com/ml/bert:1");
    assertThat(spec.trainingInputMode()).hasValue("FastFile");
    assertThat(spec.repositoryAccessMode()).hasValue(RepositoryAccessMode.VPC);
    assertThat(spec.inputChannels()).hasSize(2);
    assertThat(spec.inputChannels().get(0).s3Uri()).hasValue("s3://acme-data/m.json");
    assertThat(spec.inputChannels().get(0).s3DataType()).isEqualTo("ManifestFile");
    assertThat(spec.inputChannels().get(0).s3DataDistributionType()).hasValue("ShardedByS3Key");
    assertThat(spec.inputChannels().get(1).fileSystemId()).hasValue("fs-0123456789abcdef0");
    assertThat(spec.inputChannels().get(1).fileSystemType()).hasValue("FSxLustre");
    assertThat(spec.inputChannels().get(1).fileSystemAccessMode()).hasValue("ro");
    assertThat(spec.inputChannels().get(1).directoryPath()).hasValue("/fsx/train");
    assertThat(spec.inputChannels().get(1).isFileSystem()).isTrue();
    assertThat(spec.inputChannels().get(0).isFileSystem()).isFalse();
    assertThat(spec.outputPath()).hasValue("s3://acme-out/bert/");
    assertThat(spec.outputKmsKeyId()).hasValue("alias/ml");
    assertThat(spec.instanceGroups()).extracting(g -> g.name() + "=" + g.instanceCount() + "x" + g.instanceType())
        .containsExactly("gpu=2xml.p4d.24xlarge", "cpu=1xml.c5.2xlarge");
    assertThat(spec.totalInstanceCount()).isEqualTo(3);
    assertThat(spec.volumeSizeInGb()).hasValue(200);
    assertThat(spec.vpc().get().subnets()).containsExactly("subnet-0a1b2c3d4e5f60101");
    assertThat(spec.vpc().get().securityGroups()).containsExactly("sg-0a1b2c3d4e5f60401");
    assertThat(spec.maxRuntimeInSeconds()).hasValue(3600);
    assertThat(spec.enableNetworkIsolation()).isTrue();
    assertThat(spec.enableInterContainerTrafficEncryption()).isFalse();
    assertThat(spec.checkpointUri()).hasValue("s3://acme-out/ckpt/");
  }

  @Test
  void keepsUnmodeledMembersVerbatimAndListsFurtherS3Outputs() throws Exception {
    TrainingJobSpec spec = JobFile.parse(RICH, "rich.json");
    // the further S3 outputs are modeled (below), so only the rest of their structures is kept, by path
    assertThat(spec.apiExtras()).containsOnlyKeys("HyperParameters", "Tags", "Environment", "RetryStrategy",
        "EnableManagedSpotTraining", "DebugHookConfig.CollectionConfigurations",
        "DebugRuleConfigurations[0].RuleConfigurationName", "DebugRuleConfigurations[0].RuleEvaluatorImage",
        "ProfilerConfig.ProfilingIntervalInMilliseconds", "AlgorithmSpecification.MetricDefinitions",
        "AlgorithmSpecification.TrainingImageConfig.TrainingRepositoryAuthConfig", "InputDataConfig[0].ContentType",
        "InputDataConfig[0].CompressionType", "InputDataConfig[0].DataSource.S3DataSource.AttributeNames",
        "OutputDataConfig.CompressionType",
        "ResourceConfig.KeepAlivePeriodInSeconds", "StoppingCondition.MaxWaitTimeInSeconds",
        "CheckpointConfig.LocalPath");
    assertThat(MAPPER.readTree(spec.apiExtras().get("HyperParameters")))
        .isEqualTo(MAPPER.readTree("{\"epochs\": \"3\", \"lr\": \"0.0001\"}"));
    assertThat(spec.apiExtras().get("EnableManagedSpotTraining")).isEqualTo("true");
    assertThat(spec.additionalS3Outputs()).containsExactly(
        S3Output.of("DebugHookConfig.S3OutputPath", "s3://acme-out/debug/"),
        S3Output.of("DebugRuleConfigurations[0].S3OutputPath", "s3://acme-out/rules/"),
        S3Output.of("TensorBoardOutputConfig.S3OutputPath", "s3://acme-out/tb/"),
        S3Output.of("ProfilerConfig.S3OutputPath", "s3://acme-out/profiler/"));
    assertThat(spec.buckets()).containsExactly("acme-data", "acme-out");
  }

  @Test
  void writesBackTheSameRequest() throws Exception {
    TrainingJobSpec spec = JobFile.parse(RICH, "rich.json");
    String written = JobFile.write(spec);
    assertThat(MAPPER.readTree(written)).isEqualTo(MAPPER.readTree(RICH));
    assertThat(JobFile.parse(written, "written.json")).isEqualTo(spec);
    assertThat(written).startsWith("{\n  \"TrainingJobName\": \"bert-large-2026\",\n");
  }

  @Test
  void roundTripsTheSharedExamples() throws Exception {
    for (Path dir : SharedExamples.folders()) {
      Path file = dir.resolve("job.json");
      TrainingJobSpec spec = JobFile.read(file);
      String written = JobFile.write(spec);
      assertThat(MAPPER.readTree(written)).as(file.toString()).isEqualTo(MAPPER.readTree(Files.readString(file)));
      assertThat(JobFile.parse(written, "again")).as(file.toString()).isEqualTo(spec);
    }
  }

  @Test
  void writesABuilderMadeSpec() throws Exception {
    TrainingJobSpec spec = TrainingJobSpec.builder().name("x").instanceType("ml.m5.xlarge").instanceCount(1)
        .roleArn("arn:aws:iam::123456789012:role/R").trainingInputMode("File").outputPath("s3://acme-out/x/")
        .volumeSizeInGb(10).maxRuntimeInSeconds(3600)
        .vpc(v -> v.subnets("subnet-0a1b2c3d").securityGroups("sg-0a1b2c3d"))
        .inputChannel("train", "s3://acme-data/train/")
        .addS3Output("TensorBoardOutputConfig.S3OutputPath", "s3://acme-out/tb/")
        .build();
    JsonNode json = MAPPER.readTree(JobFile.write(spec));
    assertThat(json.get("TensorBoardOutputConfig").get("S3OutputPath").asText()).isEqualTo("s3://acme-out/tb/");
    assertThat(json.get("InputDataConfig").get(0).get("DataSource").get("S3DataSource").get("S3DataType").asText())
        .isEqualTo("S3Prefix");
    TrainingJobSpec back = JobFile.parse(JobFile.write(spec), "x.json");
    assertThat(back.toBuilder().apiExtras(java.util.Map.of()).build()).isEqualTo(spec);
  }

  @Test
  void acceptsRecentApiMembers() {
    TrainingJobSpec spec = JobFile.parse("{" + MINIMAL + ", \"RemoteDebugConfig\": {\"EnableRemoteDebug\": true},"
        + " \"InfraCheckConfig\": {\"EnableInfraCheck\": true},"
        + " \"SessionChainingConfig\": {\"EnableSessionTagChaining\": false},"
        + " \"ExperimentConfig\": {\"ExperimentName\": \"e\", \"TrialName\": \"t\"}}", "recent.json");
    assertThat(spec.apiExtras()).containsKeys("RemoteDebugConfig", "InfraCheckConfig", "SessionChainingConfig",
        "ExperimentConfig");
  }

  @Test
  void rejectsAnUnknownTopLevelMemberNamingIt() {
    assertThatThrownBy(() -> JobFile.parse("{\"TrainingJobName\": \"a\", \"InstanceType\": \"ml.m5.large\"}", "job.json"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.file()).isEqualTo("job.json");
          assertThat(e.jsonPath()).isEqualTo("InstanceType");
          assertThat(e.getMessage()).startsWith("job.json: InstanceType: unknown member \"InstanceType\"")
              .contains("ResourceConfig");
        });
  }

  @Test
  void rejectsAnUnknownNestedMemberNamingItsPath() {
    assertThatThrownBy(() -> JobFile.parse("{\"TrainingJobName\": \"a\", \"InputDataConfig\": [{\"ChannelName\": \"t\","
        + " \"DataSource\": {\"S3DataSource\": {\"S3Uri\": \"s3://b/k\", \"S3Url\": \"x\"}}}]}", "job.json"))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.jsonPath()).isEqualTo("InputDataConfig[0].DataSource.S3DataSource.S3Url"));
  }

  @Test
  void rejectsWrongTypesNamingPathAndExpectedType() {
    assertThatThrownBy(() -> JobFile.parse("{\"TrainingJobName\": \"a\", \"ResourceConfig\": {\"InstanceCount\": \"2\"}}",
        "job.json"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.jsonPath()).isEqualTo("ResourceConfig.InstanceCount");
          assertThat(e.expectation()).isEqualTo("expected an integer but was the string \"2\"");
        });
    assertThatThrownBy(() -> JobFile.parse("{\"TrainingJobName\": \"a\", \"VpcConfig\": {\"Subnets\": \"subnet-1\"}}",
        "job.json"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.jsonPath()).isEqualTo("VpcConfig.Subnets");
          assertThat(e.expectation()).startsWith("expected an array");
        });
    assertThatThrownBy(() -> JobFile.parse("{\"TrainingJobName\": \"a\", \"EnableNetworkIsolation\": \"yes\"}", "j"))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.getMessage()).isEqualTo("j: EnableNetworkIsolation: expected true or false but was the string \"yes\""));
    assertThatThrownBy(() -> JobFile.parse("{\"TrainingJobName\": null}", "j"))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.getMessage()).isEqualTo("j: TrainingJobName: expected a string but was null"));
    assertThatThrownBy(() -> JobFile.parse("[]", "j"))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.getMessage()).isEqualTo("j: expected an object but was an array"));
  }

  @Test
  void rejectsAMissingNameAndABadAccessMode() {
    assertThatThrownBy(() -> JobFile.parse("{\"RoleArn\": \"arn\"}", "j"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.jsonPath()).isEqualTo("TrainingJobName"));
    assertThatThrownBy(() -> JobFile.parse("{\"TrainingJobName\": \"a\", \"AlgorithmSpecification\": "
        + "{\"TrainingInputMode\": \"File\", \"TrainingImageConfig\": {\"TrainingRepositoryAccessMode\": \"Internet\"}},"
        + " \"RoleArn\": \"arn:aws:iam::123456789012:role/R\", \"OutputDataConfig\": {\"S3OutputPath\": \"s3://b/o/\"},"
        + " \"ResourceConfig\": {\"VolumeSizeInGB\": 1}, \"StoppingCondition\": {}}", "j"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.jsonPath()).isEqualTo("AlgorithmSpecification.TrainingImageConfig.TrainingRepositoryAccessMode");
          assertThat(e.expectation()).contains("Platform, Vpc");
        });
  }

  @Test
  void theRepositoryAccessModeIsReadRegardlessOfCaseAndWrittenAsTheApiSpellsIt() throws Exception {
    String json = RICH.replace("\"TrainingRepositoryAccessMode\": \"Vpc\"", "\"TrainingRepositoryAccessMode\": \"vPC\"");
    TrainingJobSpec spec = JobFile.parse(json, "case.json");
    assertThat(spec.repositoryAccessMode()).hasValue(RepositoryAccessMode.VPC);
    assertThat(spec.apiExtras()).doesNotContainKey("AlgorithmSpecification.TrainingImageConfig.TrainingRepositoryAccessMode");
    assertThat(MAPPER.readTree(JobFile.write(spec)).get("AlgorithmSpecification").get("TrainingImageConfig")
        .get("TrainingRepositoryAccessMode").asText()).isEqualTo("Vpc");
  }

  @Test
  void anUnknownMemberListsTheMembersInTheApisOrderAndANullIsAWrongType() {
    assertThatThrownBy(() -> JobFile.parse("{\"TrainingJobName\": \"a\", \"VpcConfig\": {\"Subnet\": []}}", "j"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
            .isEqualTo("j: VpcConfig.Subnet: unknown member \"Subnet\"; expected one of SecurityGroupIds, Subnets"));
    assertThatThrownBy(() -> JobFile.parse("{\"Color\": 1}", "j"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.expectation())
            .startsWith("unknown member \"Color\"; expected one of TrainingJobName, HyperParameters, AlgorithmSpecification,"
                + " RoleArn, InputDataConfig, "));
    assertThatThrownBy(() -> JobFile.parse("{\"TrainingJobName\": \"a\", \"VpcConfig\": {\"Subnets\": [\"subnet-1\", null]}}", "j"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
            .isEqualTo("j: VpcConfig.Subnets[1]: expected a string but was null"));
    assertThatThrownBy(() -> JobFile.parse("{\"TrainingJobName\": \"a\", \"RetryStrategy\": {\"MaximumRetryAttempts\": 1.5}}", "j"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
            .isEqualTo("j: RetryStrategy.MaximumRetryAttempts: expected an integer but was the number 1.5"));
  }

  @Test
  void aBadAccessModeIsNamedAfterTheMissingMembersOfTheRequest() {
    assertThatThrownBy(() -> JobFile.parse("{\"TrainingJobName\": \"a\", \"AlgorithmSpecification\": "
        + "{\"TrainingInputMode\": \"File\", \"TrainingImageConfig\": {\"TrainingRepositoryAccessMode\": \"Internet\"}}}", "j"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.jsonPath()).isEqualTo("RoleArn"));
  }

  @Test
  void rejectsMalformedJsonWithLineAndColumn() {
    assertThatThrownBy(() -> JobFile.parse("{\n  \"TrainingJobName\": \"a\",\n}", "job.json"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.jsonPath()).isEmpty();
          assertThat(e.getMessage()).startsWith("job.json: expected well-formed JSON at line 3");
        });
    assertThatThrownBy(() -> JobFile.parse("", "empty.json")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> JobFile.parse("{\"TrainingJobName\": \"a\", \"TrainingJobName\": \"b\"}", "dup.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("TrainingJobName");
  }

  @Test
  void aMissingFileIsNoSuchFile(@TempDir Path dir) {
    assertThatThrownBy(() -> JobFile.read(dir.resolve("nope.json"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void writesToAFile(@TempDir Path dir) throws Exception {
    TrainingJobSpec spec = JobFile.parse(RICH, "rich.json");
    Path file = dir.resolve("job.json");
    JobFile.write(spec, file);
    assertThat(JobFile.read(file)).isEqualTo(spec);
  }

  @Test
  void theSubmitDirectoryHyperparameterIsTheCodePackage() throws Exception {
    String json = RICH.replace("\"HyperParameters\": {\"epochs\": \"3\", \"lr\": \"0.0001\"}",
        "\"HyperParameters\": {\"epochs\": \"3\", \"sagemaker_submit_directory\": "
            + "\"\\\"s3://acme-code/bert/source/sourcedir.tar.gz\\\"\", \"sagemaker_program\": \"\\\"train.py\\\"\"}");
    TrainingJobSpec spec = JobFile.parse(json, "code.json");
    assertThat(spec.codePackage()).contains("s3://acme-code/bert/source/sourcedir.tar.gz");
    assertThat(spec.s3Accesses()).anySatisfy(a -> {
      assertThat(a.field()).isEqualTo("HyperParameters.sagemaker_submit_directory");
      assertThat(a.isObject()).isTrue();
      assertThat(a.actions()).containsExactly("s3:GetObject");
    });
    assertThat(spec.buckets()).containsExactly("acme-data", "acme-out", "acme-code");
    JsonNode written = MAPPER.readTree(JobFile.write(spec)).get("HyperParameters");
    assertThat(written.get("sagemaker_submit_directory").asText()).isEqualTo("\"s3://acme-code/bert/source/sourcedir.tar.gz\"");
    assertThat(JobFile.parse(JobFile.write(spec), "again.json")).isEqualTo(spec);
  }
}
