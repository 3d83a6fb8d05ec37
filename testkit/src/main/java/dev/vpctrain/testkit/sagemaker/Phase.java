package dev.vpctrain.testkit.sagemaker;

/** The phases of a training job in which it can fail, in the order it goes through them. */
public enum Phase {
  /** Instances are launched and prepared; VPC, tenancy and subnet capacity problems surface here. */
  STARTING("Starting", "Preparing the instances for training"),
  /** Input data is copied from S3 and file systems are mounted; a missing S3 path or an unreachable file system fails here. */
  DOWNLOADING("Downloading", "Downloading input data"),
  /** The training code runs; cluster, outside-service and in-VPC target problems surface here. */
  TRAINING("Training", "Training image download completed. Training in progress."),
  /** The model is copied to the output bucket. */
  UPLOADING("Uploading", "Uploading generated training model");

  private final String secondaryStatus;
  private final String message;

  Phase(String secondaryStatus, String message) {
    this.secondaryStatus = secondaryStatus;
    this.message = message;
  }

  /** {@return the {@code SecondaryStatus} SageMaker reports for the phase} */
  public String secondaryStatus() {
    return secondaryStatus;
  }

  /** {@return the {@code StatusMessage} of the phase's secondary status transition} */
  public String statusMessage() {
    return message;
  }
}
