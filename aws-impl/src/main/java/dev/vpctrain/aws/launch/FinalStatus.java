package dev.vpctrain.aws.launch;

/** How a training job ended. */
public enum FinalStatus {
  COMPLETED,
  FAILED,
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
