package dev.vpctrain.aws.monitor;

import java.time.Instant;
import org.immutables.value.Value;

/** One log event of a training job's instance. */
@Value.Immutable
abstract class AbstractLogLine {
  /** The log stream, for example {@code resnet50/algo-1-1764403200}. */
  public abstract String stream();

  /** The host the stream belongs to, for example {@code algo-1}. */
  public abstract String host();

  public abstract Instant timestamp();

  public abstract String message();

  @Override
  public String toString() {
    return "[" + host() + "] " + message();
  }
}
