package dev.vpctrain.aws.launch;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One reported change of a training job: a status or secondary-status transition, or a new status message. */
@Value.Immutable
abstract class AbstractProgress {
  /** {@return the job name} */
  public abstract String jobName();

  /** {@return what changed: the job's primary status or its secondary status} */
  public abstract ProgressKind kind();

  /** {@return the status entered, for example {@code InProgress} or {@code Downloading}} */
  public abstract String status();

  /**
   * When it happened, as SageMaker reports it.
   *
   * @return the timestamp, or empty
   */
  public abstract Optional<Instant> timestamp();

  /** {@return SageMaker's status message or failure reason} */
  public abstract Optional<String> message();

  @Override
  public String toString() {
    return timestamp().map(Instant::toString).orElse("-") + "  " + (kind() == ProgressKind.STATUS ? "status " : "")
        + status() + message().map(m -> ": " + m).orElse("");
  }
}
