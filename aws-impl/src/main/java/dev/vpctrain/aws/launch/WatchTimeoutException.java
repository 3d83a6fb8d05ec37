package dev.vpctrain.aws.launch;

import dev.vpctrain.core.VpcTrainException;
import java.time.Duration;

/** The job did not reach a final status within the wait's timeout; the job itself keeps running. */
public final class WatchTimeoutException extends VpcTrainException {
  private static final long serialVersionUID = 1L;

  private final String jobName;
  private final String lastStatus;

  public WatchTimeoutException(String jobName, Duration timeout, String lastStatus, String lastSecondaryStatus) {
    super("Training job '" + jobName + "' did not finish within " + timeout + "; it is still " + lastStatus
        + (lastSecondaryStatus == null ? "" : " (" + lastSecondaryStatus + ")") + " and keeps running");
    this.jobName = jobName;
    this.lastStatus = lastStatus;
  }

  public String jobName() {
    return jobName;
  }

  /** The last {@code TrainingJobStatus} seen. */
  public String lastStatus() {
    return lastStatus;
  }
}
