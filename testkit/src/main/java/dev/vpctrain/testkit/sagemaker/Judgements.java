package dev.vpctrain.testkit.sagemaker;

import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;

/**
 * The rule engine's verdicts on simulated requests (and the requests' specs), remembered across worlds: a test suite creates
 * many worlds from the same (immutable) scenario network and launches the same job into them, and
 * the engine is deterministic. The key holds the engine and the network by identity (a changed
 * network is a new snapshot, so never a stale hit) and the spec by value.
 */
final class Judgements {
  private static final int SIZE = 64;
  private static final Map<Key, PreflightReport> CACHE = new LinkedHashMap<>(32, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, PreflightReport> eldest) {
      return size() > SIZE;
    }
  };

  private static final Map<CreateTrainingJobRequest, TrainingJobSpec> SPECS = new LinkedHashMap<>(32, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<CreateTrainingJobRequest, TrainingJobSpec> eldest) {
      return size() > SIZE;
    }
  };

  private Judgements() {}

  /** The request as the rule engine reads it ({@link TrainingJobRequests#toSpec}), remembered by value. */
  static TrainingJobSpec spec(CreateTrainingJobRequest request) {
    synchronized (SPECS) {
      TrainingJobSpec hit = SPECS.get(request);
      if (hit != null) {
        return hit;
      }
    }
    TrainingJobSpec spec = TrainingJobRequests.toSpec(request);
    synchronized (SPECS) {
      SPECS.put(request, spec);
    }
    return spec;
  }

  static PreflightReport judge(RuleEngine engine, TrainingJobSpec spec, NetworkSnapshot network) {
    Key key = new Key(engine, network, spec);
    synchronized (CACHE) {
      PreflightReport hit = CACHE.get(key);
      if (hit != null) {
        return hit;
      }
    }
    PreflightReport report = engine.evaluate(spec, network);
    synchronized (CACHE) {
      CACHE.put(key, report);
    }
    return report;
  }

  private static final class Key {
    private final RuleEngine engine;
    private final NetworkSnapshot network;
    private final TrainingJobSpec spec;
    private final int hash;

    Key(RuleEngine engine, NetworkSnapshot network, TrainingJobSpec spec) {
      this.engine = engine;
      this.network = network;
      this.spec = spec;
      this.hash = 31 * (31 * System.identityHashCode(engine) + System.identityHashCode(network)) + spec.hashCode();
    }

    @Override
    @SuppressWarnings("ReferenceEquality") // by design: engine and network by identity, as the hash says
    public boolean equals(Object o) {
      return o instanceof Key && ((Key) o).engine == engine && ((Key) o).network == network && ((Key) o).spec.equals(spec);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
