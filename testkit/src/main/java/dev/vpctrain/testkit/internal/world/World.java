package dev.vpctrain.testkit.internal.world;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.rules.RuleEngine;
import dev.vpctrain.testkit.ApiCall;
import dev.vpctrain.testkit.VirtualClock;
import dev.vpctrain.testkit.internal.monitoring.LogStore;
import dev.vpctrain.testkit.internal.monitoring.MetricStore;
import dev.vpctrain.testkit.network.IdSource;
import dev.vpctrain.testkit.internal.sdk.FaultPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The one state every fake client of a {@code FakeAws} reads and writes: the network (as an
 * immutable {@link NetworkSnapshot}, replaced on every change), the virtual clock, logs, metrics,
 * identifiers and the call log. Internal to the testkit; users reach it through {@code FakeAws}.
 */
public final class World {
  private final VirtualClock clock;
  private final IdSource ids = new IdSource();
  private final RuleEngine ruleEngine;
  private final LogStore logs = new LogStore();
  private final MetricStore metrics = new MetricStore();
  private final List<ApiCall> calls = new ArrayList<>();
  private final Map<String, FaultPlan> faults = new ConcurrentHashMap<>();
  private final RetryStrategy retryStrategy;
  private volatile NetworkSnapshot network;

  /**
   * @param retryStrategy the strategy every fake client copies ({@code toBuilder().build()}) to decide retries
   */
  public World(NetworkSnapshot network, VirtualClock clock, RuleEngine ruleEngine, RetryStrategy retryStrategy) {
    this.network = Objects.requireNonNull(network, "network");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ruleEngine = Objects.requireNonNull(ruleEngine, "ruleEngine");
    this.retryStrategy = Objects.requireNonNull(retryStrategy, "retryStrategy");
  }

  /** The retry strategy of the world's clients. */
  public RetryStrategy retryStrategy() {
    return retryStrategy;
  }

  /** The fault plan of {@code service}, made by {@code create} the first time. */
  public FaultPlan faults(String service, Supplier<FaultPlan> create) {
    return faults.computeIfAbsent(service, s -> create.get());
  }

  /** The fault plan of {@code service}; an error when no client of it was built. */
  public FaultPlan faults(String service) {
    FaultPlan plan = faults.get(service);
    if (plan == null) {
      throw new IllegalStateException("the fake world has no " + service + " client");
    }
    return plan;
  }

  public VirtualClock clock() {
    return clock;
  }

  public IdSource ids() {
    return ids;
  }

  /** The engine the training-job simulator judges jobs with. */
  public RuleEngine ruleEngine() {
    return ruleEngine;
  }

  public LogStore logs() {
    return logs;
  }

  public MetricStore metrics() {
    return metrics;
  }

  /** The network as it is now. */
  public NetworkSnapshot network() {
    return network;
  }

  /** Replaces the network. */
  public synchronized void setNetwork(NetworkSnapshot snapshot) {
    this.network = Objects.requireNonNull(snapshot, "snapshot");
  }

  /** Applies {@code change} atomically and returns the new network. */
  public synchronized NetworkSnapshot updateNetwork(UnaryOperator<NetworkSnapshot> change) {
    NetworkSnapshot next = Objects.requireNonNull(change.apply(network), "the change returned no network");
    this.network = next;
    return next;
  }

  /** The region of the world (the network's). */
  public String region() {
    return network.region();
  }

  /** The account of the world (the network's, else the documentation account). */
  public String accountId() {
    return network.accountId().orElse("123456789012");
  }

  /** Records an answered call. */
  public void record(ApiCall call) {
    synchronized (calls) {
      calls.add(call);
    }
  }

  /** Every call answered so far, oldest first. */
  public List<ApiCall> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }
}
