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
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.fsx.FSxClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Live discovery against a loopback WireMock account that answers every EC2 and S3 call after a
 * fixed 100 ms, for a VPC of 10 and of 1,000 subnets (EC2 pages of at most 1,000 items), with the
 * default concurrent discovery and with a sequential baseline that issues the same calls one after
 * another (a direct executor). With {@code resources=inVpc} the job also has an EFS and an FSx for
 * Lustre channel and three declared in-VPC targets, and the account answers EFS (REST-JSON), FSx
 * (JSON 1.1) and {@code DescribeNetworkInterfaces} after the same 100 ms (issue 12: still under 400 ms).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar Discovery}
 * (add {@code -p xml=jdk,woodstox} to compare XML parsers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DiscoveryBenchmark {
  @Param({"10", "1000"})
  public int subnets;

  @Param({"100"})
  public int delayMillis;

  /** {@code none}: the S3-only job; {@code inVpc}: plus EFS and FSx channels and declared targets. */
  @Param({"none", "inVpc"})
  public String resources;

  /** The StAX parser the SDK reads EC2's XML with: the JDK's, or Woodstox when a user adds it. */
  @Param({"jdk"})
  public String xml;

  private FakeAwsServer server;
  private Ec2Client ec2;
  private S3Client s3;
  private EfsClient efs;
  private FSxClient fsx;
  private LiveNetworkDiscovery concurrent;
  private LiveNetworkDiscovery sequential;
  private TrainingJobSpec job;
  private final AtomicInteger discoveries = new AtomicInteger();

  @Setup(Level.Trial)
  public void start() {
    System.setProperty("javax.xml.stream.XMLInputFactory", xml.equals("woodstox")
        ? "com.ctc.wstx.stax.WstxInputFactory"
        : "com.sun.xml.internal.stream.XMLInputFactoryImpl");
    boolean inVpc = resources.equals("inVpc");
    job = inVpc ? Networks.inVpcJob(Networks.largeJob()) : Networks.largeJob();
    NetworkSnapshot network = Networks.large(subnets);
    if (inVpc) {
      network = Networks.withInVpcResources(network, job.vpc().orElseThrow().subnets().get(0),
          job.vpc().orElseThrow().subnets().get(1));
    }
    server = FakeAwsServer.start(Networks.account(network), delayMillis, false);
    ec2 = AwsTestClients.ec2(server.baseUrl());
    s3 = AwsTestClients.s3(server.baseUrl());
    efs = AwsTestClients.efs(server.baseUrl());
    fsx = AwsTestClients.fsx(server.baseUrl());
    concurrent = LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).efs(efs).fsx(fsx).build();
    sequential = LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).efs(efs).fsx(fsx).executor(Runnable::run).build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    Map<String, Long> perDiscovery = new TreeMap<>();
    int n = Math.max(1, discoveries.get());
    server.served().forEach((op, count) -> perDiscovery.put(op, count / n));
    System.out.println("\n[discovery] subnets=" + subnets + " resources=" + resources + " discoveries=" + n
        + " calls per discovery="
        + perDiscovery.values().stream().mapToLong(Long::longValue).sum() + " " + perDiscovery);
    ec2.close();
    s3.close();
    efs.close();
    fsx.close();
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
    boolean inVpcMissing = resources.equals("inVpc") && (s.fsxFileSystems().isEmpty()
        || s.efsMountTargets().orElseThrow().size() != 2 || s.networkInterfaces().orElseThrow().size() != 5);
    if (!s.errors().isEmpty() || s.subnets().orElseThrow().size() != subnets || inVpcMissing) {
      throw new IllegalStateException("discovery failed: " + s.errors());
    }
    discoveries.incrementAndGet();
    return s;
  }
}
