package dev.vpctrain.testkit.example;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.core.job.TrainingJobSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An example "user launcher" built on vpctrain: it describes the nightly job, lets
 * {@link VpcTrain#launch} check the network before anything is created, and waits for the end.
 */
public final class GuardedLauncher {
  private final VpcTrain vpctrain;
  private final NightlyTraining settings;
  private final List<String> progress = new ArrayList<>();

  public GuardedLauncher(VpcTrain vpctrain, NightlyTraining settings) {
    this.vpctrain = vpctrain;
    this.settings = settings;
  }

  /**
   * Launches the training of {@code day} and waits for it.
   *
   * @throws dev.vpctrain.aws.launch.PreflightFailedException when the network would make it fail
   */
  // tag::launcher[]
  public TrainingOutcome trainNightly(LocalDate day) throws InterruptedException {
    TrainingJobSpec job = TrainingJobSpec.builder()
        .name("resnet50-" + day)
        .roleArn(settings.roleArn())
        .trainingImage(settings.image())
        .trainingInputMode("File")
        .instanceType(settings.instanceType())
        .instanceCount(settings.instanceCount())
        .volumeSizeInGb(100)
        .vpc(v -> v.subnets(settings.subnets()).securityGroups(settings.securityGroups()))
        .inputChannel("train", settings.dataUri())
        .outputPath(settings.outputUri())
        .maxRuntimeInSeconds(86400)
        .build();
    TrainingRun run = vpctrain.launch(job);
    return run.await(p -> progress.add(p.status()));
  }
  // end::launcher[]

  /** The statuses seen while waiting, in order. */
  public List<String> progress() {
    return List.copyOf(progress);
  }
}
