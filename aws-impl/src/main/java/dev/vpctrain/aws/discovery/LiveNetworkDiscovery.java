package dev.vpctrain.aws.discovery;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.NetworkSource;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.fsx.FSxClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds a job's {@link NetworkSnapshot} from the live EC2 and S3 read APIs, with the caller's own
 * clients (their region, credentials, HTTP client and retry strategy).
 *
 * <p>A fixed handful of calls, whatever the size of the VPC (pages aside): the job's subnets and
 * security groups first, to learn the VPC; then, concurrently, the VPC, its DNS attributes, DHCP
 * options, subnets, security groups, route tables, endpoints, NAT and internet gateways, network
 * ACLs, the region's S3 prefix list, and each bucket's location and policy. For a job that names
 * EFS or FSx for Lustre file systems or in-VPC targets, also (in the same two rounds) those file
 * systems, their mount targets, mount-target security groups and policies, and the network
 * interfaces of the targets and file systems (the optional bundle sections); nothing of the kind otherwise. With
 * an {@code iam} client, the job's execution role (GetRole, its inline and attached policies, its
 * boundary's and managed policies' default versions), and with a {@code kms} client the keys the job
 * names (the bundle's {@code iam} section in its scoped form, and {@code kms}). The
 * wall time is about two round trips plus the longest page chain. A call that fails (access denied, throttled past
 * the client's retries, timed out, unreadable) is recorded in {@link NetworkSnapshot#errors()} and
 * leaves its section absent, so the rules that need it are UNVERIFIED; nothing is thrown for it.
 * Thread-safe; one instance can serve many jobs.
 */
public final class LiveNetworkDiscovery implements NetworkSource {
  private static final int DEFAULT_MAX_THREADS = 32;
  /** The default executor, shared by every instance that does not set its own. */
  private static final Executor SHARED_POOL = pool(DEFAULT_MAX_THREADS);

  private final Ec2Client ec2;
  private final S3Client s3;
  private final FileSystemReads fileSystems;
  private final IamClient iam;
  private final KmsClient kms;
  private final String region;
  private final Executor executor;
  private final Clock clock;

  private LiveNetworkDiscovery(Builder b) {
    this.ec2 = Objects.requireNonNull(b.ec2, "LiveNetworkDiscovery needs an Ec2Client: builder().ec2(client)");
    this.s3 = Objects.requireNonNull(b.s3, "LiveNetworkDiscovery needs an S3Client: builder().s3(client)");
    this.fileSystems = new FileSystemReads(b.efs, b.fsx);
    this.iam = b.iam;
    this.kms = b.kms;
    this.region = b.region != null ? b.region : clientRegion(ec2);
    this.executor = b.executor != null ? b.executor
        : b.maxThreads == DEFAULT_MAX_THREADS ? SHARED_POOL : pool(b.maxThreads);
    this.clock = b.clock;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the region the snapshots are of} */
  public String region() {
    return region;
  }

  /** The snapshot of the job's VPC and of the buckets the job touches. */
  @Override
  public NetworkSnapshot snapshotFor(TrainingJobSpec job) {
    Objects.requireNonNull(job, "job");
    return discover(Target.of(job));
  }

  /**
   * {@return one snapshot for several jobs, typically of the same VPC (an audit's jobs): their subnets' and groups'
   * VPCs, every bucket, file system and in-VPC target any of them names, in one discovery}
   *
   * @param jobs the jobs, at least one
   */
  public NetworkSnapshot snapshotForJobs(Collection<TrainingJobSpec> jobs) {
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException("snapshotForJobs needs at least one job");
    }
    return discover(Target.ofAll(jobs));
  }

  /**
   * {@return the snapshot of one VPC, without any bucket (for {@code vpctrain snapshot --vpc})}
   *
   * @param vpcId the VPC id
   */
  public NetworkSnapshot snapshotOfVpc(String vpcId) {
    return snapshotOfVpc(vpcId, List.of());
  }

  /**
   * {@return the snapshot of one VPC and of the given buckets}
   *
   * @param vpcId the VPC id
   * @param buckets the buckets
   */
  public NetworkSnapshot snapshotOfVpc(String vpcId, Collection<String> buckets) {
    Objects.requireNonNull(vpcId, "vpcId");
    return discover(Target.ofVpc(vpcId, buckets));
  }

  private NetworkSnapshot discover(Target target) {
    return new DiscoveryRun(ec2, s3, fileSystems, iam, kms, region, executor).run(target, clock.instant());
  }

  /**
   * A pool of up to {@code maxThreads} daemon threads, kept while discoveries follow each other (the
   * SDK's per-thread caches stay warm) and ended after 30 idle seconds, so nothing needs closing.
   * Calls never wait for other calls, so a shared pool cannot deadlock; a busy one queues.
   */
  private static Executor pool(int maxThreads) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads());
    pool.allowCoreThreadTimeOut(true);
    return pool;
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

  /**
   * Builds a {@link LiveNetworkDiscovery}. {@code ec2} and {@code s3} are required; without
   * {@code efs} or {@code fsx} the file systems of those types stay unknown (their checks UNVERIFIED).
   */
  public static final class Builder {
    private Ec2Client ec2;
    private S3Client s3;
    private EfsClient efs;
    private FSxClient fsx;
    private IamClient iam;
    private KmsClient kms;
    private String region;
    private Executor executor;
    private int maxThreads = DEFAULT_MAX_THREADS;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The EC2 client (its region is the snapshot's unless {@link #region(String)} says otherwise).
     *
     * @param ec2 the EC2 client
     * @return this builder
     */
    public Builder ec2(Ec2Client ec2) {
      this.ec2 = ec2;
      return this;
    }

    /**
     * The S3 client for bucket locations and policies (enable cross-region access for buckets elsewhere).
     *
     * @param s3 the S3 client
     * @return this builder
     */
    public Builder s3(S3Client s3) {
      this.s3 = s3;
      return this;
    }

    /**
     * The EFS client for the EFS file systems of the job's channels (same region as EC2).
     *
     * @param efs the EFS client
     * @return this builder
     */
    public Builder efs(EfsClient efs) {
      this.efs = efs;
      return this;
    }

    /**
     * The FSx client for the FSx for Lustre file systems of the job's channels (same region as EC2).
     *
     * @param fsx the FSx client
     * @return this builder
     */
    public Builder fsx(FSxClient fsx) {
      this.fsx = fsx;
      return this;
    }

    /**
     * The IAM client for the job's execution role (global endpoint: {@code Region.AWS_GLOBAL}, or
     * {@code AWS_CN_GLOBAL} / {@code AWS_US_GOV_GLOBAL} in those partitions). Without it the snapshot
     * has no {@code iam} section and the role rules say the role was not evaluated.
     *
     * @param iam the IAM client
     * @return this builder
     */
    public Builder iam(IamClient iam) {
      this.iam = iam;
      return this;
    }

    /**
     * The KMS client (the job's region) for the keys the job names: {@code DescribeKey},
     * {@code GetKeyPolicy} and, for alias forms, {@code ListAliases}. Without it the keys are unknown.
     *
     * @param kms the KMS client
     * @return this builder
     */
    public Builder kms(KmsClient kms) {
      this.kms = kms;
      return this;
    }

    /**
     * The region of the snapshot; defaults to the EC2 client's.
     *
     * @param region the AWS region
     * @return this builder
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * Runs the calls on this executor (never shut down by discovery). By default every instance
     * shares one pool of 32 daemon threads that end after 30 idle seconds. A direct executor
     * ({@code Runnable::run}) makes every call sequential.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      return this;
    }

    /**
     * Calls in flight at once (default 32, a pool shared by all instances); ignored with {@link #executor}.
     *
     * @param maxThreads the max threads
     * @return this builder
     */
    public Builder maxThreads(int maxThreads) {
      if (maxThreads < 1) {
        throw new IllegalArgumentException("maxThreads must be at least 1 but was " + maxThreads);
      }
      this.maxThreads = maxThreads;
      return this;
    }

    /**
     * The clock of {@code capturedAt} (tests).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** {@return a new {@code LiveNetworkDiscovery} with the values given} */
    public LiveNetworkDiscovery build() {
      return new LiveNetworkDiscovery(this);
    }
  }
}
