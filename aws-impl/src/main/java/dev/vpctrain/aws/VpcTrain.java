package dev.vpctrain.aws;

import dev.vpctrain.aws.audit.Audit;
import dev.vpctrain.aws.audit.AuditClients;
import dev.vpctrain.aws.audit.AuditListener;
import dev.vpctrain.aws.audit.AuditOptions;
import dev.vpctrain.aws.audit.AuditRecord;
import dev.vpctrain.aws.audit.AuditSummary;
import dev.vpctrain.aws.diagnosis.FailureDiagnoser;
import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.aws.job.ProcessingJobRequests;
import dev.vpctrain.aws.job.TuningJobRequests;
import dev.vpctrain.aws.launch.JobWatcher;
import dev.vpctrain.aws.launch.LaunchPolicy;
import dev.vpctrain.aws.launch.ProcessingLauncher;
import dev.vpctrain.aws.launch.ProcessingRun;
import dev.vpctrain.aws.launch.TuningLauncher;
import dev.vpctrain.aws.launch.TuningRun;
import dev.vpctrain.aws.launch.SimulatedTime;
import dev.vpctrain.aws.launch.Sleeper;
import dev.vpctrain.aws.launch.TrainingLauncher;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.aws.monitor.LogTail;
import dev.vpctrain.aws.monitor.MetricsReader;
import dev.vpctrain.core.job.JobSpec;
import dev.vpctrain.core.job.ProcessingJobSpec;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.NetworkSource;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.fsx.FSxClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;

/**
 * vpctrain for your own AWS SDK clients: check a training job's network before launch, launch it
 * behind that check, and watch it. Build it with the clients the operations need (all optional;
 * an operation missing one throws {@link IllegalStateException} naming it):
 *
 * <pre>{@code
 * VpcTrain vpctrain = VpcTrain.builder().ec2(ec2).s3(s3).sageMaker(sageMaker).build();
 * PreflightReport report = vpctrain.preflight(job);   // ec2 + s3 (or a networkSource); efs/fsx for file-system channels, iam/kms for the role
 * TrainingRun run = vpctrain.launch(job);              // + sageMaker
 * TrainingOutcome outcome = run.await(p -> log.info("{}", p));
 * }</pre>
 *
 * Thread-safe when the clients are.
 */
public final class VpcTrain {
  private final Ec2Client ec2;
  private final S3Client s3;
  private final EfsClient efs;
  private final FSxClient fsx;
  private final IamClient iam;
  private final KmsClient kms;
  private final SageMakerClient sageMaker;
  private final CloudWatchClient cloudWatch;
  private final CloudWatchLogsClient cloudWatchLogs;
  private final NetworkSource networkSource;
  private final String region;
  private final RuleEngine ruleEngine;
  private final LaunchPolicy launchPolicy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration initialPollDelay;
  private final Duration maxPollDelay;

