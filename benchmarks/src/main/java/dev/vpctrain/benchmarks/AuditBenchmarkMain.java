package dev.vpctrain.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.aws.audit.Audit;
import dev.vpctrain.aws.audit.AuditGap;
import dev.vpctrain.aws.audit.AuditListener;
import dev.vpctrain.aws.audit.AuditOptions;
import dev.vpctrain.aws.audit.AuditProgress;
import dev.vpctrain.aws.audit.AuditSummary;
import dev.vpctrain.aws.audit.AuditedJob;
import dev.vpctrain.aws.testing.LoopbackAuditClients;
import dev.vpctrain.aws.testing.SimulatedOrganization;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/**
 * The audit of a simulated organisation, end to end over loopback HTTP: {@link SimulatedOrganization} speaks STS,
 * Organizations, SageMaker, EC2 and S3 with a latency per call and per-account, per-operation token buckets that
 * answer throttling errors beyond the rate; the audit runs with the CLI's client settings (URL connection client,
 * adaptive retries of 8 attempts) and writes every record as a JSON line to a temporary file. Prints the wall time,
 * the calls per operation and the throttles the server answered, the retries and throttles the clients saw, and the
 * heap (sampled every 50 ms: the most used, garbage included, and the most still live after a collection; both include
 * the simulated organisation, which runs in the same JVM). Run with {@code -Xmx512m} to hold the audit to 512 MB:
 * {@code java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.vpctrain.benchmarks.AuditBenchmarkMain
 * --accounts 1000}.
 */
public final class AuditBenchmarkMain {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int accounts = intArg(args, "--accounts", 1000);
    int concurrency = intArg(args, "--concurrency", 64);
    int latency = intArg(args, "--latency-ms", 100);
    int jobs = intArg(args, "--jobs", 50);
    int vpcs = intArg(args, "--vpcs", 3);
    int subnets = intArg(args, "--subnets", 2);
    double rate = intArg(args, "--rate", 20);
    int burst = intArg(args, "--burst", 40);
    System.setProperty("http.maxConnections", Integer.toString(concurrency * 8));

    AtomicLong peak = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "heap-sampler");
      t.setDaemon(true);
      return t;
    });
    Runtime rt = Runtime.getRuntime();
    AtomicLong live = new AtomicLong();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).toList();
    ScheduledFuture<?> sampling = sampler.scheduleAtFixedRate(() -> {
      peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
      live.accumulateAndGet(heap.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum(), Math::max);
    }, 0, 50, TimeUnit.MILLISECONDS);

    Path out = Files.createTempFile("vpctrain-audit-", ".jsonl");
    try (SimulatedOrganization org = SimulatedOrganization.builder().accounts(accounts)
        .regions("us-east-1", "eu-west-1").vpcsPerRegion(vpcs).subnetsPerVpc(subnets).jobsPerRegion(jobs)
        .latency(Duration.ofMillis(latency)).throttle(rate, burst).start();
        BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      LoopbackAuditClients clients = new LoopbackAuditClients(org.endpoint(),
          c -> c.retryStrategy(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(8).build()));
      AuditOptions options = AuditOptions.builder().organization(true).addRegions("us-east-1", "eu-west-1")
          .concurrency(concurrency).build();
      long[] lastPrint = {System.nanoTime()};
      AuditListener listener = new AuditListener() {
        @Override
        public void onJob(AuditedJob job) {
          line(w, Map.of("type", "job", "account", job.accountId(), "region", job.region(), "job", job.jobName(),
              "verdict", job.verdict().name(), "rules", job.findings().stream().map(f -> f.ruleId()).toList()));
        }

        @Override
        public void onGap(AuditGap gap) {
          line(w, Map.of("type", "gap", "account", gap.accountId(), "reason", gap.reason().name()));
        }

        @Override
        public void onProgress(AuditProgress p) {
          if (System.nanoTime() - lastPrint[0] > 10_000_000_000L) {
            lastPrint[0] = System.nanoTime();
            System.err.printf(Locale.ROOT, "  %d/%d accounts, %d jobs, %d calls, %d throttled, %.0f s%n",
                p.accountsDone(), p.accountsTotal(), p.jobs(), p.calls(), p.throttles(), p.elapsed().toMillis() / 1e3);
          }
        }
      };
      long start = System.nanoTime();
      AuditSummary s = Audit.builder().clients(clients).clock(Clock.fixed(org.now(), ZoneOffset.UTC)).build()
          .run(options, listener);
      double wall = (System.nanoTime() - start) / 1e9;
      sampling.cancel(false);
      sampler.shutdownNow();
      clients.close();

      System.out.printf(Locale.ROOT, "accounts %d x regions 2, %d VPCs x %d subnets and %d jobs per account-region, "
          + "%d ms latency, %.0f calls/s (burst %d) per account and operation, concurrency %d%n", accounts, vpcs, subnets,
          jobs, latency, rate, burst, concurrency);
      System.out.printf(Locale.ROOT, "wall %.1f s; jobs %d (%s); gaps %d; complete %s%n", wall, s.jobs(), s.byVerdict(),
          s.gaps(), s.complete());
      System.out.printf(Locale.ROOT, "calls answered by the server %d; throttles answered %d; client calls %d, "
          + "retried attempts %d, throttled attempts %d%n", org.totalCalls(),
          org.throttled().values().stream().mapToLong(Long::longValue).sum(), s.calls(), s.retries(), s.throttles());
      System.out.printf(Locale.ROOT, "peak heap used %.0f MB, peak live after a collection %.0f MB (max %d MB); "
          + "output %s (%d bytes)%n", peak.get() / 1e6, live.get() / 1e6, rt.maxMemory() / 1_000_000, out,
          Files.size(out));
      System.out.println("calls per operation (throttled):");
      Map<String, Long> throttled = org.throttled();
      new TreeMap<>(org.calls()).forEach((op, n) -> System.out.printf(Locale.ROOT, "  %-32s %8d  (%d)%n", op, n,
          throttled.getOrDefault(op, 0L)));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static void line(BufferedWriter w, Map<String, Object> record) {
    try {
      w.write(JSON.writeValueAsString(record));
      w.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int intArg(String[] args, String name, int def) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return def;
  }
}
