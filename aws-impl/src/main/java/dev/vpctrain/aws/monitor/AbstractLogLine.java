package dev.vpctrain.aws.monitor;

import java.time.Instant;
import org.immutables.value.Value;

/** One log event of a training job's instance. */
@Value.Immutable
abstract class AbstractLogLine {
  /** {@return the log stream, for example {@code resnet50/algo-1-1764403200}} */
  public abstract String stream();

  /** {@return the host the stream belongs to, for example {@code algo-1}} */
  public abstract String host();

  /** {@return when the training code wrote the event, as CloudWatch Logs records it} */
  public abstract Instant timestamp();

  /** {@return the event's text, one line of the instance's output} */
  public abstract String message();

  @Override
  public String toString() {
    return "[" + host() + "] " + message();
  }
}
