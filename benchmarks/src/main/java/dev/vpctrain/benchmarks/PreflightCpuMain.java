package dev.vpctrain.benchmarks;

import dev.vpctrain.core.job.JobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.rules.RuleEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The preflight of {@link PreflightBenchmark} timed by thread CPU time as well as wall time, for
 * machines shared with other work (where JMH's wall-clock average mostly measures the wait for a
 * core). Prints median and 90th percentile per scale. Arguments: scales (default 0.25 1 4), and
 * {@code --no-iam} to leave out the network's iam section (the role rules then do not evaluate), and
 * {@code --tuning} to time a tuning job of eight definitions instead of the training job.
 * The first columns time repeated preflights over one snapshot, which keeps what it compiles from
 * itself (indexes, compiled route tables and ACLs; see {@code NetworkSnapshot.compiled}); the last
 * column times a preflight over a fresh copy of the snapshot each time, building all of that anew.
 */
public final class PreflightCpuMain {
  /** Warm-up runs per scale: C2 needs about 3,000 runs of the whole catalogue (77 rules) at scale 4 to settle. */
  private static final int WARMUP = 3000;
  /** Measured runs per scale. */
  private static final int RUNS = 500;

  private PreflightCpuMain() {}

  public static void main(String[] args) {
    List<String> list = new ArrayList<>(List.of(args));
    // --no-iam: the network without its iam section, so the role rules pass as "Not evaluated"
    boolean withIam = !list.remove("--no-iam");
    // --tuning: a tuning job of eight definitions (PreflightBenchmark.tuningOf) instead of the training job
    boolean tuning = list.remove("--tuning");
    String[] scales = list.isEmpty() ? new String[] {"0.25", "1", "4"} : list.toArray(new String[0]);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    RuleEngine engine = RuleEngine.standard();
    System.out.println("scale  cpu-median-ms  cpu-p90-ms  wall-median-ms  wall-p90-ms  fresh-snapshot-cpu-median-ms");
    for (String s : scales) {
      SyntheticNetwork n = SyntheticNetwork.of(Double.parseDouble(s));
      NetworkSnapshot network = withIam ? n.network() : n.network().withIam(Optional.empty());
      JobSpec job = tuning ? PreflightBenchmark.tuningOf(n.job()) : n.job();
      for (int i = 0; i < (tuning ? WARMUP / 3 : WARMUP); i++) {
        engine.evaluate(job, network);
      }
      int runs = RUNS;
      long[] cpu = new long[runs];
      long[] wall = new long[runs];
      for (int i = 0; i < runs; i++) {
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        engine.evaluate(job, network);
        wall[i] = System.nanoTime() - w0;
        cpu[i] = mx.getCurrentThreadCpuTime() - c0;
      }
      long[] fresh = new long[runs / 5];
      for (int i = 0; i < fresh.length; i++) {
        NetworkSnapshot copy = NetworkSnapshot.builder().from(network).build();
        long c0 = mx.getCurrentThreadCpuTime();
        engine.evaluate(job, copy);
        fresh[i] = mx.getCurrentThreadCpuTime() - c0;
      }
      Arrays.sort(cpu);
      Arrays.sort(wall);
      Arrays.sort(fresh);
      System.out.println(String.format(Locale.ROOT, "%-6s %13.2f %11.2f %15.2f %12.2f %29.2f", s, cpu[runs / 2] / 1e6,
          cpu[runs * 9 / 10] / 1e6, wall[runs / 2] / 1e6, wall[runs * 9 / 10] / 1e6, fresh[fresh.length / 2] / 1e6));
    }
  }
}
