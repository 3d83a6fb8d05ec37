package dev.vpctrain.testkit;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.aws.launch.Sleeper;
import dev.vpctrain.aws.remediation.PlanApplier;
import dev.vpctrain.aws.remediation.Remediator;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import dev.vpctrain.testkit.internal.ec2.FakeEc2;
import dev.vpctrain.testkit.internal.efs.FakeEfs;
import dev.vpctrain.testkit.internal.iam.FakeIam;
import dev.vpctrain.testkit.internal.fsx.FakeFsx;
import dev.vpctrain.testkit.internal.monitoring.FakeCloudWatch;
import dev.vpctrain.testkit.internal.monitoring.FakeLogs;
import dev.vpctrain.testkit.network.NetworkBuilder;
import dev.vpctrain.testkit.internal.s3.FakeS3;
import dev.vpctrain.testkit.sagemaker.FakeSageMaker;
import dev.vpctrain.testkit.internal.world.SageMakerWiring;
import dev.vpctrain.testkit.internal.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.fsx.FSxClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * One in-memory AWS world for a test: a network (VPCs, subnets, security groups, routes,
 * endpoints, buckets, and inside the VPC network interfaces, EFS and FSx for Lustre file systems), a virtual clock, and fake SDK clients that all read and change that one
 * state. A training job created through {@link #sageMakerClient()} is judged by the vpctrain rule
 * engine on the world's network and fails as it would in production when the network is wrong.
 *
 * <pre>{@code
 * FakeAws aws = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());
 * MyLauncher launcher = new MyLauncher(aws.sageMakerClient(), aws.ec2Client(), aws.s3Client());
 * }</pre>
 *
 * Thread-safe. Nothing touches the network or sleeps.
 */
public final class FakeAws implements AutoCloseable {
  private final World world;
  private final FakeSageMaker sageMaker;
  private final Ec2Client ec2;
  private final S3Client s3;
  private final EfsClient efs;
  private final FSxClient fsx;
  private final IamClient iam;
  private final SageMakerClient sageMakerClient;
  private final CloudWatchClient cloudWatch;
  private final CloudWatchLogsClient logs;
  private volatile Scenario scenario;

  private FakeAws(Builder b) {
    this.world = new World(b.network, VirtualClock.startingAt(b.start), b.ruleEngine, b.retryStrategy);
    SageMakerWiring sageMakerWiring = SageMakerWiring.get();
    this.sageMaker = sageMakerWiring.sageMaker(world);
    this.ec2 = FakeEc2.client(world);
    this.s3 = FakeS3.client(world);
    this.efs = FakeEfs.client(world);
    this.fsx = FakeFsx.client(world);
    this.iam = FakeIam.client(world);
    this.sageMakerClient = sageMakerWiring.client(world, sageMaker);
    this.cloudWatch = FakeCloudWatch.client(world);
    this.logs = FakeLogs.client(world);
    if (b.scenario != null) {
      load(b.scenario);
    }
  }

