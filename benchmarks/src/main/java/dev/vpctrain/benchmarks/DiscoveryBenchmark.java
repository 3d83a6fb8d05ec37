package dev.vpctrain.benchmarks;

import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.aws.testing.AwsTestClients;
import dev.vpctrain.aws.testing.FakeAwsServer;
import dev.vpctrain.aws.testing.Networks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Live discovery against a loopback WireMock account that answers every EC2 and S3 call after a
 * fixed 100 ms, for a VPC of 10 and of 1,000 subnets (EC2 pages of at most 1,000 items), with the
 * default concurrent discovery and with a sequential baseline that issues the same calls one after
 * another (a direct executor). Run: {@code java -jar benchmarks/target/benchmarks.jar Discovery}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DiscoveryBenchmark {
  @Param({"10", "1000"})
  public int subnets;

  @Param({"100"})
  public int delayMillis;

  private FakeAwsServer server;
  private Ec2Client ec2;
  private S3Client s3;
  private LiveNetworkDiscovery concurrent;
  private LiveNetworkDiscovery sequential;
  private final TrainingJobSpec job = Networks.largeJob();
  private final AtomicInteger discoveries = new AtomicInteger();

  @Setup(Level.Trial)
  public void start() {
    server = FakeAwsServer.start(Networks.account(Networks.large(subnets)), delayMillis, true);
    ec2 = AwsTestClients.ec2(server.baseUrl());
    s3 = AwsTestClients.s3(server.baseUrl());
    concurrent = LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).build();
    sequential = LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).executor(Runnable::run).build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    Map<String, Integer> perDiscovery = new TreeMap<>();
    int n = Math.max(1, discoveries.get());
    server.calls(false).forEach((op, count) -> perDiscovery.put(op, count / n));
    System.out.println("\n[discovery] subnets=" + subnets + " discoveries=" + n + " calls per discovery="
        + perDiscovery.values().stream().mapToInt(Integer::intValue).sum() + " " + perDiscovery);
    ec2.close();
    s3.close();
    server.close();
  }

  @Benchmark
  public NetworkSnapshot concurrent() {
    return checked(concurrent.snapshotFor(job));
  }

  @Benchmark
  public NetworkSnapshot sequential() {
    return checked(sequential.snapshotFor(job));
  }

  private NetworkSnapshot checked(NetworkSnapshot s) {
    if (!s.errors().isEmpty() || s.subnets().orElseThrow().size() != subnets) {
      throw new IllegalStateException("discovery failed: " + s.errors());
    }
    discoveries.incrementAndGet();
    return s;
  }
}
