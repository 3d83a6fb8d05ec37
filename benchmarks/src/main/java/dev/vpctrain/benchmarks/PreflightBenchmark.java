package dev.vpctrain.benchmarks;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
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
  }

  @Setup(Level.Invocation)
  public void copy() {
    fresh = NetworkSnapshot.builder().from(synthetic.network()).build();
  }

  @Benchmark
  public PreflightReport preflight() {
    return engine.evaluate(synthetic.job(), synthetic.network());
  }

  @Benchmark
  public PreflightReport preflightFreshSnapshot() {
    return engine.evaluate(synthetic.job(), fresh);
  }
}
