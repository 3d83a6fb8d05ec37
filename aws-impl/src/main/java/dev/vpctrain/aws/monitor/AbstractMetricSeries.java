package dev.vpctrain.aws.monitor;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/** One metric of one host over time, oldest first, with its summary. */
@Value.Immutable
abstract class AbstractMetricSeries {
  public abstract TrainingMetric metric();

  public abstract List<Instant> timestamps();

  public abstract List<Double> values();

  public OptionalDouble min() {
    return values().stream().mapToDouble(Double::doubleValue).min();
  }

  public OptionalDouble max() {
    return values().stream().mapToDouble(Double::doubleValue).max();
  }

  public OptionalDouble average() {
    return values().stream().mapToDouble(Double::doubleValue).average();
  }

  /** The newest value. */
  public OptionalDouble latest() {
    return values().isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values().get(values().size() - 1));
  }

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
