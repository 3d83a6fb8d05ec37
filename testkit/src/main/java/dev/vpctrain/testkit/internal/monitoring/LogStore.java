package dev.vpctrain.testkit.internal.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fake world's CloudWatch Logs: groups, streams and events. Writers may date entries in the
 * future (a simulated job writes its whole run at once); readers see only what is dated at or
 * before the virtual "now". Thread-safe.
 */
public final class LogStore {
  /** One log event. */
  public static final class Event {
    private final long timestamp;
    private final String message;
    private final String owner;

    Event(long timestamp, String message, String owner) {
      this.timestamp = timestamp;
      this.message = message;
      this.owner = owner;
    }

    /** Epoch milliseconds. */
    public long timestamp() {
      return timestamp;
    }

    public String message() {
      return message;
    }

    /** Ingestion happens at the event's own time in the fake. */
    public long ingestionTime() {
      return timestamp;
    }
  }

  /** A stream as a reader sees it at one moment. */
  public static final class StreamView {
    private final String name;
    private final long creationTime;
    private final List<Event> events;

    StreamView(String name, long creationTime, List<Event> events) {
      this.name = name;
      this.creationTime = creationTime;
      this.events = events;
    }

    public String name() {
      return name;
    }

    public long creationTime() {
      return creationTime;
    }

    /** The visible events, oldest first. */
    public List<Event> events() {
      return events;
    }

    public Optional<Long> firstEventTimestamp() {
      return events.isEmpty() ? Optional.empty() : Optional.of(events.get(0).timestamp());
    }

    public Optional<Long> lastEventTimestamp() {
      return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1).timestamp());
    }
  }

  private static final class Stream {
    final String name;
    final long created;
    final String owner;
    final List<Event> events = new ArrayList<>();

    Stream(String name, long created, String owner) {
      this.name = name;
      this.created = created;
      this.owner = owner;
    }
  }

  private static final class Group {
    final long created;
    final Map<String, Stream> streams = new TreeMap<>();

    Group(long created) {
      this.created = created;
    }
  }

  private final Map<String, Group> groups = new TreeMap<>();

  /** Creates {@code group} at {@code at} unless it exists (an earlier creation time wins). */
  public synchronized void createGroup(String group, Instant at) {
    Group g = groups.get(group);
    if (g == null || g.created > at.toEpochMilli()) {
      Group fresh = new Group(at.toEpochMilli());
      if (g != null) {
        fresh.streams.putAll(g.streams);
      }
      groups.put(group, fresh);
    }
  }

  /** Appends an event, creating the group and stream (at {@code streamCreated}) when needed. */
  public synchronized void append(String group, String stream, Instant streamCreated, Instant at, String message,
      String owner) {
    createGroup(group, streamCreated);
    Stream s = groups.get(group).streams.computeIfAbsent(stream, n -> new Stream(n, streamCreated.toEpochMilli(), owner));
    long t = at.toEpochMilli();
    int i = s.events.size();
    while (i > 0 && s.events.get(i - 1).timestamp > t) {
      i--;
    }
    s.events.add(i, new Event(t, message, owner));
  }

  /** Removes what {@code owner} wrote after {@code cutoff} (a stopped job writes no more). */
  public synchronized void dropAfter(String owner, Instant cutoff) {
    long c = cutoff.toEpochMilli();
    for (Group g : groups.values()) {
      g.streams.values().removeIf(s -> owner.equals(s.owner) && s.created > c);
      for (Stream s : g.streams.values()) {
        s.events.removeIf(e -> owner.equals(e.owner) && e.timestamp > c);
      }
    }
  }

  /** True when {@code group} exists at {@code now}. */
  public synchronized boolean groupExists(String group, Instant now) {
    Group g = groups.get(group);
    return g != null && g.created <= now.toEpochMilli();
  }

  /** The streams of {@code group} visible at {@code now}, by name. */
  public synchronized List<StreamView> streams(String group, Instant now) {
    List<StreamView> out = new ArrayList<>();
    Group g = groups.get(group);
    if (g == null) {
      return out;
    }
    long t = now.toEpochMilli();
    for (Stream s : g.streams.values()) {
      if (s.created <= t) {
        List<Event> visible = new ArrayList<>();
        for (Event e : s.events) {
          if (e.timestamp <= t) {
            visible.add(e);
          }
        }
        out.add(new StreamView(s.name, s.created, List.copyOf(visible)));
      }
    }
    return out;
  }

  /** One stream visible at {@code now}. */
  public synchronized Optional<StreamView> stream(String group, String stream, Instant now) {
    return streams(group, now).stream().filter(s -> s.name().equals(stream)).findFirst();
  }
}
