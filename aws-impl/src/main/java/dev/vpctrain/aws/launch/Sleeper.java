package dev.vpctrain.aws.launch;

import java.time.Duration;

/** Waits between polls; tests inject one that only advances a clock. */
@FunctionalInterface
public interface Sleeper {
  /**
   * Sleeps {@code duration}; throws when the thread is interrupted.
   *
   * @param duration the duration
   * @throws InterruptedException when it fails
   */
  void sleep(Duration duration) throws InterruptedException;

  /** {@return {@link Thread#sleep}} */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
