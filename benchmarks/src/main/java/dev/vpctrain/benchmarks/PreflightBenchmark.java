package dev.vpctrain.benchmarks;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.TuningJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The whole preflight ({@code RuleEngine.standard().evaluate}) on {@link SyntheticNetwork} at
 * 1/4, 1 and 4 times the reference size. {@code preflight} reuses one snapshot (its lazy id
 * indexes built once, as when several jobs are checked against one capture); {@code preflightFreshSnapshot}
 * evaluates a fresh copy each time, so index building is included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class PreflightBenchmark {
  @Param({"0.25", "1", "4"})
  public double scale;

  private SyntheticNetwork synthetic;
  private RuleEngine engine;
  private NetworkSnapshot fresh;

  @Setup(Level.Trial)
  public void build() {
    synthetic = SyntheticNetwork.of(scale);
    engine = RuleEngine.standard();
    tuning = tuningOf(synthetic.job());
  }

  private TuningJobSpec tuning;

  /** Eight training job definitions over rotating halves of the job's subnets, one to four instances each. */
  static TuningJobSpec tuningOf(TrainingJobSpec job) {
    List<String> subnets = job.vpc().orElseThrow().subnets();
    List<TrainingJobSpec> definitions = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      List<String> half = new ArrayList<>();
      for (int k = 0; k < Math.max(1, subnets.size() / 2); k++) {
        half.add(subnets.get((i + k) % subnets.size()));
      }
      int count = 1 + i % 4;
      definitions.add(job.toBuilder().definitionName("definition-" + i).instanceCount(count)
          .vpc(v -> v.subnets(half)).build());
    }
    return TuningJobSpec.builder().name("synthetic-hpo").maxParallelTrainingJobs(16).definitions(definitions).build();
  }

  @Setup(Level.Invocation)
  public void copy() {
    fresh = NetworkSnapshot.builder().from(synthetic.network()).build();
  }

  @Benchmark
  public PreflightReport preflight() {
    return engine.evaluate(synthetic.job(), synthetic.network());
  }

  /** A tuning job of eight definitions (issue 15: under 20 ms on the scale-1 network). */
  @Benchmark
  public PreflightReport tuningEightDefinitions() {
    return engine.evaluate(tuning, synthetic.network());
  }

  @Benchmark
  public PreflightReport preflightFreshSnapshot() {
    return engine.evaluate(synthetic.job(), fresh);
  }
}
