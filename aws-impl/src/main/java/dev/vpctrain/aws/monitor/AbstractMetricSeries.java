package dev.vpctrain.aws.monitor;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/** One metric of one host over time, oldest first, with its summary. */
@Value.Immutable
abstract class AbstractMetricSeries {
  /** {@return which host metric this is, for example {@link TrainingMetric#GPU_UTILIZATION}} */
  public abstract TrainingMetric metric();

  /** {@return when each value was measured, oldest first; as long as {@link #values()}} */
  public abstract List<Instant> timestamps();

  /** {@return the measured values, in CloudWatch's unit for the metric (percent for the utilizations), oldest first} */
  public abstract List<Double> values();

  /** {@return the smallest value, or empty without values} */
  public OptionalDouble min() {
    return values().stream().mapToDouble(Double::doubleValue).min();
  }

  /** {@return the largest value, or empty without values} */
  public OptionalDouble max() {
    return values().stream().mapToDouble(Double::doubleValue).max();
  }

  /** {@return the mean value, or empty without values} */
  public OptionalDouble average() {
    return values().stream().mapToDouble(Double::doubleValue).average();
  }

  /** {@return the newest value} */
  public OptionalDouble latest() {
    return values().isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values().get(values().size() - 1));
  }

  /**
   * Validates the values when an instance is built (an Immutables {@code @Value.Check}).
   */
  @Value.Check
  protected void check() {
    if (timestamps().size() != values().size()) {
      throw new IllegalArgumentException("a metric series needs one timestamp per value");
    }
  }

  /** {@code CPUUtilization min 3.0 avg 41.2 max 97.5 (12 points)}, or {@code no data}. */
  @Override
  public String toString() {
    if (values().isEmpty()) {
      return metric().metricName() + " no data";
    }
    return String.format(java.util.Locale.ROOT, "%s min %.1f avg %.1f max %.1f (%d points)", metric().metricName(),
        min().getAsDouble(), average().getAsDouble(), max().getAsDouble(), values().size());
  }
}
