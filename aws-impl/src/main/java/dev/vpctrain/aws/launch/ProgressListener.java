package dev.vpctrain.aws.launch;

import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

/** Receives a training job's transitions while it is awaited. */
@FunctionalInterface
public interface ProgressListener {
  /**
   * A status or secondary-status transition (each reported exactly once), or a new status message.
   *
   * @param progress the progress
   */
  void onProgress(Progress progress);

  /**
   * Called after every poll with the latest description; for live displays.
   *
   * @param latest the latest {@code DescribeTrainingJob} answer
   */
  default void onPoll(DescribeTrainingJobResponse latest) {}

  /** {@return a listener that ignores everything} */
  static ProgressListener none() {
    return p -> {};
  }
}
