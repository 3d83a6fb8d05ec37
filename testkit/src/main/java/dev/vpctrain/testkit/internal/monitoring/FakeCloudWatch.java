package dev.vpctrain.testkit.internal.monitoring;

import dev.vpctrain.testkit.internal.sdk.AwsError;
import dev.vpctrain.testkit.internal.sdk.ClientDispatch;
import dev.vpctrain.testkit.internal.sdk.FakeClientOf;
import dev.vpctrain.testkit.internal.sdk.Pages;
import dev.vpctrain.testkit.internal.sdk.ServiceErrors;
import dev.vpctrain.testkit.internal.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchServiceClientConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;

/**
 * The fake CloudWatch metrics service: {@code ListMetrics} and {@code GetMetricData} (metric stats
 * with Average, Sum, Minimum, Maximum, SampleCount and pNN) over the world's metrics, as far as
 * virtual time has written them. Public for the client proxy only.
 */
@FakeClientOf(value = CloudWatchClient.class, name = "FakeCloudWatchClient")
public final class FakeCloudWatch {
  private static final ServiceErrors ERRORS = new ServiceErrors("CloudWatch", CloudWatchException::builder, Map.of(
      "InvalidParameterValue", InvalidParameterValueException::builder,
      "MissingParameter", MissingRequiredParameterException::builder,
      "InvalidParameterCombination", InvalidParameterCombinationException::builder,
      "InvalidNextToken", InvalidNextTokenException::builder,
      "InternalServiceError", software.amazon.awssdk.services.cloudwatch.model.InternalServiceException::builder));
  private static final Pattern QUERY_ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");
  private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d+)?|100)");

  private final World world;

  private FakeCloudWatch(World world) {
    this.world = world;
  }

  /** A {@code CloudWatchClient} over {@code world}. */
  public static CloudWatchClient client(World world) {
    return new FakeCloudWatchClient(new ClientDispatch("monitoring", "monitoring", new FakeCloudWatch(world), world, ERRORS,
        "x-amzn-RequestId"));
  }

  public CloudWatchServiceClientConfiguration serviceClientConfiguration() {
    return CloudWatchServiceClientConfiguration.builder().region(Region.of(world.region())).build();
  }

  public ListMetricsResponse listMetrics(ListMetricsRequest r) {
    List<Metric> out = new ArrayList<>();
    for (MetricStore.Key k : world.metrics().metrics(world.clock().instant())) {
      if ((r.namespace() != null && !r.namespace().equals(k.namespace()))
          || (r.metricName() != null && !r.metricName().equals(k.name()))
          || !matches(k, r.dimensions())) {
        continue;
      }
      out.add(metric(k));
    }
    Pages.Page<Metric> page = Pages.slice(out, 500, r.nextToken(), "ListMetrics",
        t -> AwsError.client("InvalidNextToken", "The service cannot process the token " + t));
    return ListMetricsResponse.builder().metrics(page.items()).nextToken(page.nextToken()).build();
  }

  public GetMetricDataResponse getMetricData(GetMetricDataRequest r) {
    if (r.startTime() == null || r.endTime() == null) {
      throw AwsError.client("MissingParameter", "The parameter " + (r.startTime() == null ? "StartTime" : "EndTime")
          + " is required.");
    }
    if (!r.startTime().isBefore(r.endTime())) {
      throw AwsError.client("InvalidParameterValue", "The parameter StartTime must be less than the parameter EndTime.");
    }
    if (!r.hasMetricDataQueries() || r.metricDataQueries().isEmpty()) {
      throw AwsError.client("MissingParameter", "The parameter MetricDataQueries is required.");
    }
    boolean ascending = "TimestampAscending".equals(r.scanByAsString());
    List<MetricDataResult> results = new ArrayList<>();
    for (int i = 0; i < r.metricDataQueries().size(); i++) {
      MetricDataQuery q = r.metricDataQueries().get(i);
      String at = "MetricDataQueries.member." + (i + 1);
      if (q.id() == null || !QUERY_ID.matcher(q.id()).matches()) {
        throw AwsError.client("InvalidParameterValue", "The value " + q.id() + " for parameter " + at + ".Id is invalid.");
      }
      if (q.expression() != null) {
        throw new UnsupportedOperationException("CloudWatch.GetMetricData with metric math (" + at + ".Expression = "
            + q.expression() + ") is not modeled by the vpctrain testkit; query metric stats instead.");
      }
      if (q.metricStat() == null) {
        throw AwsError.client("InvalidParameterCombination", "Exactly one element of the " + at
            + " MetricStat and Expression must be set.");
      }
      if (Boolean.FALSE.equals(q.returnData())) {
        continue;
      }
      results.add(query(q, at, r.startTime(), r.endTime(), ascending));
    }
    return GetMetricDataResponse.builder().metricDataResults(results).build();
  }

  private MetricDataResult query(MetricDataQuery q, String at, Instant start, Instant end, boolean ascending) {
    MetricStat stat = q.metricStat();
    Metric m = stat.metric();
    int period = stat.period() == null ? 0 : stat.period();
    if (period < 1 || (period >= 60 && period % 60 != 0)) {
      throw AwsError.client("InvalidParameterValue", "The parameter " + at + ".MetricStat.Period must be 1, 5, 10, 30, "
          + "or a multiple of 60.");
    }
    String statistic = stat.stat();
    if (statistic == null || !(List.of("Average", "Sum", "Minimum", "Maximum", "SampleCount").contains(statistic)
        || PERCENTILE.matcher(statistic).matches())) {
      throw AwsError.client("InvalidParameterValue", "The value " + statistic + " for parameter " + at
          + ".MetricStat.Stat is invalid.");
    }
    Map<String, String> dims = new TreeMap<>();
    for (Dimension d : m.dimensions()) {
      dims.put(d.name(), d.value());
    }
    MetricStore.Key key = new MetricStore.Key(m.namespace() == null ? "" : m.namespace(),
        m.metricName() == null ? "" : m.metricName(), dims);
    TreeMap<Instant, List<Double>> buckets = new TreeMap<>();
    for (MetricStore.Point p : world.metrics().points(key, start, end, world.clock().instant())) {
      long offset = (p.timestamp().getEpochSecond() - start.getEpochSecond()) / period * period;
      buckets.computeIfAbsent(start.plusSeconds(offset), t -> new ArrayList<>()).add(p.value());
    }
    List<Instant> timestamps = new ArrayList<>(buckets.keySet());
    if (!ascending) {
      Collections.reverse(timestamps);
    }
    List<Double> values = new ArrayList<>();
    timestamps.forEach(t -> values.add(aggregate(buckets.get(t), statistic)));
    return MetricDataResult.builder()
        .id(q.id())
        .label(q.label() != null ? q.label() : m.metricName())
        .timestamps(timestamps)
        .values(values)
        .statusCode("Complete")
        .build();
  }

  static double aggregate(List<Double> values, String stat) {
    switch (stat) {
      case "Sum":
        return values.stream().mapToDouble(Double::doubleValue).sum();
      case "Minimum":
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      case "Maximum":
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      case "SampleCount":
        return values.size();
      case "Average":
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      default:
        double p = Double.parseDouble(stat.substring(1));
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
  }

  private static boolean matches(MetricStore.Key k, List<DimensionFilter> filters) {
    for (DimensionFilter f : filters) {
      String v = k.dimensions().get(f.name());
      if (v == null || (f.value() != null && !f.value().equals(v))) {
        return false;
      }
    }
    return true;
  }

  private static Metric metric(MetricStore.Key k) {
    List<Dimension> dims = new ArrayList<>();
    k.dimensions().forEach((n, v) -> dims.add(Dimension.builder().name(n).value(v).build()));
    return Metric.builder().namespace(k.namespace()).metricName(k.name()).dimensions(dims).build();
  }
}
