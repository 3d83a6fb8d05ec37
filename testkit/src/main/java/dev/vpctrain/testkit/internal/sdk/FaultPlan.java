package dev.vpctrain.testkit.internal.sdk;

import dev.vpctrain.testkit.AwsFault;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The faults queued for the operations of one fake service, consumed one per call attempt by its
 * {@link ClientDispatch}: {@code times} faults of a kind, then the next queued ones, then the
 * operation itself; an "always" fault never runs out. Thread-safe. Internal to the testkit.
 */
public final class FaultPlan {
  private static final int ALWAYS = -1;

  private final String service;
  private final SortedSet<String> operations;
  private final Map<String, Deque<Entry>> queued = new HashMap<>();

  /**
   * @param service the short service name ({@code ec2})
   * @param operations the operations the fake models
   */
  public FaultPlan(String service, Set<String> operations) {
    this.service = service;
    this.operations = new TreeSet<>(operations);
  }

  public String service() {
    return service;
  }

  /** The operations faults may be injected into, sorted. */
  public SortedSet<String> operations() {
    return new TreeSet<>(operations);
  }

  /** Queues {@code fault} for the next {@code times} attempts of {@code operation} ({@code -1}: every attempt). */
  public synchronized void add(String operation, int times, AwsFault fault) {
    Objects.requireNonNull(fault, "fault");
    check(operation);
    if (times == 0 || times < ALWAYS) {
      throw new IllegalArgumentException("a fault is injected for a positive number of calls, not " + times);
    }
    queued.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(new Entry(fault, times));
  }

  /** Removes the faults of {@code operation}, or of every operation when null. */
  public synchronized void clear(String operation) {
    if (operation == null) {
      queued.clear();
    } else {
      check(operation);
      queued.remove(operation);
    }
  }

  /** The fault of the next attempt of {@code operation}, if one is queued (and uses it up). */
  public synchronized Optional<AwsFault> take(String operation) {
    Deque<Entry> q = queued.get(operation);
    if (q == null || q.isEmpty()) {
      return Optional.empty();
    }
    Entry e = q.peek();
    if (e.remaining != ALWAYS && --e.remaining == 0) {
      q.poll();
    }
    return Optional.of(e.fault);
  }

  private void check(String operation) {
    Objects.requireNonNull(operation, "operation");
    if (!operations.contains(operation)) {
      throw new IllegalArgumentException("The fake " + service + " has no operation \"" + operation
          + "\" to fail; use the operation name as the AWS API spells it, one of: " + String.join(", ", operations));
    }
  }

  private static final class Entry {
    final AwsFault fault;
    int remaining;

    Entry(AwsFault fault, int remaining) {
      this.fault = fault;
      this.remaining = remaining;
    }
  }
}
