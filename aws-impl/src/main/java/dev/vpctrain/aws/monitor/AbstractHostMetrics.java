package dev.vpctrain.aws.monitor;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The metrics of one training host ({@code algo-1}…), one series per metric that has data or was asked for. */
@Value.Immutable
abstract class AbstractHostMetrics {
  /**
   * For example {@code algo-1}.
   *
   * @return the host name, for example {@code algo-1}
   */
  public abstract String host();

  /** {@return one series per metric read} */
  public abstract Map<TrainingMetric, MetricSeries> metrics();

  /**
   * The series of one metric on this host.
   *
   * @param metric the metric
   * @return the series, or empty when it was not read
   */
  public Optional<MetricSeries> series(TrainingMetric metric) {
    return Optional.ofNullable(metrics().get(metric));
  }

  /** {@return the host, then min/avg/max of each metric with data (or {@code no data})} */
  public String summary() {
    StringBuilder sb = new StringBuilder(host());
    metrics().values().stream().filter(s -> !s.values().isEmpty())
        .forEach(s -> sb.append("  ").append(s));
    return sb.length() == host().length() ? sb.append("  no data").toString() : sb.toString();
  }
}
