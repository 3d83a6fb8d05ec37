package dev.vpctrain.aws.launch;

import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

/** Receives a training job's transitions while it is awaited. */
@FunctionalInterface
public interface ProgressListener {
  /** A status or secondary-status transition (each reported exactly once), or a new status message. */
  void onProgress(Progress progress);

  /** Called after every poll with the latest description; for live displays. */
  default void onPoll(DescribeTrainingJobResponse latest) {}

  /** A listener that ignores everything. */
  static ProgressListener none() {
    return p -> {};
  }
}
