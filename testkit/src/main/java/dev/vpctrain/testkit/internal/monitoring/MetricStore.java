package dev.vpctrain.testkit.internal.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fake world's CloudWatch metrics: raw data points per metric. As with {@link LogStore}, points
 * may be dated in the future; readers see those at or before the virtual "now". Thread-safe.
 */
public final class MetricStore {
  /** A metric's identity: namespace, name and dimensions (sorted by name). */
  public record Key(String namespace, String name, SortedMap<String, String> dimensions) {
    public Key {
      Objects.requireNonNull(namespace);
      Objects.requireNonNull(name);
      dimensions = new TreeMap<>(dimensions);
    }

    public Key(String namespace, String name, Map<String, String> dimensions) {
      this(namespace, name, new TreeMap<>(dimensions));
    }

    @Override
    public String toString() {
      return namespace + " " + name + " " + dimensions;
    }
  }

  /** One raw data point. */
  public static final class Point {
    private final Instant timestamp;
    private final double value;
    private final String owner;

    Point(Instant timestamp, double value, String owner) {
      this.timestamp = timestamp;
      this.value = value;
      this.owner = owner;
    }

    public Instant timestamp() {
      return timestamp;
    }

    public double value() {
      return value;
    }
  }

  private final Map<Key, List<Point>> series = new LinkedHashMap<>();

  /** Records one data point. */
  public synchronized void put(Key key, Instant at, double value, String owner) {
    List<Point> points = series.computeIfAbsent(key, k -> new ArrayList<>());
    int i = points.size();
    while (i > 0 && points.get(i - 1).timestamp.isAfter(at)) {
      i--;
    }
    points.add(i, new Point(at, value, owner));
  }

  /** Removes what {@code owner} recorded after {@code cutoff}. */
  public synchronized void dropAfter(String owner, Instant cutoff) {
    for (List<Point> points : series.values()) {
      points.removeIf(p -> owner.equals(p.owner) && p.timestamp.isAfter(cutoff));
    }
    series.values().removeIf(List::isEmpty);
  }

  /** Metrics with at least one point at or before {@code now}, in the order they were first written. */
  public synchronized List<Key> metrics(Instant now) {
    List<Key> out = new ArrayList<>();
    series.forEach((k, points) -> {
      if (!points.isEmpty() && !points.get(0).timestamp.isAfter(now)) {
        out.add(k);
      }
    });
    return out;
  }

  /** Points of {@code key} in {@code [from, to)}, not after {@code now}, oldest first. */
  public synchronized List<Point> points(Key key, Instant from, Instant to, Instant now) {
    List<Point> out = new ArrayList<>();
    for (Point p : series.getOrDefault(key, List.of())) {
      if (!p.timestamp.isBefore(from) && p.timestamp.isBefore(to) && !p.timestamp.isAfter(now)) {
        out.add(p);
      }
    }
    return out;
  }
}
