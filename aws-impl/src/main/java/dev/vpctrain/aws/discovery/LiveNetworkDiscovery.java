package dev.vpctrain.aws.discovery;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.NetworkSource;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds a job's {@link NetworkSnapshot} from the live EC2 and S3 read APIs, with the caller's own
 * clients (their region, credentials, HTTP client and retry strategy).
 *
 * <p>A fixed handful of calls, whatever the size of the VPC (pages aside): the job's subnets and
 * security groups first, to learn the VPC; then, concurrently, the VPC, its DNS attributes, DHCP
 * options, subnets, security groups, route tables, endpoints, NAT and internet gateways, network
 * ACLs, the region's S3 prefix list, and each bucket's location and policy. The wall time is about
 * two round trips plus the longest page chain. A call that fails (access denied, throttled past
 * the client's retries, timed out, unreadable) is recorded in {@link NetworkSnapshot#errors()} and
 * leaves its section absent, so the rules that need it are UNVERIFIED; nothing is thrown for it.
 * Thread-safe; one instance can serve many jobs.
 */
public final class LiveNetworkDiscovery implements NetworkSource {
  private static final int DEFAULT_MAX_THREADS = 32;

  private final Ec2Client ec2;
  private final S3Client s3;
  private final String region;
  private final Executor executor;
  private final int maxThreads;
  private final Clock clock;

  private LiveNetworkDiscovery(Builder b) {
    this.ec2 = Objects.requireNonNull(b.ec2, "LiveNetworkDiscovery needs an Ec2Client: builder().ec2(client)");
    this.s3 = Objects.requireNonNull(b.s3, "LiveNetworkDiscovery needs an S3Client: builder().s3(client)");
    this.region = b.region != null ? b.region : clientRegion(ec2);
    this.executor = b.executor;
    this.maxThreads = b.maxThreads;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The region the snapshots are of. */
  public String region() {
    return region;
  }

  /** The snapshot of the job's VPC and of the buckets the job touches. */
  @Override
  public NetworkSnapshot snapshotFor(TrainingJobSpec job) {
    Objects.requireNonNull(job, "job");
    return discover(Target.of(job));
  }

  /** The snapshot of one VPC, without any bucket (for {@code vpctrain snapshot --vpc}). */
  public NetworkSnapshot snapshotOfVpc(String vpcId) {
    return snapshotOfVpc(vpcId, List.of());
  }

  /** The snapshot of one VPC and of the given buckets. */
  public NetworkSnapshot snapshotOfVpc(String vpcId, Collection<String> buckets) {
    Objects.requireNonNull(vpcId, "vpcId");
    return discover(Target.ofVpc(vpcId, buckets));
  }

  private NetworkSnapshot discover(Target target) {
    if (executor != null) {
      return new DiscoveryRun(ec2, s3, region, executor).run(target, clock.instant());
    }
    int threads = Math.max(1, Math.min(maxThreads, 16 + 2 * target.buckets().size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    try {
      return new DiscoveryRun(ec2, s3, region, pool).run(target, clock.instant());
    } finally {
      pool.shutdown();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "vpctrain-discovery-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static String clientRegion(Ec2Client ec2) {
    Region r = ec2.serviceClientConfiguration().region();
    if (r == null) {
      throw new IllegalStateException(
          "LiveNetworkDiscovery needs a region: the Ec2Client has none, so set builder().region(\"us-east-1\")");
    }
    return r.id();
  }

  /** Builds a {@link LiveNetworkDiscovery}. {@code ec2} and {@code s3} are required. */
  public static final class Builder {
    private Ec2Client ec2;
    private S3Client s3;
    private String region;
    private Executor executor;
    private int maxThreads = DEFAULT_MAX_THREADS;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The EC2 client (its region is the snapshot's unless {@link #region(String)} says otherwise). */
    public Builder ec2(Ec2Client ec2) {
      this.ec2 = ec2;
      return this;
    }

    /** The S3 client for bucket locations and policies (enable cross-region access for buckets elsewhere). */
    public Builder s3(S3Client s3) {
      this.s3 = s3;
      return this;
    }

    /** The region of the snapshot; defaults to the EC2 client's. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * Runs the calls on this executor (not shut down by discovery). By default each discovery uses
     * its own small pool of daemon threads, closed when it ends. A direct executor
     * ({@code Runnable::run}) makes every call sequential.
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /** Upper bound of the default pool's threads (default 32); ignored with {@link #executor}. */
    public Builder maxThreads(int maxThreads) {
      if (maxThreads < 1) {
        throw new IllegalArgumentException("maxThreads must be at least 1 but was " + maxThreads);
      }
      this.maxThreads = maxThreads;
      return this;
    }

    /** The clock of {@code capturedAt} (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public LiveNetworkDiscovery build() {
      return new LiveNetworkDiscovery(this);
    }
  }
}
