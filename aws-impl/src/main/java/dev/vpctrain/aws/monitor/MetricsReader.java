package dev.vpctrain.aws.monitor;

import dev.vpctrain.aws.AwsCallException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Reads a training job's instance metrics (namespace {@code /aws/sagemaker/TrainingJobs}, dimension
 * {@code Host=<job>/algo-N}) for all hosts and metrics in one batched {@code GetMetricData} call
 * (queries {@code m0..mN}, pages followed by {@code NextToken}; more than 500 queries are split
 * into several calls, the API's limit). Thread-safe.
 */
public final class MetricsReader {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsReader.class);

  /** The CloudWatch namespace of training job instance metrics. */
  public static final String NAMESPACE = "/aws/sagemaker/TrainingJobs";

  static final int MAX_QUERIES = 500;

  private final CloudWatchClient cloudWatch;
  private final List<TrainingMetric> metrics;
  private final Duration period;
  private final String stat;
  private final String namespace;

  private MetricsReader(Builder b) {
    this.cloudWatch = Objects.requireNonNull(b.cloudWatch, "cloudWatch");
    this.metrics = List.copyOf(b.metrics);
    this.period = b.period;
    this.stat = b.stat;
    this.namespace = b.namespace;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the host names of a job of {@code instanceCount} instances: {@code algo-1 … algo-N}}
   *
   * @param instanceCount the number of instances
   */
  public static List<String> hosts(int instanceCount) {
    List<String> hosts = new ArrayList<>();
    for (int i = 1; i <= instanceCount; i++) {
      hosts.add("algo-" + i);
    }
    return hosts;
  }

  /**
   * {@return every configured metric of every host over a job's run, by host in the given order: from {@code start}
   * until {@code end}, or until {@code now} while the job runs; the last five minutes before that end when the start
   * is unknown or not before it}
   *
   * @param jobName the job name
   * @param hosts the hosts
   * @param start when the job started (its start time, else its creation time); null when unknown
   * @param end when the job ended; null while it runs
   * @param now the present, the end of a running job's window
   */
  public Map<String, HostMetrics> readRun(String jobName, Collection<String> hosts, Instant start, Instant end,
      Instant now) {
    Instant until = end != null ? end : now;
    Instant from = start == null || !until.isAfter(start) ? until.minus(Duration.ofMinutes(5)) : start;
    return read(jobName, hosts, from, until);
  }

  /**
   * {@return every configured metric of every host between {@code start} and {@code end}, by host in the given order}
   *
   * @param jobName the training job name
   * @param hosts the hosts
   * @param start the first instant
   * @param end the end
   */
  public Map<String, HostMetrics> read(String jobName, Collection<String> hosts, Instant start, Instant end) {
    List<String[]> keys = new ArrayList<>();
    List<MetricDataQuery> queries = new ArrayList<>();
    for (String host : hosts) {
      for (TrainingMetric m : metrics) {
        String id = "m" + queries.size();
        keys.add(new String[] {host, m.name()});
        queries.add(MetricDataQuery.builder().id(id).returnData(true)
            .metricStat(MetricStat.builder().stat(stat).period((int) period.toSeconds())
                .metric(Metric.builder().namespace(namespace).metricName(m.metricName())
                    .dimensions(Dimension.builder().name("Host").value(jobName + "/" + host).build()).build())
                .build())
            .build());
      }
    }
    Map<String, NavigableMap<Instant, Double>> points = new LinkedHashMap<>();
    for (int from = 0; from < queries.size(); from += MAX_QUERIES) {
      fetch(queries.subList(from, Math.min(queries.size(), from + MAX_QUERIES)), start, end, points);
    }
    Map<String, HostMetrics> out = new LinkedHashMap<>();
    Map<String, HostMetrics.Builder> builders = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      String host = keys.get(i)[0];
      TrainingMetric metric = TrainingMetric.valueOf(keys.get(i)[1]);
      NavigableMap<Instant, Double> series = points.getOrDefault("m" + i, new TreeMap<>());
      builders.computeIfAbsent(host, h -> HostMetrics.builder().host(h))
          .putMetric(metric, MetricSeries.builder().metric(metric)
              .timestamps(series.keySet()).values(series.values()).build());
    }
    builders.forEach((h, b) -> out.put(h, b.build()));
    return out;
  }

  private void fetch(List<MetricDataQuery> queries, Instant start, Instant end,
      Map<String, NavigableMap<Instant, Double>> points) {
    String token = null;
    do {
      GetMetricDataRequest request = GetMetricDataRequest.builder().metricDataQueries(queries)
          .startTime(start).endTime(end).scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(token).build();
      GetMetricDataResponse response;
      try {
        response = cloudWatch.getMetricData(request);
      } catch (SdkException e) {
        throw new AwsCallException("cloudwatch:GetMetricData", e);
      }
      for (MetricDataResult r : response.metricDataResults()) {
        if (r.statusCodeAsString() != null && !"Complete".equals(r.statusCodeAsString())
            && !"PartialData".equals(r.statusCodeAsString())) {
          LOG.warn("GetMetricData result {} ({}) has status {}", r.id(), r.label(), r.statusCodeAsString());
        }
        NavigableMap<Instant, Double> series = points.computeIfAbsent(r.id(), k -> new TreeMap<>());
        for (int i = 0; i < Math.min(r.timestamps().size(), r.values().size()); i++) {
          series.put(r.timestamps().get(i), r.values().get(i));
        }
      }
      String previous = token;
      token = response.nextToken();
      if (token != null && token.equals(previous)) {
        break;
      }
    } while (token != null);
  }

  /** Builds a {@link MetricsReader}. */
  public static final class Builder {
    private CloudWatchClient cloudWatch;
    private List<TrainingMetric> metrics = Arrays.asList(TrainingMetric.values());
    private Duration period = Duration.ofMinutes(1);
    private String stat = "Average";
    private String namespace = NAMESPACE;

    private Builder() {}

    /**
     * The CloudWatch namespace the instances publish to: {@value MetricsReader#NAMESPACE} (the default) for
     * training jobs, {@code /aws/sagemaker/ProcessingJobs} for processing jobs.
     *
     * @param namespace the namespace
     * @return this builder
     */
    public Builder namespace(String namespace) {
      this.namespace = java.util.Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /**
     * Sets the CloudWatch client.
     *
     * @param cloudWatch the CloudWatch client
     * @return this builder
     */
    public Builder cloudWatch(CloudWatchClient cloudWatch) {
      this.cloudWatch = cloudWatch;
      return this;
    }

    /**
     * The metrics to read (default all of {@link TrainingMetric}).
     *
     * @param metrics the metrics
     * @return this builder
     */
    public Builder metrics(TrainingMetric... metrics) {
      if (metrics.length == 0) {
        throw new IllegalArgumentException("at least one metric is needed");
      }
      this.metrics = Arrays.asList(metrics);
      return this;
    }

    /**
     * The aggregation period (default 1 minute, whole seconds, a multiple of 60 above a minute).
     *
     * @param period the period
     * @return this builder
     */
    public Builder period(Duration period) {
      if (period.getSeconds() < 1 || period.getNano() != 0) {
        throw new IllegalArgumentException("period must be whole seconds, at least 1, but was " + period);
      }
      this.period = period;
      return this;
    }

    /**
     * The statistic of each period (default {@code Average}).
     *
     * @param stat the stat
     * @return this builder
     */
    public Builder stat(String stat) {
      this.stat = Objects.requireNonNull(stat);
      return this;
    }

    /** {@return a new {@code MetricsReader} with the values given} */
    public MetricsReader build() {
      return new MetricsReader(this);
    }
  }
}
