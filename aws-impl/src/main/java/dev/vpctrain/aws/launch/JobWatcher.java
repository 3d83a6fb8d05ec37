package dev.vpctrain.aws.launch;

import dev.vpctrain.aws.AwsCallException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

/**
 * Polls {@code DescribeTrainingJob} until the job is Completed, Failed or Stopped, reporting every
 * transition once. The delay between polls starts at {@code initialDelay}, doubles while nothing
 * changes up to {@code maxDelay}, and drops back after a change. A poll that fails transiently
 * (throttled, 5xx, timed out or unreachable, after the client's own retries) is retried with the
 * same doubling backoff, as the SDK's waiters do, up to {@code maxPollFailures} failures in a row.
 * Waits go through the {@link Sleeper} and are measured on the {@link Clock}. Thread-safe; one
 * await per call.
 */
public final class JobWatcher {
  /** Transient poll failures in a row retried by default. */
  public static final int DEFAULT_MAX_POLL_FAILURES = 8;

  private static final Logger LOG = LoggerFactory.getLogger(JobWatcher.class);

  private final SageMakerClient sageMaker;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final int maxPollFailures;

  private JobWatcher(Builder b) {
    this.sageMaker = Objects.requireNonNull(b.sageMaker, "sageMaker");
    SimulatedTime simulated = sageMaker instanceof SimulatedTime ? (SimulatedTime) sageMaker : null;
    this.clock = b.clock != null ? b.clock : simulated != null ? simulated.simulatedClock() : Clock.systemUTC();
    this.sleeper = b.sleeper != null ? b.sleeper : simulated != null ? simulated.simulatedSleeper() : Sleeper.system();
    this.initialDelay = b.initialDelay;
    this.maxDelay = b.maxDelay;
    this.maxPollFailures = b.maxPollFailures;
    if (maxPollFailures < 0) {
      throw new IllegalArgumentException("maxPollFailures must be 0 or more but was " + maxPollFailures);
    }
    if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("poll delays must satisfy 0 < initialDelay <= maxDelay but were "
          + initialDelay + " and " + maxDelay);
    }
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return one {@code DescribeTrainingJob}; failures become {@link AwsCallException} naming the operation}
   *
   * @param jobName the training job name
   */
  public DescribeTrainingJobResponse describe(String jobName) {
    try {
      return sageMaker.describeTrainingJob(DescribeTrainingJobRequest.builder().trainingJobName(jobName).build());
    } catch (SdkException e) {
      throw new AwsCallException("sagemaker:DescribeTrainingJob", e);
    }
  }

  /**
   * Waits for {@code jobName} to reach a final status and returns its last description.
   *
   * @param jobName the training job name
   * @param listener the progress listener
   * @return the job's last description, in a final status
   * @param timeout the longest wait, or null for no limit
   * @throws WatchTimeoutException when {@code timeout} passes first (the job keeps running)
   * @throws InterruptedException when the thread is interrupted (the job keeps running)
   * @throws AwsCallException when a poll fails for good: not transiently, or more than {@code maxPollFailures}
   *     times in a row
   */
  public DescribeTrainingJobResponse await(String jobName, ProgressListener listener, Duration timeout)
      throws InterruptedException {
    Objects.requireNonNull(listener, "listener");
    Instant deadline = timeout == null ? null : clock.instant().plus(timeout);
    TransitionTracker tracker = new TransitionTracker(jobName);
    Duration delay = initialDelay;
    DescribeTrainingJobResponse last = null;
    int failures = 0;
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for training job " + jobName);
      }
      DescribeTrainingJobResponse d;
      try {
        d = describe(jobName);
        failures = 0;
      } catch (AwsCallException e) {
        if (!e.isUnavailable() || ++failures > maxPollFailures) {
          throw e;
        }
        Duration backoff = min(initialDelay.multipliedBy(1L << Math.min(failures - 1, 20)), maxDelay);
        LOG.warn("Polling training job {} failed ({} of at most {} in a row): {}; polling again in {}", jobName,
            failures, maxPollFailures, e.getMessage(), backoff);
        sleeper.sleep(bounded(backoff, deadline, jobName, timeout, last));
        continue;
      }
      last = d;
      List<Progress> events = tracker.update(d);
      for (Progress p : events) {
        LOG.debug("{}", p);
        listener.onProgress(p);
      }
      listener.onPoll(d);
      if (TransitionTracker.isFinal(d.trainingJobStatusAsString())) {
        return d;
      }
      delay = events.isEmpty() ? min(delay.multipliedBy(2), maxDelay) : initialDelay;
      sleeper.sleep(bounded(delay, deadline, jobName, timeout, d));
    }
  }

  /** {@code wait}, shortened to the time left before {@code deadline}; a timeout when none is left. */
  private Duration bounded(Duration wait, Instant deadline, String jobName, Duration timeout,
      DescribeTrainingJobResponse last) {
    if (deadline == null) {
      return wait;
    }
    Duration remaining = Duration.between(clock.instant(), deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      throw new WatchTimeoutException(jobName, timeout, last == null ? "unknown" : last.trainingJobStatusAsString(),
          last == null ? null : last.secondaryStatusAsString());
    }
    return min(wait, remaining);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Builds a {@link JobWatcher}. */
  public static final class Builder {
    private SageMakerClient sageMaker;
    private Clock clock;
    private Sleeper sleeper;
    private Duration initialDelay = Duration.ofSeconds(5);
    private Duration maxDelay = Duration.ofSeconds(30);
    private int maxPollFailures = DEFAULT_MAX_POLL_FAILURES;

    private Builder() {}

    /**
     * Sets the SageMaker client that describes the job.
     *
     * @param sageMaker the SageMaker client
     * @return this builder
     */
    public Builder sageMaker(SageMakerClient sageMaker) {
      this.sageMaker = sageMaker;
      return this;
    }

    /**
     * Sets the clock that times the watch.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Sets how the watcher waits between polls.
     *
     * @param sleeper the sleeper that waits between polls
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    /**
     * The first delay between polls (default 5 s).
     *
     * @param delay the delay
     * @return this builder
     */
    public Builder initialDelay(Duration delay) {
      this.initialDelay = Objects.requireNonNull(delay);
      return this;
    }

    /**
     * The longest delay between polls (default 30 s).
     *
     * @param delay the delay
     * @return this builder
     */
    public Builder maxDelay(Duration delay) {
      this.maxDelay = Objects.requireNonNull(delay);
      return this;
    }

    /**
     * How many transient poll failures in a row (throttled, 5xx, timeout, unreachable) are retried before
     * the wait fails (default {@value JobWatcher#DEFAULT_MAX_POLL_FAILURES}; 0: none is retried).
     *
     * @param failures the number of failures in a row that are retried
     * @return this builder
     */
    public Builder maxPollFailures(int failures) {
      this.maxPollFailures = failures;
      return this;
    }

    /** {@return a new {@code JobWatcher} with the values given} */
    public JobWatcher build() {
      return new JobWatcher(this);
    }
  }
}
