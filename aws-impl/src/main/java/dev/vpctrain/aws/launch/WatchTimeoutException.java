package dev.vpctrain.aws.launch;

import dev.vpctrain.core.VpcTrainException;
import java.time.Duration;

/** The job did not reach a final status within the wait's timeout; the job itself keeps running. */
public final class WatchTimeoutException extends VpcTrainException {
  private static final long serialVersionUID = 1L;

  /** The job name. */
  private final String jobName;
  /** The last status. */
  private final String lastStatus;

  /**
   * Creates the exception for a watch that ran out of time.
   *
   * @param jobName the training job name
   * @param timeout how long to wait at most
   * @param lastStatus the last status
   * @param lastSecondaryStatus the last secondary status
   */
  public WatchTimeoutException(String jobName, Duration timeout, String lastStatus, String lastSecondaryStatus) {
    super("Job '" + jobName + "' did not finish within " + timeout + "; it is still " + lastStatus
        + (lastSecondaryStatus == null ? "" : " (" + lastSecondaryStatus + ")") + " and keeps running");
    this.jobName = jobName;
    this.lastStatus = lastStatus;
  }

  /** {@return the job name} */
  public String jobName() {
    return jobName;
  }

  /** {@return the last {@code TrainingJobStatus} seen} */
  public String lastStatus() {
    return lastStatus;
  }
}