  /** {@return an empty world in {@code us-east-1} (account {@code 123456789012}) with the standard rule catalogue} */
  public static FakeAws create() {
    return builder().build();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Replaces the world's network with a snapshot bundle ({@code vpctrain snapshot} output, or the
   * AWS CLI's, as in a snapshot bundle), so a real VPC can be replayed.
   *
   * @param bundle the bundle
   * @return this fake world
   * @throws UncheckedIOException when the file cannot be read
   * @throws dev.vpctrain.core.InvalidInputException naming the file and JSON path when it is malformed
   */
  public FakeAws load(Path bundle) {
    try {
      return load(SnapshotBundle.read(bundle));
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("snapshot bundle " + bundle + " does not exist", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshot bundle " + bundle + ": " + e.getMessage(), e);
    }
  }

  /**
   * Replaces the world's network with {@code network}. Jobs, logs and metrics stay.
   *
   * @param network the network snapshot
   * @return this fake world
   */
  public FakeAws load(NetworkSnapshot network) {
    world.setNetwork(Objects.requireNonNull(network, "network"));
    this.scenario = null;
    return this;
  }

  /**
   * Replaces the world's network with the scenario's and remembers the scenario.
   *
   * @param scenario the scenario
   * @return this fake world
   */
  public FakeAws load(Scenario scenario) {
    world.setNetwork(scenario.network());
    this.scenario = scenario;
    return this;
  }

  /**
   * Changes the world's network: {@code aws.network(n -> n.subnet("subnet-1", s -> s.availableIps(3)))}.
   * New resources get EC2's defaults; see {@link NetworkBuilder}.
   *
   * @param change the change
   * @return this fake world
   */
  public FakeAws network(Consumer<NetworkBuilder> change) {
    world.updateNetwork(n -> {
      NetworkBuilder b = NetworkBuilder.from(n).ids(world.ids());
      change.accept(b);
      return b.build();
    });
    return this;
  }

  /** {@return the world's network now} */
  public NetworkSnapshot snapshot() {
    return world.network();
  }

  /** {@return the scenario last loaded, if the network came from one} */
  public Optional<Scenario> scenario() {
    return Optional.ofNullable(scenario);
  }

  /**
   * {@return what vpctrain's preflight says about {@code job} on the world's network (the simulator's judge)}
   *
   * @param job the training job
   */
  public PreflightReport preflight(TrainingJobSpec job) {
    return world.ruleEngine().evaluate(job, world.network());
  }

  /** {@return the EC2 client} */
  public Ec2Client ec2Client() {
    return ec2;
  }

  /** {@return the S3 client} */
  public S3Client s3Client() {
    return s3;
  }

  /** {@return the fake EFS: file systems, mount targets, their security groups and file-system policies of the world} */
  public EfsClient efsClient() {
    return efs;
  }

  /** {@return the fake FSx: the world's FSx for Lustre file systems (their security groups are those of their network interfaces)} */
  public FSxClient fsxClient() {
    return fsx;
  }

  /** {@return the fake IAM: the world's roles and managed policies; {@code PutRolePolicy}/{@code DeleteRolePolicy} change them} */
  public IamClient iamClient() {
    return iam;
  }

  /**
   * {@return a {@link Remediator} over this world: it plans from {@link #discovery()} (which reads the
   * world's role through {@link #iamClient()} when the world has one) and applies with the fake EC2,
   * S3 and IAM clients, so {@code includeIam} changes the world's role}
   */
  public Remediator remediator() {
    LiveNetworkDiscovery discovery = discovery();
    return Remediator.builder()
        .network(discovery)
        .applier(PlanApplier.builder().ec2(ec2).s3(s3).iam(iam).build())
        .build();
  }

  /** {@return the SageMaker client} */
  public SageMakerClient sageMakerClient() {
    return sageMakerClient;
  }

  /** {@return the CloudWatch client} */
  public CloudWatchClient cloudWatchClient() {
    return cloudWatch;
  }

  /** {@return the logs client} */
  public CloudWatchLogsClient logsClient() {
    return logs;
  }

  /** {@return the fake SageMaker: created jobs, scripts, stepping} */
  public FakeSageMaker sageMaker() {
    return sageMaker;
  }

  /** {@return the world's virtual clock} */
  public VirtualClock clock() {
    return world.clock();
  }

  /**
   * {@return a {@link Sleeper} that spends its waits in virtual time: it advances {@link #clock()} and returns
   * at once} Give it (with the clock) to code that polls, such as {@code VpcTrain.builder().sleeper(..)}.
   */
  public Sleeper sleeper() {
    return d -> world.clock().advance(d);
  }

  /**
   * {@return a {@link VpcTrain} builder wired to this world: every fake client, the virtual clock and
   * sleeper, and live discovery over the fake EC2, S3, EFS and FSx clients as its network source}
   */
  public VpcTrain.Builder vpcTrain() {
    VpcTrain.Builder b = VpcTrain.builder()
        .ec2(ec2).s3(s3).efs(efs).fsx(fsx).sageMaker(sageMakerClient).cloudWatch(cloudWatch).cloudWatchLogs(logs);
    if (world.network().iam().isPresent()) {
      b.iam(iam);
    }
    return b
        .networkSource(discovery())
        .clock(world.clock())
        .sleeper(sleeper());
  }

  /**
   * {@return live network discovery over the fake clients (what a real preflight reads); the execution role
   * is read through the fake IAM when the world declares roles ({@code NetworkBuilder.role(..)}), so a
   * world without them leaves the role rules "Not evaluated", as a bundle without an iam section does}
   */
  public LiveNetworkDiscovery discovery() {
    LiveNetworkDiscovery.Builder b = LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).efs(efs).fsx(fsx)
        .region(world.region()).clock(world.clock()).executor(Runnable::run);
    if (world.network().iam().isPresent()) {
      b.iam(iam);
    }
    return b.build();
  }

  /** {@return every call the fake clients answered, oldest first} */
  public List<ApiCall> calls() {
    return world.calls();
  }

  /**
   * The calls made to one service ({@code ec2}, {@code s3}, {@code efs}, {@code fsx}, {@code iam},
   * {@code sagemaker}, {@code monitoring}, {@code logs}), or to one operation of it:
   * {@code calls("ec2:DescribeSubnets")}. A retried call appears once per attempt.
   *
   * @param name a service, or {@code service:Operation}
   * @return the calls, oldest first
   * @throws IllegalArgumentException naming the valid operations when the service has no such operation
   */
  public List<ApiCall> calls(String name) {
    int colon = name.indexOf(':');
    if (colon < 0) {
      return world.calls().stream().filter(c -> c.service().equals(name)).toList();
    }
    String service = name.substring(0, colon);
    String operation = name.substring(colon + 1);
    SortedSet<String> operations = world.faults(service, () -> {
      throw new IllegalArgumentException("calls(\"" + name + "\"): no fake service " + service + "; the services are "
          + "ec2, s3, efs, fsx, iam, sagemaker, monitoring, logs");
    }).operations();
    if (!operations.contains(operation)) {
      throw new IllegalArgumentException("calls(\"" + name + "\"): the fake " + service + " has no operation \""
          + operation + "\"; its operations are " + String.join(", ", operations));
    }
    return world.calls().stream().filter(c -> c.service().equals(service) && c.operation().equals(operation))
        .toList();
  }

  /**
   * The fake EC2, to inject faults into: {@code aws.ec2().failNext("DescribeSubnets", AwsFault.throttling())}.
   *
   * @return the service
   */
  public FakeService ec2() {
    return new FakeService("ec2", world);
  }

  /**
   * The fake S3, to inject faults into.
   *
   * @return the service
   */
  public FakeService s3() {
    return new FakeService("s3", world);
  }

  /**
   * The fake EFS, to inject faults into.
   *
   * @return the service
   */
  public FakeService efs() {
    return new FakeService("efs", world);
  }

  /**
   * The fake FSx, to inject faults into.
   *
   * @return the service
   */
  public FakeService fsx() {
    return new FakeService("fsx", world);
  }

  /**
   * The fake IAM, to inject faults into.
   *
   * @return the service
   */
  public FakeService iam() {
    return new FakeService("iam", world);
  }

  /**
   * The fake CloudWatch (service {@code monitoring}), to inject faults into.
   *
   * @return the service
   */
  public FakeService cloudWatch() {
    return new FakeService("monitoring", world);
  }

  /**
   * The fake CloudWatch Logs, to inject faults into.
   *
   * @return the service
   */
  public FakeService logs() {
    return new FakeService("logs", world);
  }

  /** {@return the fake world's region, for example {@code us-east-1}: the region its clients report and its ARNs name} */
  public String region() {
    return world.region();
  }

  /** The world behind the clients, for the fakes of the organisation around it ({@link FakeOrganization}). */
  World world() {
    return world;
  }

  /** {@return the account id} */
  public String accountId() {
    return world.accountId();
  }

  /** Nothing to release; present so a world can sit in try-with-resources like real clients. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "FakeAws{region=" + region() + ", now=" + clock().instant() + ", jobs=" + sageMaker.createdJobs().size() + "}";
  }

  /** Builds a {@link FakeAws}. */
  public static final class Builder {
    private NetworkSnapshot network;
    private Scenario scenario;
    private RuleEngine ruleEngine;
    private Instant start = VirtualClock.DEFAULT_START;
    private RetryStrategy retryStrategy;

    private Builder() {}

    /**
     * The retry strategy of every fake client (default: the SDK's, {@code AwsRetryStrategy.defaultRetryStrategy()},
     * which follows {@code AWS_RETRY_MODE} and the profile as a real client does); backoff is spent on the virtual
     * clock. {@code AwsRetryStrategy.doNotRetry()} shows each fault to the caller at once.
     *
     * @param retryStrategy the strategy; each client uses its own copy
     * @return this builder
     */
    public Builder retryStrategy(RetryStrategy retryStrategy) {
      this.retryStrategy = Objects.requireNonNull(retryStrategy, "retryStrategy");
      return this;
    }

    /**
     * The starting network (default: empty, {@code us-east-1}).
     *
     * @param network the network snapshot
     * @return this builder
     */
    public Builder network(NetworkSnapshot network) {
      this.network = Objects.requireNonNull(network, "network");
      return this;
    }

    /**
     * Starts from a scenario's network.
     *
     * @param scenario the scenario
     * @return this builder
     */
    public Builder scenario(Scenario scenario) {
      this.scenario = Objects.requireNonNull(scenario, "scenario");
      this.network = scenario.network();
      return this;
    }

    /**
     * The engine that judges simulated jobs (default {@link RuleEngine#standard()}).
     *
     * @param engine the rule engine
     * @return this builder
     */
    public Builder ruleEngine(RuleEngine engine) {
      this.ruleEngine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /**
     * Where the virtual clock starts (default {@link VirtualClock#DEFAULT_START}).
     *
     * @param start the first instant
     * @return this builder
     */
    public Builder startingAt(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /** {@return a new {@code FakeAws} with the values given} */
    public FakeAws build() {
      if (ruleEngine == null) {
        ruleEngine = StandardEngine.get();
      }
      if (network == null) {
        network = StandardEngine.emptyNetwork();
      }
      if (retryStrategy == null) {
        retryStrategy = AwsRetryStrategy.defaultRetryStrategy();
      }
      return new FakeAws(this);
    }
  }
}
