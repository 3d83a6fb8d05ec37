package dev.vpctrain.aws.launch;

import dev.vpctrain.aws.AwsCallException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a job's description until its status is final, with backoff: the delay starts at the initial
 * delay after each change and doubles up to the maximum while nothing changes; transient failures
 * (throttling, 5xx) are retried up to {@link JobWatcher#DEFAULT_MAX_POLL_FAILURES} times in a row. The
 * loop of {@link ProcessingRun} and {@link TuningRun}.
 */
final class StatusPoller {
  private static final Logger LOG = LoggerFactory.getLogger(StatusPoller.class);
  private static final Set<String> FINAL = Set.of("Completed", "Failed", "Stopped");

  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration initialDelay;
  private final Duration maxDelay;

  StatusPoller(Clock clock, Sleeper sleeper, Duration initialDelay, Duration maxDelay) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
  }

  /**
   * Describes the job until {@code status} is final and returns the last description.
   *
   * @param <T> the description's type
   * @param kind the job's kind, for messages: {@code processing job}
   * @param jobName the job's name
   * @param describe one description; failures are {@link AwsCallException}s
   * @param status the description's status
   * @param change what a change is: {@code onChange} is called when it differs from the last poll's
   * @param onChange told of each change, the first description included
   * @param onPoll called after every successful poll, after {@code onChange}
   * @param timeout the longest wait, or null for none
   * @return the last description
   * @throws WatchTimeoutException when the timeout passes first
   * @throws InterruptedException when the thread is interrupted
   */
  <T> T await(String kind, String jobName, Supplier<T> describe, Function<T, String> status, Function<T, Object> change,
      Consumer<T> onChange, Runnable onPoll, Duration timeout) throws InterruptedException {
    Objects.requireNonNull(onChange, "onChange");
    String what = kind + " " + jobName;
    Instant deadline = timeout == null ? null : clock.instant().plus(timeout);
    Duration delay = initialDelay;
    Object last = null;
    String lastStatus = null;
    int failures = 0;
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for " + what);
      }
      T d;
      try {
        d = describe.get();
        failures = 0;
      } catch (AwsCallException e) {
        if (!e.isUnavailable() || ++failures > JobWatcher.DEFAULT_MAX_POLL_FAILURES) {
          throw e;
        }
        LOG.warn("Polling {} failed ({} in a row): {}", what, failures, e.getMessage());
        sleeper.sleep(bounded(min(initialDelay.multipliedBy(1L << Math.min(failures - 1, 20)), maxDelay), deadline,
            jobName, timeout, lastStatus));
        continue;
      }
      lastStatus = status.apply(d);
      Object now = change.apply(d);
      boolean changed = !now.equals(last);
      last = now;
      if (changed) {
        LOG.info("{}: {}", what, lastStatus);
        onChange.accept(d);
      }
      onPoll.run();
      if (FINAL.contains(lastStatus)) {
        return d;
      }
      delay = changed ? initialDelay : min(delay.multipliedBy(2), maxDelay);
      sleeper.sleep(bounded(delay, deadline, jobName, timeout, lastStatus));
    }
  }

  private Duration bounded(Duration wait, Instant deadline, String jobName, Duration timeout, String status) {
    if (deadline == null) {
      return wait;
    }
    Duration remaining = Duration.between(clock.instant(), deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      throw new WatchTimeoutException(jobName, timeout,
          status == null ? "unknown" : status, null);
    }
    return min(wait, remaining);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
