package dev.vpctrain.aws.launch;

/** How a training job ended. */
public enum FinalStatus {
  /** The job ended with status {@code Completed}. */
  COMPLETED,
  /** The job ended with status {@code Failed}. */
  FAILED,
  /** The job ended with status {@code Stopped}. */
  STOPPED;

  /** The status of SageMaker's {@code TrainingJobStatus} text, for a final one. */
  static FinalStatus of(String trainingJobStatus) {
    switch (trainingJobStatus) {
      case "Completed":
        return COMPLETED;
      case "Failed":
        return FAILED;
      case "Stopped":
        return STOPPED;
      default:
        throw new IllegalArgumentException("not a final training job status: " + trainingJobStatus);
    }
  }
}
