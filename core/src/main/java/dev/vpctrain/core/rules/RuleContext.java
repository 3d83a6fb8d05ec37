package dev.vpctrain.core.rules;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.TuningJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a rule sees: the job, the network, and a per-evaluation cache so that analyses several
 * rules share (route resolution, security-group reachability) run once per preflight. The
 * {@link RuleEngine} makes one per {@link RuleEngine#evaluate evaluation}.
 */
public final class RuleContext {
  private final TrainingJobSpec job;
  private final NetworkSnapshot network;
  private final TuningJobSpec tuning;
  private final Map<Object, Object> cache = new ConcurrentHashMap<>();
  private final Map<Object, Object> networkCache;

  private RuleContext(TrainingJobSpec job, NetworkSnapshot network, TuningJobSpec tuning, Map<Object, Object> networkCache) {
    this.job = Objects.requireNonNull(job, "job");
    this.network = Objects.requireNonNull(network, "network");
    this.tuning = tuning;
    this.networkCache = networkCache == null ? cache : networkCache;
  }

  /**
   * A context for one evaluation of a job against a network.
   *
   * @param job the training job
   * @param network the network snapshot
   * @return the context
   */
  public static RuleContext of(TrainingJobSpec job, NetworkSnapshot network) {
    return new RuleContext(job, network, null, null);
  }

  /**
   * A context for one training job definition of a tuning job: the rules see the definition as the job
   * and the whole tuning job through {@link #tuning()}. The contexts of one tuning job's definitions
   * share {@code networkCache}, which holds what depends on the network alone
   * ({@link #cachedForNetwork}).
   *
   * @param definition the definition, one of {@code tuning}'s
   * @param network the network snapshot
   * @param tuning the tuning job
   * @param networkCache a map shared by the definitions' contexts, empty at first
   * @return the context
   */
  public static RuleContext of(TrainingJobSpec definition, NetworkSnapshot network, TuningJobSpec tuning,
      Map<Object, Object> networkCache) {
    return new RuleContext(definition, network, Objects.requireNonNull(tuning, "tuning"),
        Objects.requireNonNull(networkCache, "networkCache"));
  }

  /** {@return the tuning job the {@linkplain #job() job} is a definition of; empty for training and processing jobs} */
  public Optional<TuningJobSpec> tuning() {
    return Optional.ofNullable(tuning);
  }

  /** {@return the job} */
  public TrainingJobSpec job() {
    return job;
  }

  /** {@return the network} */
  public NetworkSnapshot network() {
    return network;
  }

  /** {@return the job's region: the spec's when it names one, else the snapshot's} */
  public String region() {
    return job.region().orElse(network.region());
  }

  /** {@return the AWS partition of the region ({@code aws}, {@code aws-cn}, {@code aws-us-gov})} */
  public String partition() {
    String r = region();
    if (r.startsWith("cn-")) {
      return "aws-cn";
    }
    if (r.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    return "aws";
  }

  /**
   * {@return a value computed once per evaluation under {@code key} (use a key that identifies the analysis
   * and its inputs, such as a record of the analysis class and a subnet id)}
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param key identifies the analysis and its inputs
   * @param compute computes the value, at most once per key
   */
  public <K, V> V cached(K key, Function<K, V> compute) {
    return cached(cache, key, compute);
  }

  /**
   * {@return a value that depends on the network and {@code key} alone, computed once per preflight; the
   * definitions of a tuning job share it}
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param key identifies the analysis and every input it takes besides the network
   * @param compute computes the value, at most once per key
   */
  public <K, V> V cachedForNetwork(K key, Function<K, V> compute) {
    return cached(networkCache, key, compute);
  }

  @SuppressWarnings("unchecked")
  private static <K, V> V cached(Map<Object, Object> cache, K key, Function<K, V> compute) {
    Object hit = cache.get(key);
    if (hit != null) {
      return (V) hit;
    }
    V value = compute.apply(key);
    cache.putIfAbsent(key, value);
    return value;
  }
}
