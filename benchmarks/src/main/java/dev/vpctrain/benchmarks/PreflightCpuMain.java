package dev.vpctrain.benchmarks;

import dev.vpctrain.core.rules.RuleEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The preflight of {@link PreflightBenchmark} timed by thread CPU time as well as wall time, for
 * machines shared with other work (where JMH's wall-clock average mostly measures the wait for a
 * core). Prints median and 90th percentile per scale. Arguments: scales (default 0.25 1 4).
 */
public final class PreflightCpuMain {
  /** Warm-up runs per scale: enough for C2 to compile the whole catalogue at scale 4. */
  private static final int WARMUP = 1000;
  /** Measured runs per scale. */
  private static final int RUNS = 500;

  private PreflightCpuMain() {}

  public static void main(String[] args) {
    String[] scales = args.length == 0 ? new String[] {"0.25", "1", "4"} : args;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    RuleEngine engine = RuleEngine.standard();
    System.out.println("scale  cpu-median-ms  cpu-p90-ms  wall-median-ms  wall-p90-ms");
    for (String s : scales) {
      SyntheticNetwork n = SyntheticNetwork.of(Double.parseDouble(s));
      for (int i = 0; i < WARMUP; i++) {
        engine.evaluate(n.job(), n.network());
      }
      int runs = RUNS;
      long[] cpu = new long[runs];
      long[] wall = new long[runs];
      for (int i = 0; i < runs; i++) {
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        engine.evaluate(n.job(), n.network());
        wall[i] = System.nanoTime() - w0;
        cpu[i] = mx.getCurrentThreadCpuTime() - c0;
      }
      Arrays.sort(cpu);
      Arrays.sort(wall);
      System.out.println(String.format(Locale.ROOT, "%-6s %13.2f %11.2f %15.2f %12.2f", s, cpu[runs / 2] / 1e6,
          cpu[runs * 9 / 10] / 1e6, wall[runs / 2] / 1e6, wall[runs * 9 / 10] / 1e6));
    }
  }
}
