package dev.vpctrain.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fake world's time. It never moves by itself: {@link #advance(Duration)} moves it, and so does
 * the training-job simulator when a {@code DescribeTrainingJob} steps a job. Thread-safe; time only
 * goes forward.
 */
public final class VirtualClock extends Clock {
  /** The default start of every fake world. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00Z");

  private final AtomicReference<Instant> now;

  private VirtualClock(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /**
   * {@return a clock standing at {@code start}}
   *
   * @param start the first instant
   */
  public static VirtualClock startingAt(Instant start) {
    return new VirtualClock(start);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /**
   * Moves time forward by {@code amount} and returns the new time.
   *
   * @param amount the amount
   * @return the new instant
   */
  public Instant advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("the virtual clock only moves forward, but was asked to move by " + amount);
    }
    return now.updateAndGet(t -> t.plus(amount));
  }

  /**
   * Moves time forward to {@code instant}; does nothing when it is already later. Returns the new time.
   *
   * @param instant the instant
   * @return the new instant
   */
  public Instant advanceTo(Instant instant) {
    return now.updateAndGet(t -> instant.isAfter(t) ? instant : t);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    throw new UnsupportedOperationException("the virtual clock runs in UTC only");
  }

  @Override
  public String toString() {
    return "VirtualClock[" + now.get() + "]";
  }
}
