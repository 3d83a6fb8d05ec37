package dev.vpctrain.aws.launch;

/** What a {@link Progress} event reports. */
public enum ProgressKind {
  /** A new {@code TrainingJobStatus}: InProgress, Stopping, Completed, Failed, Stopped. */
  STATUS,
  /** A new entry of {@code SecondaryStatusTransitions}: Starting, Downloading, Training, Uploading… */
  SECONDARY_STATUS,
  /** The status message of the current secondary status changed. */
  STATUS_MESSAGE
}
