package dev.vpctrain.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.core.fixtures.TestJobs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three job kinds: their workloads, builders and names. */
class JobKindsTest {
  @Test
  void aTrainingJobIsItsOwnWorkload() {
    TrainingJobSpec t = TestJobs.job("subnet-a").build();
    assertThat(t.kind()).isEqualTo(JobKind.TRAINING);
    assertThat(t.workloads()).containsExactly(t);
    assertThat(t.withEachWorkload(w -> w.toBuilder().requires(AwsService.STS).build()).requiredServices())
        .containsExactly(AwsService.STS);
  }

  @Test
  void aProcessingJobProjectsOntoTheTrainingShapeNamingItsOwnFields() {
    ProcessingJobSpec p = ProcessingJobSpec.builder()
        .name("prep")
        .instanceType("ml.m5.4xlarge").instanceCount(4)
        .vpc(v -> v.subnets("subnet-a").securityGroups("sg-a"))
        .addS3Input("raw", "s3://acme-ml-data/raw/")
        .skipInput()
        .addS3Input("manifest", "s3://acme-ml-data/m.json", "ManifestFile", "ShardedByS3Key")
        .addS3Output("features", "s3://acme-ml-data/features/")
        .enableInterContainerTrafficEncryption(true)
        .build();
    assertThat(p.kind()).isEqualTo(JobKind.PROCESSING);
    assertThat(p.name()).isEqualTo("prep");
    TrainingJobSpec w = p.workload();
    assertThat(w.kind()).isEqualTo(JobKind.PROCESSING);
    assertThat(w.isDistributed()).isTrue();
    assertThat(w.s3Accesses()).extracting(S3Access::field).containsExactly(
        "ProcessingInputs[0].S3Input.S3Uri", "ProcessingInputs[2].S3Input.S3Uri",
        "ProcessingOutputConfig.Outputs[0].S3Output.S3Uri");
    assertThat(w.s3Accesses().get(0).actions()).containsExactly("s3:GetObject", "s3:ListBucket");
    assertThat(w.s3Accesses().get(1).actions()).containsExactly("s3:GetObject");
    assertThat(w.s3Accesses().get(2).actions()).containsExactly("s3:PutObject");
    assertThat(p.withEachWorkload(x -> x.toBuilder().region("eu-west-1").build()).workload().region()).contains("eu-west-1");
    assertThatThrownBy(() -> ProcessingJobSpec.of(TestJobs.job("subnet-a").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind PROCESSING");
  }

  @Test
  void aTuningJobsDefinitionsGetTheirKindAndNames() {
    TrainingJobSpec a = TestJobs.job("subnet-a").build();
    TrainingJobSpec b = TestJobs.job("subnet-b").definitionName("small").build();
    TuningJobSpec one = TuningJobSpec.builder().name("hpo").maxParallelTrainingJobs(2).addDefinitions(a).build();
    assertThat(one.workloads()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(JobKind.TUNING);
      assertThat(d.definitionName()).isEmpty();
    });
    TuningJobSpec two = TuningJobSpec.builder().name("hpo").maxParallelTrainingJobs(2).addDefinitions(a, b).build();
    assertThat(two.definitions()).extracting(d -> d.definitionName().orElseThrow())
        .containsExactly("TrainingJobDefinitions[0]", "small");
    assertThat(two.withEachWorkload(d -> d.toBuilder().requires(AwsService.LOGS).build()).definitions())
        .allSatisfy(d -> assertThat(d.requiredServices()).contains(AwsService.LOGS));
    assertThatThrownBy(() -> TuningJobSpec.builder().name("hpo").maxParallelTrainingJobs(1).definitions(List.of()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one training job definition");
  }

  @Test
  void kindsAreNamedAsTheCliAndTheApiNameThem() {
    assertThat(JobKind.ofLabel("Tuning")).contains(JobKind.TUNING);
    assertThat(JobKind.ofLabel("batch")).isEmpty();
    assertThat(JobKind.PROCESSING.operation()).isEqualTo("CreateProcessingJob");
    assertThat(JobKind.TUNING.nameMember()).isEqualTo("HyperParameterTuningJobName");
  }
}
