package dev.vpctrain.aws.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.job.TrainingJobSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;

/** Typed hyperparameters reach {@code CreateTrainingJob} and survive the job file round trip. */
class HyperParametersRoundTripTest {
  private final TrainingJobSpec job = TrainingJobSpec.builder().name("resnet50")
      .roleArn("arn:aws:iam::123456789012:role/SageMakerTraining")
      .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1-gpu-py310")
      .trainingInputMode("File")
      .instanceType("ml.p3.2xlarge").instanceCount(1).volumeSizeInGb(50)
      .outputPath("s3://acme-ml-artifacts/resnet50/")
      .maxRuntimeInSeconds(86400)
      .hyperParameter("epochs", "10").hyperParameter("optimizer", "adam")
      .codePackage("s3://acme-ml-code/src.tar.gz")
      .build();

  @Test
  void theyAreTheRequestsHyperParameters() {
    CreateTrainingJobRequest request = TrainingJobRequests.toRequest(job);

    assertThat(request.hyperParameters()).containsExactly(Map.entry("epochs", "10"), Map.entry("optimizer", "adam"),
        Map.entry("sagemaker_submit_directory", "\"s3://acme-ml-code/src.tar.gz\""));
  }

  @Test
  void theJobFileKeepsThem() {
    String file = JobFile.write(job);
    TrainingJobSpec read = JobFile.parse(file, "job.json");

    assertThat(file).contains("\"HyperParameters\"").contains("\"epochs\": \"10\"");
    assertThat(read.hyperParameters()).isEqualTo(job.hyperParameters());
    assertThat(read).isEqualTo(job);
  }

  @Test
  void aDescribedJobGivesThemBack() {
    TrainingJobSpec back = TrainingJobRequests.toSpec(TrainingJobRequests.toRequest(job));

    assertThat(back.hyperParameters()).isEqualTo(job.hyperParameters());
  }
}
