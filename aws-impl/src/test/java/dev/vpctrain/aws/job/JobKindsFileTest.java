package dev.vpctrain.aws.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.job.JobSpec;
import dev.vpctrain.core.job.ProcessingJobSpec;
import dev.vpctrain.core.job.S3Access;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.TuningJobSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Job files of the three kinds: recognised by their name member, read through the API's shapes. */
class JobKindsFileTest {
  private static final Path SCENARIOS = Path.of("..", "cli", "src", "test", "resources", "scenarios");

  private static String file(String scenario) throws IOException {
    return Files.readString(SCENARIOS.resolve(scenario).resolve("job.json"), StandardCharsets.UTF_8);
  }

  @Test
  void aProcessingRequestIsRecognisedAndMapped() throws IOException {
    JobSpec job = JobFile.parseJob(file("processing-cluster-no-self-ingress"), "job.json", null);
    assertThat(job).isInstanceOf(ProcessingJobSpec.class);
    TrainingJobSpec w = ((ProcessingJobSpec) job).workload();
    assertThat(w.name()).isEqualTo("imagenet-preprocess-2026-12-05");
    assertThat(w.kind()).isEqualTo(JobKind.PROCESSING);
    assertThat(w.instanceType()).contains("ml.m5.4xlarge");
    assertThat(w.totalInstanceCount()).isEqualTo(4);
    assertThat(w.vpc().orElseThrow().subnets()).containsExactly("subnet-0a1b2c3d4e5f60101", "subnet-0a1b2c3d4e5f60102");
    assertThat(w.vpc().orElseThrow().securityGroups()).containsExactly("sg-0a1b2c3d4e5f60401");
    assertThat(w.trainingImage()).hasValueSatisfying(i -> assertThat(i).contains("pytorch-training"));
    assertThat(w.roleArn()).contains("arn:aws:iam::123456789012:role/SageMakerTrainingRole");
    assertThat(w.inputChannels().get(0).s3DataDistributionType()).contains("ShardedByS3Key");
    assertThat(w.s3Accesses()).extracting(S3Access::field).containsExactly("ProcessingInputs[0].S3Input.S3Uri",
        "ProcessingInputs[1].S3Input.S3Uri", "ProcessingOutputConfig.Outputs[0].S3Output.S3Uri");
    assertThat(w.maxRuntimeInSeconds()).contains(14400);
  }

  @Test
  void aDatasetDefinitionIsAServiceNeedAndAnS3Read() {
    String json = "{\"ProcessingJobName\": \"athena-prep\", \"RoleArn\": \"arn:aws:iam::123456789012:role/R\","
        + "\"AppSpecification\": {\"ImageUri\": \"123456789012.dkr.ecr.us-east-1.amazonaws.com/prep:1\"},"
        + "\"ProcessingResources\": {\"ClusterConfig\": {\"InstanceCount\": 1, \"InstanceType\": \"ml.m5.xlarge\","
        + " \"VolumeSizeInGB\": 30}},"
        + "\"ProcessingInputs\": [{\"InputName\": \"query\", \"DatasetDefinition\": {\"AthenaDatasetDefinition\": {"
        + "\"Catalog\": \"AwsDataCatalog\", \"Database\": \"sales\", \"QueryString\": \"SELECT 1\","
        + "\"OutputS3Uri\": \"s3://acme-athena/results/\", \"OutputFormat\": \"PARQUET\"}, \"LocalPath\": \"/opt/ml/processing/q\"}}]}";
    TrainingJobSpec w = ((ProcessingJobSpec) JobFile.parseJob(json, "job.json", null)).workload();
    assertThat(w.requiredServices()).containsExactly(AwsService.of("athena"));
    assertThat(w.s3Accesses()).singleElement().satisfies(a -> {
      assertThat(a.location().bucket()).isEqualTo("acme-athena");
      assertThat(a.field()).isEqualTo("ProcessingInputs[0].S3Input.S3Uri");
    });
  }

