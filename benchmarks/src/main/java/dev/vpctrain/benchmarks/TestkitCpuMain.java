package dev.vpctrain.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * The {@link TestkitBenchmark} tests timed by CPU time as well as wall time, for shared machines
 * where the wall clock mostly measures the wait for a core: the test thread's CPU time per test
 * (median), and the whole process's CPU time per test (total over the runs divided by their
 * number, since the process clock ticks in 10 ms steps), which includes every other thread —
 * WireMock's server, the JIT, the garbage collector — so the three are compared on the same footing.
 * {@code java -cp benchmarks/target/benchmarks.jar dev.vpctrain.benchmarks.TestkitCpuMain}.
 */
public final class TestkitCpuMain {
  private TestkitCpuMain() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    TestkitBenchmark b = new TestkitBenchmark();
    report("fakeAwsDirect", b::fakeAwsDirect, warmup, runs);
    report("fakeAwsUnique", b::fakeAwsDirectUniqueName, warmup, runs);
    report("fakeAwsGuarded", b::fakeAwsGuarded, warmup, runs);
    TestkitBenchmark.WireMockAws wireMock = new TestkitBenchmark.WireMockAws();
    wireMock.start();
    try {
      report("wireMockDirect", () -> b.wireMockDirect(wireMock), warmup / 10, runs / 5);
    } finally {
      wireMock.stop();
    }
  }

  private static void report(String name, Callable<?> test, int warmup, int runs) throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < warmup; i++) {
      test.call();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] wall = new long[runs];
    long[] thread = new long[runs];
    long cpu0 = os.getProcessCpuTime();
    for (int i = 0; i < runs; i++) {
      long t0 = threads.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      test.call();
      wall[i] = System.nanoTime() - w0;
      thread[i] = threads.getCurrentThreadCpuTime() - t0;
    }
    double processPerTest = (os.getProcessCpuTime() - cpu0) / (double) runs;
    Arrays.sort(wall);
    Arrays.sort(thread);
    System.out.printf("%-15s runs=%d  wall median %.2f ms (p90 %.2f)  test-thread CPU median %.2f ms (p90 %.2f)"
        + "  process CPU per test %.2f ms%n", name, runs, ms(wall[runs / 2]), ms(wall[runs * 9 / 10]),
        ms(thread[runs / 2]), ms(thread[runs * 9 / 10]), processPerTest / 1_000_000.0);
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