  private VpcTrain(Builder b) {
    this.ec2 = b.ec2;
    this.s3 = b.s3;
    this.efs = b.efs;
    this.fsx = b.fsx;
    this.iam = b.iam;
    this.kms = b.kms;
    this.sageMaker = b.sageMaker;
    this.cloudWatch = b.cloudWatch;
    this.cloudWatchLogs = b.cloudWatchLogs;
    this.networkSource = b.networkSource;
    this.region = b.region;
    this.ruleEngine = b.ruleEngine;
    this.launchPolicy = b.launchPolicy;
    SimulatedTime simulated = b.sageMaker instanceof SimulatedTime ? (SimulatedTime) b.sageMaker : null;
    this.clock = b.clock != null ? b.clock : simulated != null ? simulated.simulatedClock() : Clock.systemUTC();
    this.sleeper = b.sleeper != null ? b.sleeper : simulated != null ? simulated.simulatedSleeper() : Sleeper.system();
    this.initialPollDelay = b.initialPollDelay;
    this.maxPollDelay = b.maxPollDelay;
    if (initialPollDelay.isNegative() || initialPollDelay.isZero() || maxPollDelay.compareTo(initialPollDelay) < 0) {
      throw new IllegalArgumentException("poll delays must satisfy 0 < initial <= max but were "
          + initialPollDelay + " and " + maxPollDelay);
    }
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks {@code job}'s network: read-only, a few batched calls. The snapshot comes from the
   * configured {@link NetworkSource}, else from live discovery with the EC2 and S3 clients.
   *
   * @param job the training job
   * @return the report of every rule on the discovered network
   * @throws IllegalStateException when neither a network source nor EC2 and S3 clients are configured
   * @throws AwsCallException when the network source fails outright (partial failures are UNVERIFIED findings)
   */
  public PreflightReport preflight(TrainingJobSpec job) {
    Objects.requireNonNull(job, "job");
    return preflight(job, networkSource("preflight"));
  }

  /**
   * Checks the network of a job of any kind ({@link dev.vpctrain.core.job.ProcessingJobSpec},
   * {@link dev.vpctrain.core.job.TuningJobSpec} or a training job): the network of the job's
   * {@linkplain JobSpec#scope() scope} is discovered once and every workload is checked on it.
   *
   * @param job the job
   * @return the report of every rule, of the job's kind
   * @throws IllegalStateException when neither a network source nor EC2 and S3 clients are configured
   * @throws AwsCallException when the network source fails outright (partial failures are UNVERIFIED findings)
   */
  public PreflightReport preflight(JobSpec job) {
    Objects.requireNonNull(job, "job");
    if (job instanceof TrainingJobSpec training) {
      return preflight(training);
    }
    NetworkSource source = networkSource("preflight");
    NetworkSnapshot snapshot;
    try {
      snapshot = source.snapshotFor(job.scope());
    } catch (SdkException e) {
      throw new AwsCallException("network discovery", e);
    }
    return ruleEngine.evaluate(job, snapshot);
  }

  /**
   * Launches a processing job: runs the preflight of the request's workload and, when the
   * {@link LaunchPolicy} lets it through, sends {@code CreateProcessingJob} as given; attaches to an
   * existing processing job of the same name and identical request instead of creating it twice.
   *
   * <pre>{@code
   * ProcessingRun run = vpctrain.launch(request);       // refuses NOT_READY (and, by default, UNVERIFIED)
   * DescribeProcessingJobResponse end = run.await();
   * run.diagnose(end).ifPresent(d -> log.warn("{}", d.render()));
   * }</pre>
   *
   * @param request the request, as {@code aws sagemaker create-processing-job} would send it
   * @return the run of the created job, to await
   * @throws dev.vpctrain.aws.launch.PreflightFailedException when the preflight blocks it; nothing was created
   * @throws dev.vpctrain.aws.launch.JobConflictException when a different processing job has the name
   * @throws dev.vpctrain.aws.launch.LaunchException when SageMaker refuses or fails the call
   */
  public ProcessingRun launch(CreateProcessingJobRequest request) {
    return launch(request, UnaryOperator.identity());
  }

  /**
   * Launches a processing job as {@link #launch(CreateProcessingJobRequest)} does, with what its code needs
   * beyond the request (AWS services, internet or in-VPC destinations, accepted UNVERIFIED checks) added to the
   * workload the preflight checks.
   *
   * @param request the request, sent as given
   * @param requirements adds the code's needs to the request's workload, for example
   *     {@code w -> w.toBuilder().requires(AwsService.STS).build()}
   * @return the run of the created job, to await
   * @throws dev.vpctrain.aws.launch.PreflightFailedException when the preflight blocks it; nothing was created
   * @throws dev.vpctrain.aws.launch.JobConflictException when a different processing job has the name
   * @throws dev.vpctrain.aws.launch.LaunchException when SageMaker refuses or fails the call
   */
  public ProcessingRun launch(CreateProcessingJobRequest request, UnaryOperator<TrainingJobSpec> requirements) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(requirements, "requirements");
    SageMakerClient sm = require(sageMaker, "launch", "a SageMakerClient", "sageMaker");
    NetworkSource source = networkSource("launch");
    Function<ProcessingJobSpec, PreflightReport> check = job -> preflight((JobSpec) job);
    return new ProcessingLauncher(sm, check, launchPolicy, clock, sleeper, initialPollDelay, maxPollDelay,
        FailureDiagnoser.withPreflight(w -> preflight(w, source)), processingLogs(), cloudWatch)
        .launch(request, requirements);
  }