  @Test
  void aTuningRequestGivesOneTrainingJobPerDefinition() throws IOException {
    JobSpec job = JobFile.parseJob(file("tuning-definitions"), "job.json", null);
    assertThat(job).isInstanceOf(TuningJobSpec.class);
    TuningJobSpec t = (TuningJobSpec) job;
    assertThat(t.name()).isEqualTo("resnet50-hpo-multi");
    assertThat(t.maxParallelTrainingJobs()).isEqualTo(6);
    assertThat(t.definitions()).hasSize(2);
    TrainingJobSpec first = t.definitions().get(0);
    assertThat(first.kind()).isEqualTo(JobKind.TUNING);
    assertThat(first.name()).isEqualTo("resnet50-hpo-multi");
    assertThat(first.definitionName()).contains("p4d-cluster");
    assertThat(first.instanceType()).contains("ml.p4d.24xlarge");
    assertThat(first.totalInstanceCount()).isEqualTo(2);
    assertThat(first.hyperParameters()).containsEntry("epochs", "90");
    assertThat(first.enableInterContainerTrafficEncryption()).isTrue();
    assertThat(t.definitions().get(1).vpc().orElseThrow().subnets()).containsExactly("subnet-0a1b2c3d4e5f60201");
  }

  @Test
  void aTuningResourceConfigWithInstanceConfigsTakesTheSmallestCluster() {
    String json = "{\"HyperParameterTuningJobName\": \"hpo\", \"HyperParameterTuningJobConfig\": {\"Strategy\": \"Random\","
        + "\"ResourceLimits\": {\"MaxParallelTrainingJobs\": 3}}, \"TrainingJobDefinition\": {"
        + "\"AlgorithmSpecification\": {\"TrainingImage\": \"i\", \"TrainingInputMode\": \"File\"},"
        + "\"RoleArn\": \"arn:aws:iam::123456789012:role/R\", \"OutputDataConfig\": {\"S3OutputPath\": \"s3://b/o/\"},"
        + "\"StoppingCondition\": {\"MaxRuntimeInSeconds\": 3600}, \"HyperParameterTuningResourceConfig\": {"
        + "\"VolumeSizeInGB\": 50, \"InstanceConfigs\": [{\"InstanceType\": \"ml.p4d.24xlarge\", \"InstanceCount\": 4,"
        + " \"VolumeSizeInGB\": 50}, {\"InstanceType\": \"ml.g5.12xlarge\", \"InstanceCount\": 2, \"VolumeSizeInGB\": 50}]}}}";
    TuningJobSpec t = (TuningJobSpec) JobFile.parseJob(json, "job.json", null);
    assertThat(t.maxParallelTrainingJobs()).isEqualTo(3);
    TrainingJobSpec d = t.definitions().get(0);
    assertThat(d.instanceType()).contains("ml.g5.12xlarge");
    assertThat(d.totalInstanceCount()).isEqualTo(2);
  }

  @Test
  void aTrainingRequestStaysATrainingJob() throws IOException {
    // read from the file: this one starts with a byte order mark, which the file reader drops
    JobSpec job = JobFile.readJob(SCENARIOS.resolve("jobfile-fixed").resolve("job.json"), null);
    assertThat(job).isInstanceOf(TrainingJobSpec.class);
    assertThat(job.kind()).isEqualTo(JobKind.TRAINING);
  }

  @Test
  void badFilesAreNamedWithTheirPathAndWhatWasExpected() throws IOException {
    assertThatThrownBy(() -> JobFile.parseJob("{\"Name\": \"x\"}", "job.json", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("job.json").hasMessageContaining("TrainingJobName, ProcessingJobName or HyperParameterTuningJobName");
    assertThatThrownBy(() -> JobFile.parseJob("{\"TrainingJobName\": \"a\", \"ProcessingJobName\": \"b\"}", "job.json", null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("names both TrainingJobName and ProcessingJobName");
    // a forced kind reads the file as that request: the other kind's name member is unknown there
    assertThatThrownBy(() -> JobFile.parseJob(file("tuning-definitions"), "job.json", JobKind.PROCESSING))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown member \"HyperParameterTuningJobName\"");
    String tooMany = file("processing-cluster-no-self-ingress").replace("\"InstanceCount\": 4", "\"InstanceCount\": 101");
    assertThatThrownBy(() -> JobFile.parseJob(tooMany, "job.json", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ProcessingResources.ClusterConfig.InstanceCount").hasMessageContaining("at most 100");
    String noParallel = file("tuning-parallel-overflow").replace("\"MaxParallelTrainingJobs\": 8", "\"MaxParallelTrainingJobs\": 0");
    assertThatThrownBy(() -> JobFile.parseJob(noParallel, "job.json", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs")
        .hasMessageContaining("at least 1");
    String noImage = file("processing-cluster-no-self-ingress").replace("\"ImageUri\"", "\"ImageUrl\"");
    assertThatThrownBy(() -> JobFile.parseJob(noImage, "job.json", null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("AppSpecification");
  }
}
