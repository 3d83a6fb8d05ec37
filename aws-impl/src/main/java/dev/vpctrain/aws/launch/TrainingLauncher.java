package dev.vpctrain.aws.launch;

import dev.vpctrain.aws.diagnosis.FailureDiagnoser;
import dev.vpctrain.aws.monitor.LogTail;
import dev.vpctrain.aws.monitor.MetricsReader;
import dev.vpctrain.aws.job.RequestDifference;
import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.PreflightReport;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

/**
 * The launch sequence behind {@code VpcTrain.launch}: map the spec to its request; attach to an
 * existing job of the same name and request (or refuse a different one); run the preflight and
 * let the {@link LaunchPolicy} gate it; then {@code CreateTrainingJob}, treating
 * {@code ResourceInUse} as "maybe created by an earlier attempt". Nothing is created unless every
 * earlier step succeeded.
 */
public final class TrainingLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingLauncher.class);
  private static final String CREATE = "sagemaker:CreateTrainingJob";
  private static final String DESCRIBE = "sagemaker:DescribeTrainingJob";

  private final SageMakerClient sageMaker;
  private final Function<TrainingJobSpec, PreflightReport> preflight;
  private final LaunchPolicy policy;
  private final JobWatcher watcher;
  private final FailureDiagnoser diagnoser;
  private final Function<String, LogTail> logTails;
  private final Supplier<MetricsReader> metricsReaders;
  private final Clock clock;

  private TrainingLauncher(Builder b) {
    this.sageMaker = Objects.requireNonNull(b.sageMaker, "sageMaker");
    this.preflight = b.preflight;
    this.policy = b.policy;
    this.clock = b.clock != null ? b.clock
        : sageMaker instanceof SimulatedTime ? ((SimulatedTime) sageMaker).simulatedClock() : Clock.systemUTC();
    JobWatcher.Builder watcher = JobWatcher.builder().sageMaker(sageMaker);
    if (b.clock != null) {
      watcher.clock(b.clock);
    }
    this.watcher = b.watcher != null ? b.watcher : watcher.build();
    this.diagnoser = b.diagnoser != null ? b.diagnoser
        : b.preflight != null ? FailureDiagnoser.withPreflight(b.preflight)
        : FailureDiagnoser.classifyOnly("no network source is configured");
    this.logTails = b.logTails;
    this.metricsReaders = b.metricsReaders;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Launches {@code job} behind the preflight gate, or attaches to the identical existing job.
   *
   * @param job the training job
   * @return the run of the created job
   * @throws PreflightFailedException when the policy refuses the preflight's findings (nothing created)
   * @throws JobConflictException when a different job of the same name exists
   * @throws LaunchException when SageMaker refuses or fails ({@code ValidationException},
   *     {@code ResourceLimitExceeded}, access denied, unavailable)
   * @throws dev.vpctrain.aws.job.SdkJsonException when the spec's {@code apiExtras} do not fit the API
   */
  public TrainingRun launch(TrainingJobSpec job) {
    if (preflight == null) {
      throw new IllegalStateException("TrainingLauncher.launch needs a preflight (builder().preflight(...))");
    }
    return launch(job, (PreflightReport) null);
  }

  /**
   * Launches {@code job} behind the gate of a preflight the caller already ran ({@code report}), so the network
   * is not discovered again; otherwise as {@link #launch(TrainingJobSpec)}.
   *
   * @param job the job
   * @param report the preflight of {@code job}, or null to run it now
   * @return the run
   * @throws IllegalArgumentException when {@code report} is the preflight of another job
   * @throws PreflightFailedException when the policy refuses the report's findings (nothing created)
   * @throws JobConflictException when a different job of the same name exists
   * @throws LaunchException when SageMaker refuses or fails
   */
  public TrainingRun launch(TrainingJobSpec job, PreflightReport report) {
    if (report != null && !report.jobName().equals(job.name())) {
      throw new IllegalArgumentException("the preflight report is of job '" + report.jobName() + "', not of '"
          + job.name() + "': launch a job with its own preflight");
    }
    if (report == null && preflight == null) {
      throw new IllegalStateException("TrainingLauncher.launch needs a preflight (builder().preflight(...))");
    }
    CreateTrainingJobRequest request = TrainingJobRequests.toRequest(job);
    Optional<DescribeTrainingJobResponse> existing = describeIfExists(job.name());
    if (existing.isPresent()) {
      return attach(job, request, existing.get(), null);
    }
    if (report == null) {
      report = preflight.apply(job);
    }
    List<Finding> blockers = policy.blockers(report);
    if (!blockers.isEmpty()) {
      LOG.warn("Refusing to launch {}: verdict {}, blocking rules {}", job.name(), report.verdict(),
          blockers.stream().map(Finding::ruleId).distinct().collect(Collectors.joining(", ")));
      throw new PreflightFailedException(report, blockers);
    }
    try {
      CreateTrainingJobResponse created = sageMaker.createTrainingJob(request);
      LOG.info("Created training job {} ({})", job.name(), created.trainingJobArn());
      return new TrainingRun(job.name(), created.trainingJobArn(), job, report, false, this);
    } catch (AwsServiceException e) {
      if ("ResourceInUse".equals(code(e))) {
        Optional<DescribeTrainingJobResponse> now = describeIfExists(job.name());
        if (now.isPresent()) {
          return attach(job, request, now.get(), report);
        }
      }
      throw e.statusCode() >= 500 ? new LaunchException(CREATE, e, "The job may or may not have been created: "
          + "launching the same job again attaches to it if it exists.") : new LaunchException(CREATE, e);
    } catch (SdkException e) {
      throw new LaunchException(CREATE, e, "The job may or may not have been created: launching the same job "
          + "again attaches to it if it exists.");
    }
  }

  /**
   * {@return a run for the existing job {@code jobName}; throws {@link dev.vpctrain.aws.AwsCallException} when it cannot be described}
   *
   * @param jobName the training job name
   */
  public TrainingRun watch(String jobName) {
    DescribeTrainingJobResponse d = watcher.describe(jobName);
    return new TrainingRun(jobName, d.trainingJobArn(), null, null, false, this);
  }

  private TrainingRun attach(TrainingJobSpec job, CreateTrainingJobRequest request, DescribeTrainingJobResponse d,
      PreflightReport report) {
    List<RequestDifference> differences =
        TrainingJobRequests.differences(request, TrainingJobRequests.fromDescribe(d));
    if (!differences.isEmpty()) {
      throw new JobConflictException(job.name(), differences);
    }
    LOG.info("Training job {} already exists with the same request ({}); attaching to it", job.name(),
        d.trainingJobStatusAsString());
    return new TrainingRun(job.name(), d.trainingJobArn(), job, report, true, this);
  }

  private Optional<DescribeTrainingJobResponse> describeIfExists(String jobName) {
    try {
      return Optional.of(sageMaker.describeTrainingJob(
          DescribeTrainingJobRequest.builder().trainingJobName(jobName).build()));
    } catch (AwsServiceException e) {
      if (isNotFound(e)) {
        return Optional.empty();
      }
      throw new LaunchException(DESCRIBE, e);
    } catch (SdkException e) {
      throw new LaunchException(DESCRIBE, e);
    }
  }

  /** DescribeTrainingJob answers a missing job with {@code ValidationException: Requested resource not found}. */
  static boolean isNotFound(AwsServiceException e) {
    String code = code(e);
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return "ResourceNotFound".equals(code) || "ResourceNotFoundException".equals(code)
        || ("ValidationException".equals(code) && message != null
            && message.toLowerCase(Locale.ROOT).contains("not found"));
  }

  private static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  JobWatcher watcher() {
    return watcher;
  }

  FailureDiagnoser diagnoser() {
    return diagnoser;
  }

  Supplier<LogTail> logTails(String jobName) {
    return () -> {
      if (logTails == null) {
        throw new IllegalStateException("Reading logs needs a CloudWatchLogsClient");
      }
      return logTails.apply(jobName);
    };
  }

  Supplier<MetricsReader> metricsReaders() {
    return () -> {
      if (metricsReaders == null) {
        throw new IllegalStateException("Reading metrics needs a CloudWatchClient");
      }
      return metricsReaders.get();
    };
  }

  Clock clock() {
    return clock;
  }

  /** Builds a {@link TrainingLauncher}. */
  public static final class Builder {
    private SageMakerClient sageMaker;
    private Function<TrainingJobSpec, PreflightReport> preflight;
    private LaunchPolicy policy = LaunchPolicy.standard();
    private JobWatcher watcher;
    private FailureDiagnoser diagnoser;
    private Function<String, LogTail> logTails;
    private Supplier<MetricsReader> metricsReaders;
    private Clock clock;

    private Builder() {}

    /**
     * Sets the SageMaker client that creates the job.
     *
     * @param sageMaker the SageMaker client
     * @return this builder
     */
    public Builder sageMaker(SageMakerClient sageMaker) {
      this.sageMaker = sageMaker;
      return this;
    }

    /**
     * The preflight of a job (network snapshot + rule engine).
     *
     * @param preflight the preflight
     * @return this builder
     */
    public Builder preflight(Function<TrainingJobSpec, PreflightReport> preflight) {
      this.preflight = preflight;
      return this;
    }

    /**
     * Sets which findings block a launch.
     *
     * @param policy the policy document (JSON)
     * @return this builder
     */
    public Builder policy(LaunchPolicy policy) {
      this.policy = Objects.requireNonNull(policy);
      return this;
    }

    /**
     * Sets the watcher that follows launched jobs.
     *
     * @param watcher the watcher
     * @return this builder
     */
    public Builder watcher(JobWatcher watcher) {
      this.watcher = watcher;
      return this;
    }

    /**
     * Sets the diagnoser that explains a failed job.
     *
     * @param diagnoser the diagnoser
     * @return this builder
     */
    public Builder diagnoser(FailureDiagnoser diagnoser) {
      this.diagnoser = diagnoser;
      return this;
    }

    /**
     * Makes a job's log tail; its exception message names what is missing when it cannot.
     *
     * @param logTails the log tails
     * @return this builder
     */
    public Builder logTails(Function<String, LogTail> logTails) {
      this.logTails = logTails;
      return this;
    }

    /**
     * Sets where the metrics readers of runs come from.
     *
     * @param metricsReaders the metrics readers
     * @return this builder
     */
    public Builder metricsReaders(Supplier<MetricsReader> metricsReaders) {
      this.metricsReaders = metricsReaders;
      return this;
    }

    /**
     * Sets the clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** {@return a new {@code TrainingLauncher} with the values given} */
    public TrainingLauncher build() {
      return new TrainingLauncher(this);
    }
  }
}
