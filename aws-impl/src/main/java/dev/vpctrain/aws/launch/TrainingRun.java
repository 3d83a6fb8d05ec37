package dev.vpctrain.aws.launch;

import dev.vpctrain.aws.diagnosis.FailureDiagnoser;
import dev.vpctrain.aws.monitor.HostMetrics;
import dev.vpctrain.aws.monitor.LogTail;
import dev.vpctrain.aws.monitor.MetricsReader;
import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.PreflightReport;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;

/**
 * A launched (or attached, or watched) training job. {@link #await} follows it to its end and
 * returns the outcome; {@link #logs()} and {@link #metrics} read its CloudWatch data.
 */
public final class TrainingRun {
  private final String jobName;
  private final String jobArn;
  private final TrainingJobSpec spec;
  private final PreflightReport preflight;
  private final boolean attached;
  private final JobWatcher watcher;
  private final FailureDiagnoser diagnoser;
  private final Supplier<LogTail> logTails;
  private final Supplier<MetricsReader> metricsReaders;
  private final Clock clock;
  private LogTail logTail;

  TrainingRun(String jobName, String jobArn, TrainingJobSpec spec, PreflightReport preflight, boolean attached,
      TrainingLauncher launcher) {
    this.jobName = Objects.requireNonNull(jobName);
    this.jobArn = jobArn;
    this.spec = spec;
    this.preflight = preflight;
    this.attached = attached;
    this.watcher = launcher.watcher();
    this.diagnoser = launcher.diagnoser();
    this.logTails = launcher.logTails(jobName);
    this.metricsReaders = launcher.metricsReaders();
    this.clock = launcher.clock();
  }

  /** {@return the job name} */
  public String jobName() {
    return jobName;
  }

  /** {@return the job's ARN, when known} */
  public Optional<String> jobArn() {
    return Optional.ofNullable(jobArn);
  }

  /** {@return the spec launched (for a watched job: none)} */
  public Optional<TrainingJobSpec> spec() {
    return Optional.ofNullable(spec);
  }

  /** {@return the preflight that let the launch through (none when attached to an existing job or watching)} */
  public Optional<PreflightReport> preflight() {
    return Optional.ofNullable(preflight);
  }

  /** {@return true when {@code launch} found this job already created with the same request and attached to it} */
  public boolean attached() {
    return attached;
  }

  /** {@return the job's current description (one {@code DescribeTrainingJob})} */
  public DescribeTrainingJobResponse describe() {
    return watcher.describe(jobName);
  }

  /**
   * Waits without a time limit; see {@link #await(ProgressListener, Duration)}.
   *
   * @param listener the progress listener
   * @return how the job ended
   * @throws InterruptedException when it fails
   */
  public TrainingOutcome await(ProgressListener listener) throws InterruptedException {
    return outcome(watcher.await(jobName, listener, null));
  }

  /**
   * Waits until the job is Completed, Failed or Stopped, reporting each transition to
   * {@code listener} once, and returns the outcome; a failure is diagnosed (failure reason
   * classified, preflight re-run to name the likely resource).
   *
   * @param listener the progress listener
   * @param timeout how long to wait at most
   * @return how the job ended
   * @throws WatchTimeoutException when {@code timeout} passes first (the job keeps running)
   * @throws InterruptedException when the thread is interrupted (the job keeps running)
   * @throws dev.vpctrain.aws.AwsCallException when {@code DescribeTrainingJob} fails for good: not transiently, or
   *     throttled or 5xx more than {@link JobWatcher#DEFAULT_MAX_POLL_FAILURES} polls in a row (each retried with
   *     backoff, as the SDK's waiters do)
   */
  public TrainingOutcome await(ProgressListener listener, Duration timeout) throws InterruptedException {
    return outcome(watcher.await(jobName, listener, Objects.requireNonNull(timeout, "timeout")));
  }

  /** {@return the job's log tail (one per run: successive calls continue where the last poll ended)} */
  public synchronized LogTail logs() {
    if (logTail == null) {
      logTail = logTails.get();
    }
    return logTail;
  }

  /**
   * {@return per-host metrics of the job described by {@code latest}, from its start until its end or now}
   *
   * @param latest the latest {@code DescribeTrainingJob} answer
   */
  public Map<String, HostMetrics> metrics(DescribeTrainingJobResponse latest) {
    MetricsReader reader = metricsReaders.get();
    return reader.readRun(jobName, MetricsReader.hosts(instanceCount(latest.resourceConfig())),
        Optional.ofNullable(latest.trainingStartTime()).orElse(latest.creationTime()), latest.trainingEndTime(),
        clock.instant());
  }

  /** {@return per-host metrics from the job's start until now (one {@code DescribeTrainingJob}, one batched read)} */
  public Map<String, HostMetrics> metrics() {
    return metrics(describe());
  }

  static int instanceCount(ResourceConfig rc) {
    if (rc == null) {
      return 1;
    }
    if (rc.hasInstanceGroups() && !rc.instanceGroups().isEmpty()) {
      return rc.instanceGroups().stream().mapToInt(g -> Optional.ofNullable(g.instanceCount()).orElse(0)).sum();
    }
    return Optional.ofNullable(rc.instanceCount()).orElse(1);
  }

  private TrainingOutcome outcome(DescribeTrainingJobResponse d) {
    FinalStatus status = FinalStatus.of(d.trainingJobStatusAsString());
    TrainingOutcome.Builder b = TrainingOutcome.builder().jobName(jobName).status(status)
        .secondaryStatus(Optional.ofNullable(d.secondaryStatusAsString()))
        .failureReason(Optional.ofNullable(d.failureReason()))
        .billableSeconds(Optional.ofNullable(d.billableTimeInSeconds()))
        .trainingSeconds(Optional.ofNullable(d.trainingTimeInSeconds()))
        .modelArtifacts(Optional.ofNullable(d.modelArtifacts() == null ? null : d.modelArtifacts().s3ModelArtifacts()));
    if (status == FinalStatus.FAILED) {
      TrainingJobSpec job = spec != null ? spec : TrainingJobRequests.toSpec(TrainingJobRequests.fromDescribe(d));
      b.diagnosis(diagnoser.diagnose(d.failureReason(), job));
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "TrainingRun{" + jobName + (attached ? ", attached" : "") + "}";
  }
}
