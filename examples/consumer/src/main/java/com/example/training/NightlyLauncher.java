package com.example.training;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.PreflightReport;
import java.time.LocalDate;
import java.util.List;

/**
 * The team's launcher: it describes the nightly training job and launches it through vpctrain, which
 * refuses a job whose network would make it fail.
 */
public final class NightlyLauncher {
  private final VpcTrain vpctrain;
  private final List<String> subnets;

  /**
   * @param vpctrain the vpctrain built from the application's SDK clients
   * @param subnets the private subnets the job runs in
   */
  public NightlyLauncher(VpcTrain vpctrain, List<String> subnets) {
    this.vpctrain = vpctrain;
    this.subnets = List.copyOf(subnets);
  }

  /** The job of {@code day}. */
  TrainingJobSpec job(LocalDate day) {
    return TrainingJobSpec.builder()
        .name("resnet50-" + day)
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTrainingRole")
        .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5.1-gpu-py311")
        .trainingInputMode("File")
        .instanceType("ml.p4d.24xlarge")
        .instanceCount(2)
        .volumeSizeInGb(100)
        .vpc(v -> v.subnets(subnets).securityGroups("sg-0a1b2c3d4e5f60401"))
        .inputChannel("train", "s3://acme-ml-data/imagenet/train/")
        .outputPath("s3://acme-ml-artifacts/resnet50/")
        .maxRuntimeInSeconds(86_400)
        .build();
  }

  /** Checks the network of the job of {@code day} without launching anything. */
  public PreflightReport check(LocalDate day) {
    return vpctrain.preflight(job(day));
  }

  /** Launches the job of {@code day} and waits for its end. */
  public TrainingOutcome train(LocalDate day) throws InterruptedException {
    TrainingRun run = vpctrain.launch(job(day));
    return run.await(progress -> { });
  }
}