  /**
   * Launches a hyperparameter tuning job: runs the preflight of every training job definition (with the
   * check that {@code MaxParallelTrainingJobs} training jobs fit in the subnets at once) and, when the
   * {@link LaunchPolicy} lets it through, sends {@code CreateHyperParameterTuningJob} as given; attaches to
   * an identical existing tuning job instead of creating it twice.
   *
   * @param request the request, sent as given
   * @param requirements adds the training code's needs (services, destinations, acceptances) to every definition
   * @return the run of the created tuning job, to await
   * @throws dev.vpctrain.aws.launch.PreflightFailedException when the preflight blocks it; nothing was created
   * @throws dev.vpctrain.aws.launch.JobConflictException when a different tuning job has the name
   * @throws dev.vpctrain.aws.launch.LaunchException when SageMaker refuses or fails the call
   */
  public TuningRun launch(CreateHyperParameterTuningJobRequest request, UnaryOperator<TrainingJobSpec> requirements) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(requirements, "requirements");
    SageMakerClient sm = require(sageMaker, "launch", "a SageMakerClient", "sageMaker");
    networkSource("launch"); // the preflight needs the network: fail now, before any call
    return new TuningLauncher(sm, job -> preflight((JobSpec) job), launchPolicy, clock, sleeper, initialPollDelay,
        maxPollDelay, job -> FailureDiagnoser.withPreflight(w -> preflight((JobSpec) job)), trainingLogs(), cloudWatch)
        .launch(request, requirements);
  }

  /**
   * Runs the preflight and, when the {@link LaunchPolicy} lets it through, creates the job; attaches
   * to an existing job of the same name and identical request instead of creating it twice.
   *
   * @param job the training job
   * @return the run of the created job, to await or watch
   * @throws dev.vpctrain.aws.launch.PreflightFailedException when the preflight blocks it (its
   *     message names the failing rule ids); nothing was created
   * @throws dev.vpctrain.aws.launch.JobConflictException when a different job has the name
   * @throws dev.vpctrain.aws.launch.LaunchException when SageMaker refuses or fails the call
   */
  public TrainingRun launch(TrainingJobSpec job) {
    Objects.requireNonNull(job, "job");
    SageMakerClient sm = require(sageMaker, "launch", "a SageMakerClient", "sageMaker");
    NetworkSource source = networkSource("launch");
    return launcher(sm, source).launch(job);
  }

  /**
   * Launches {@code job} behind the gate of a preflight you already ran ({@code report = preflight(job)}), without
   * discovering the network again; otherwise as {@link #launch(TrainingJobSpec)}. The report is used as it is: run
   * it shortly before the launch.
   *
   * <pre>{@code
   * PreflightReport report = vpctrain.preflight(job);
   * log.info("{}", report.render());
   * TrainingRun run = vpctrain.launch(job, report);
   * }</pre>
   *
   * @param job the job
   * @param report the preflight of {@code job}
   * @return the run
   * @throws IllegalArgumentException when {@code report} is the preflight of another job
   * @throws dev.vpctrain.aws.launch.PreflightFailedException when the report blocks the launch; nothing was created
   * @throws dev.vpctrain.aws.launch.JobConflictException when a different job has the name
   * @throws dev.vpctrain.aws.launch.LaunchException when SageMaker refuses or fails the call
   */
  public TrainingRun launch(TrainingJobSpec job, PreflightReport report) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(report, "report");
    SageMakerClient sm = require(sageMaker, "launch", "a SageMakerClient", "sageMaker");
    return launcher(sm, networkSource != null || (ec2 != null && s3 != null) ? networkSource("launch") : null)
        .launch(job, report);
  }

  /**
   * {@return a run for the existing job {@code jobName}, to await, tail or read metrics of}
   *
   * @param jobName the training job name
   */
  public TrainingRun watch(String jobName) {
    Objects.requireNonNull(jobName, "jobName");
    SageMakerClient sm = require(sageMaker, "watch", "a SageMakerClient", "sageMaker");
    return launcher(sm, networkSource != null || (ec2 != null && s3 != null) ? networkSource("watch") : null)
        .watch(jobName);
  }

  /**
   * Follows an existing processing job, launched by vpctrain or not: one {@code DescribeProcessingJob} now, and a run
   * to await; a failure is diagnosed against the job's network when a network source or EC2 and S3 clients are set.
   *
   * @param jobName the processing job's name
   * @return the run of the job
   * @throws AwsCallException when the job cannot be described (its error code says whether it does not exist)
   */
  public ProcessingRun watchProcessing(String jobName) {
    Objects.requireNonNull(jobName, "jobName");
    SageMakerClient sm = require(sageMaker, "watch", "a SageMakerClient", "sageMaker");
    DescribeProcessingJobResponse d;
    try {
      d = sm.describeProcessingJob(r -> r.processingJobName(jobName));
    } catch (SdkException e) {
      throw new AwsCallException("sagemaker:DescribeProcessingJob", e);
    }
    CreateProcessingJobRequest request = ProcessingJobRequests.fromDescribe(d);
    return new ProcessingLauncher(sm, job -> preflight((JobSpec) job), launchPolicy, clock, sleeper, initialPollDelay,
        maxPollDelay, watchDiagnoser(null), processingLogs(), cloudWatch)
        .attached(ProcessingJobRequests.toSpec(request), d.processingJobArn());
  }

  /**
   * The diagnoser of a job followed by watch: with the preflight when the network can be read, else classify only.
   * The preflight re-run checks {@code whole} when given (a tuning job's definitions count together), else the
   * failed workload.
   */
  private FailureDiagnoser watchDiagnoser(JobSpec whole) {
    NetworkSource source = networkSource != null || (ec2 != null && s3 != null) ? networkSource("watch") : null;
    if (source == null) {
      return FailureDiagnoser.classifyOnly("VpcTrain has neither a NetworkSource nor EC2 and S3 clients");
    }
    return FailureDiagnoser.withPreflight(w -> whole == null ? preflight(w, source) : preflight(whole));
  }

  /** The tail of a training job's logs by its name; null without a CloudWatch Logs client. */
  private Function<String, LogTail> trainingLogs() {
    return cloudWatchLogs == null ? null : name -> LogTail.builder().logs(cloudWatchLogs).jobName(name).build();
  }

  /** The tail of a processing job's logs by its name; null without a CloudWatch Logs client. */
  private Function<String, LogTail> processingLogs() {
    return cloudWatchLogs == null ? null
        : name -> LogTail.builder().logs(cloudWatchLogs).jobName(name).logGroup(ProcessingRun.LOG_GROUP).build();
  }

  /**
   * Follows an existing hyperparameter tuning job: one {@code DescribeHyperParameterTuningJob} now, and a run to await.
   *
   * @param jobName the tuning job's name
   * @return the run of the job
   * @throws AwsCallException when the job cannot be described (its error code says whether it does not exist)
   */
  public TuningRun watchTuning(String jobName) {
    Objects.requireNonNull(jobName, "jobName");
    SageMakerClient sm = require(sageMaker, "watch", "a SageMakerClient", "sageMaker");
    DescribeHyperParameterTuningJobResponse d;
    try {
      d = sm.describeHyperParameterTuningJob(r -> r.hyperParameterTuningJobName(jobName));
    } catch (SdkException e) {
      throw new AwsCallException("sagemaker:DescribeHyperParameterTuningJob", e);
    }
    CreateHyperParameterTuningJobRequest request = TuningJobRequests.fromDescribe(d);
    return new TuningLauncher(sm, job -> preflight((JobSpec) job), launchPolicy, clock, sleeper, initialPollDelay,
        maxPollDelay, this::watchDiagnoser, trainingLogs(), cloudWatch)
        .attached(TuningJobRequests.toSpec(request), d.hyperParameterTuningJobArn());
  }

  /**
   * {@return a tail of {@code jobName}'s CloudWatch log streams}
   *
   * @param jobName the training job name
   */
  public LogTail logTail(String jobName) {
    return LogTail.builder()
        .logs(require(cloudWatchLogs, "logTail", "a CloudWatchLogsClient", "cloudWatchLogs"))
        .jobName(jobName).build();
  }

  /** {@return a reader of training job instance metrics} */
  public MetricsReader metricsReader() {
    return MetricsReader.builder().cloudWatch(require(cloudWatch, "metricsReader", "a CloudWatchClient", "cloudWatch"))
        .build();
  }

  /**
   * Audits every job of many accounts and regions ({@link Audit}), with this VpcTrain's rule engine and clock; the
   * records stream out as they come.
   *
   * <pre>{@code
   * try (Stream<AuditRecord> records = vpctrain.audit(options, clients)) {
   *   records.forEach(r -> log.info("{}", r));
   * }
   * }</pre>
   *
   * @param options what to audit
   * @param clients how the audit gets its clients (STS with your credentials, per account-region clients)
   * @return the jobs and gaps, in the order they come; close it to stop the audit early
   */
  public Stream<AuditRecord> audit(AuditOptions options, AuditClients clients) {
    return Audit.builder().clients(clients).ruleEngine(ruleEngine).clock(clock).build().stream(options);
  }

  /**
   * Audits every job of many accounts and regions as {@link #audit(AuditOptions, AuditClients)} does, telling
   * {@code listener} of each job, gap and the progress.
   *
   * @param options what to audit
   * @param clients how the audit gets its clients
   * @param listener told of the results, one at a time
   * @return the counts by verdict, rule and account, and whether the audit was complete
   * @throws InterruptedException when the thread is interrupted
   */
  public AuditSummary audit(AuditOptions options, AuditClients clients, AuditListener listener)
      throws InterruptedException {
    return Audit.builder().clients(clients).ruleEngine(ruleEngine).clock(clock).build().run(options, listener);
  }

  /** {@return the launch policy} */
  public LaunchPolicy launchPolicy() {
    return launchPolicy;
  }

  private PreflightReport preflight(TrainingJobSpec job, NetworkSource source) {
    NetworkSnapshot snapshot;
    try {
      snapshot = source.snapshotFor(job);
    } catch (SdkException e) {
      throw new AwsCallException("network discovery", e);
    }
    return ruleEngine.evaluate(job, snapshot);
  }

  private TrainingLauncher launcher(SageMakerClient sm, NetworkSource source) {
    JobWatcher watcher = JobWatcher.builder().sageMaker(sm).clock(clock).sleeper(sleeper)
        .initialDelay(initialPollDelay).maxDelay(maxPollDelay).build();
    TrainingLauncher.Builder b = TrainingLauncher.builder().sageMaker(sm).policy(launchPolicy).watcher(watcher)
        .clock(clock)
        .logTails(this::logTail)
        .metricsReaders(this::metricsReader);
    if (source != null) {
      b.preflight(job -> preflight(job, source));
    } else {
      b.diagnoser(FailureDiagnoser.classifyOnly(
          "VpcTrain has neither a NetworkSource nor EC2 and S3 clients (VpcTrain.builder().ec2(..).s3(..))"));
    }
    return b.build();
  }

  private NetworkSource networkSource(String operation) {
    if (networkSource != null) {
      return networkSource;
    }
    if (ec2 == null || s3 == null) {
      throw new IllegalStateException("VpcTrain." + operation + " needs the job's network: build VpcTrain with "
          + (ec2 == null && s3 == null ? "an Ec2Client and an S3Client" : ec2 == null ? "an Ec2Client" : "an S3Client")
          + " (VpcTrain.builder().ec2(..).s3(..)) or with a NetworkSource (networkSource(..))");
    }
    return liveDiscovery(ec2, s3);
  }

  /** Live discovery with the user's EC2 and S3 clients (the snapshot's region: {@code region}, else the EC2 client's). */
  private NetworkSource liveDiscovery(Ec2Client ec2, S3Client s3) {
    try {
      return LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).efs(efs).fsx(fsx).iam(iam).kms(kms)
          .region(region).build();
    } catch (UnsupportedOperationException e) {
      throw new IllegalStateException("Live network discovery needs the region of the Ec2Client, and this client "
          + "does not report one (serviceClientConfiguration() is unsupported, as in some fakes): set it with "
          + "VpcTrain.builder().region(\"us-east-1\"), or give VpcTrain a NetworkSource", e);
    }
  }

  private static <T> T require(T client, String operation, String what, String setter) {
    if (client == null) {
      throw new IllegalStateException("VpcTrain." + operation + " needs " + what
          + ": build VpcTrain with VpcTrain.builder()." + setter + "(client)");
    }
    return client;
  }

  /** Builds a {@link VpcTrain}. Every client is optional; each operation names the ones it needs. */
  public static final class Builder {
    private Ec2Client ec2;
    private S3Client s3;
    private EfsClient efs;
    private FSxClient fsx;
    private IamClient iam;
    private KmsClient kms;
    private SageMakerClient sageMaker;
    private CloudWatchClient cloudWatch;
    private CloudWatchLogsClient cloudWatchLogs;
    private NetworkSource networkSource;
    private String region;
    private RuleEngine ruleEngine = RuleEngine.standard();
    private LaunchPolicy launchPolicy = LaunchPolicy.standard();
    private Clock clock;
    private Sleeper sleeper;
    private Duration initialPollDelay = Duration.ofSeconds(5);
    private Duration maxPollDelay = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * For live network discovery (with {@link #s3}).
     *
     * @param ec2 the EC2 client
     * @return this builder
     */
    public Builder ec2(Ec2Client ec2) {
      this.ec2 = ec2;
      return this;
    }

    /**
     * For live network discovery: bucket regions and policies.
     *
     * @param s3 the S3 client
     * @return this builder
     */
    public Builder s3(S3Client s3) {
      this.s3 = s3;
      return this;
    }

    /**
     * For live discovery of the EFS file systems of the job's channels; without it they are UNVERIFIED.
     *
     * @param efs the EFS client
     * @return this builder
     */
    public Builder efs(EfsClient efs) {
      this.efs = efs;
      return this;
    }

    /**
     * For live discovery of the FSx for Lustre file systems of the job's channels; without it they are UNVERIFIED.
     *
     * @param fsx the FSx client
     * @return this builder
     */
    public Builder fsx(FSxClient fsx) {
      this.fsx = fsx;
      return this;
    }

    /** For launch and watch. */
    /**
     * For live discovery of the job's execution role (a global client: {@code Region.AWS_GLOBAL});
     * without it the role rules say the role was not evaluated.
     *
     * @param iam the IAM client
     * @return this builder
     */
    public Builder iam(IamClient iam) {
      this.iam = iam;
      return this;
    }

    /**
     * For live discovery of the KMS keys the job names (their key policies); without it those keys are UNVERIFIED.
     *
     * @param kms the KMS client
     * @return this builder
     */
    public Builder kms(KmsClient kms) {
      this.kms = kms;
      return this;
    }

    /**
     * Sets the SageMaker client that creates, describes and stops jobs.
     *
     * @param sageMaker the SageMaker client
     * @return this builder
     */
    public Builder sageMaker(SageMakerClient sageMaker) {
      this.sageMaker = sageMaker;
      return this;
    }

    /**
     * For instance metrics.
     *
     * @param cloudWatch the CloudWatch client
     * @return this builder
     */
    public Builder cloudWatch(CloudWatchClient cloudWatch) {
      this.cloudWatch = cloudWatch;
      return this;
    }

    /**
     * For the job's logs.
     *
     * @param cloudWatchLogs the CloudWatch Logs client
     * @return this builder
     */
    public Builder cloudWatchLogs(CloudWatchLogsClient cloudWatchLogs) {
      this.cloudWatchLogs = cloudWatchLogs;
      return this;
    }

    /**
     * Where snapshots come from instead of live discovery: a bundle file, a fake world, your own.
     *
     * @param networkSource the network source
     * @return this builder
     */
    public Builder networkSource(NetworkSource networkSource) {
      this.networkSource = networkSource;
      return this;
    }

    /**
     * The region of live discovery's snapshots (default: the EC2 client's region).
     *
     * @param region the AWS region
     * @return this builder
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * The rules (default: the whole catalogue).
     *
     * @param ruleEngine the rule engine
     * @return this builder
     */
    public Builder ruleEngine(RuleEngine ruleEngine) {
      this.ruleEngine = Objects.requireNonNull(ruleEngine, "ruleEngine");
      return this;
    }

    /**
     * What the launch gate lets through (default {@link LaunchPolicy#standard()}).
     *
     * @param launchPolicy the launch policy
     * @return this builder
     */
    public Builder launchPolicy(LaunchPolicy launchPolicy) {
      this.launchPolicy = Objects.requireNonNull(launchPolicy, "launchPolicy");
      return this;
    }

    /**
     * The clock of waits and timeouts (default: the system clock, or the simulated clock of a
     * {@link SimulatedTime} SageMaker client such as the testkit's).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How waits between polls sleep (default: {@link Sleeper#system()}, or the simulated sleeper of a
     * {@link SimulatedTime} SageMaker client such as the testkit's, which only advances its clock).
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Poll delays while awaiting a job: start at {@code initial}, double up to {@code max} (default 5 s, 30 s).
     *
     * @param initial the first delay
     * @param max the longest delay
     * @return this builder
     */
    public Builder pollDelays(Duration initial, Duration max) {
      this.initialPollDelay = Objects.requireNonNull(initial, "initial");
      this.maxPollDelay = Objects.requireNonNull(max, "max");
      return this;
    }

    /** {@return a new {@code VpcTrain} with the values given} */
    public VpcTrain build() {
      return new VpcTrain(this);
    }
  }
}
