package dev.vpctrain.testkit.sagemaker;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Notices code that polls the fake SageMaker while sleeping in real time: when a running job is
 * described again after {@code threshold} of real time while the virtual clock stood still, it warns
 * once, naming the builder methods that make the polling code wait in virtual time.
 */
final class RealSleepDetector {
  static final Duration THRESHOLD = Duration.ofSeconds(2);
  static final String MESSAGE = "DescribeTrainingJob of %s was polled again after %d ms of real time while the fake "
      + "world's virtual clock stood still: the polling code sleeps in real time, and a test waiting for the job "
      + "takes minutes. Build VpcTrain with aws.vpcTrain() (or VpcTrain.builder().sageMaker(aws.sageMakerClient()) "
      + "without clock(..)/sleeper(..), or with .clock(aws.clock()).sleeper(aws.sleeper())); give your own polling "
      + "loop aws.sleeper().";

  private final LongSupplier nanoTime;
  private final Duration threshold;
  private final Consumer<String> warn;
  private final Map<String, Poll> last = new HashMap<>();
  private boolean warned;

  RealSleepDetector(LongSupplier nanoTime, Duration threshold, Consumer<String> warn) {
    this.nanoTime = nanoTime;
    this.threshold = threshold;
    this.warn = warn;
  }

  /** Records a describe of running job {@code jobName} at virtual time {@code before} (before any step). */
  synchronized void polled(String jobName, Instant before, Instant after) {
    long now = nanoTime.getAsLong();
    Poll previous = last.put(jobName, new Poll(now, after));
    if (warned || previous == null || !previous.virtual.equals(before)) {
      return;
    }
    long elapsedMs = (now - previous.real) / 1_000_000;
    if (elapsedMs >= threshold.toMillis()) {
      warned = true;
      warn.accept(String.format(MESSAGE, jobName, elapsedMs));
    }
  }

  private static final class Poll {
    final long real;
    final Instant virtual;

    Poll(long real, Instant virtual) {
      this.real = real;
      this.virtual = virtual;
    }
  }
}
