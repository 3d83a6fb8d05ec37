package dev.vpctrain.aws.launch;

import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.aws.diagnosis.FailureDiagnoser;
import dev.vpctrain.aws.diagnosis.FailureDiagnosis;
import dev.vpctrain.aws.monitor.HostMetrics;
import dev.vpctrain.aws.monitor.LogTail;
import dev.vpctrain.aws.monitor.MetricsReader;
import dev.vpctrain.core.job.ProcessingJobSpec;
import dev.vpctrain.core.report.PreflightReport;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;

/**
 * A processing job that {@code VpcTrain.launch(CreateProcessingJobRequest)} created (or attached to):
 * describe it, or {@link #await} its end, polling {@code DescribeProcessingJob} with backoff (throttled
 * and 5xx polls are retried, as for training jobs) and reporting each status change.
 */
public final class ProcessingRun {
  /** The log group of processing jobs' instances. */
  public static final String LOG_GROUP = "/aws/sagemaker/ProcessingJobs";
  /** The CloudWatch namespace of processing jobs' instance metrics. */
  public static final String METRICS_NAMESPACE = "/aws/sagemaker/ProcessingJobs";

  private static final String DESCRIBE = "sagemaker:DescribeProcessingJob";

  private final String jobName;
  private final String jobArn;
  private final ProcessingJobSpec spec;
  private final PreflightReport preflight;
  private final boolean attached;
  private final SageMakerClient sageMaker;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final FailureDiagnoser diagnoser;
  private final Function<String, LogTail> logTails;
  private final CloudWatchClient cloudWatch;
  private LogTail tail;

  ProcessingRun(String jobName, String jobArn, ProcessingJobSpec spec, PreflightReport preflight, boolean attached,
      SageMakerClient sageMaker, Clock clock, Sleeper sleeper, Duration initialDelay, Duration maxDelay,
      FailureDiagnoser diagnoser, Function<String, LogTail> logTails, CloudWatchClient cloudWatch) {
    this.jobName = Objects.requireNonNull(jobName);
    this.jobArn = jobArn;
    this.spec = spec;
    this.preflight = preflight;
    this.attached = attached;
    this.sageMaker = sageMaker;
    this.clock = clock;
    this.sleeper = sleeper;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.diagnoser = diagnoser;
    this.logTails = logTails;
    this.cloudWatch = cloudWatch;
  }

  /** {@return {@code ProcessingJobName}} */
  public String jobName() {
    return jobName;
  }

  /** {@return the job's ARN as {@code CreateProcessingJob} or {@code DescribeProcessingJob} answered it} */
  public Optional<String> jobArn() {
    return Optional.ofNullable(jobArn);
  }

  /** {@return the job as the preflight read it} */
  public ProcessingJobSpec spec() {
    return spec;
  }

  /** {@return the preflight the launch was gated on; empty when the run attached to an existing job before one ran} */
  public Optional<PreflightReport> preflight() {
    return Optional.ofNullable(preflight);
  }

  /** {@return true when a job of the same name and request already existed and the launch attached to it} */
  public boolean attached() {
    return attached;
  }

  /**
   * {@return one {@code DescribeProcessingJob} of the job}
   *
   * @throws AwsCallException naming the operation when the call fails
   */
  public DescribeProcessingJobResponse describe() {
    try {
      return sageMaker.describeProcessingJob(DescribeProcessingJobRequest.builder().processingJobName(jobName).build());
    } catch (SdkException e) {
      throw new AwsCallException(DESCRIBE, e);
    }
  }

  /**
   * Waits for the job to end: {@code Completed}, {@code Failed} or {@code Stopped}.
   *
   * @param onStatus called with the description each time {@code ProcessingJobStatus} changes, the first included
   * @param timeout the longest wait, or null for no limit
   * @return the last description, in a final status
   * @throws WatchTimeoutException when {@code timeout} passes first (the job keeps running)
   * @throws InterruptedException when the thread is interrupted (the job keeps running)
   * @throws AwsCallException when a poll fails for good: not transiently, or more than
   *     {@link JobWatcher#DEFAULT_MAX_POLL_FAILURES} times in a row
   */
  public DescribeProcessingJobResponse await(Consumer<DescribeProcessingJobResponse> onStatus, Duration timeout)
      throws InterruptedException {
    return await(onStatus, () -> { }, timeout);
  }

  /**
   * Waits for the job to end as {@link #await(Consumer, Duration)} does, calling {@code onPoll} after every poll,
   * for example to print the new lines of {@link #logs()}.
   *
   * @param onStatus called with the description each time {@code ProcessingJobStatus} changes, the first included
   * @param onPoll called after every successful poll
   * @param timeout the longest wait, or null for no limit
   * @return the last description, in a final status
   * @throws WatchTimeoutException when {@code timeout} passes first (the job keeps running)
   * @throws InterruptedException when the thread is interrupted (the job keeps running)
   * @throws AwsCallException when a poll fails for good
   */
  public DescribeProcessingJobResponse await(Consumer<DescribeProcessingJobResponse> onStatus, Runnable onPoll,
      Duration timeout) throws InterruptedException {
    return new StatusPoller(clock, sleeper, initialDelay, maxDelay).await("processing job", jobName, this::describe,
        DescribeProcessingJobResponse::processingJobStatusAsString, DescribeProcessingJobResponse::processingJobStatusAsString,
        onStatus, onPoll, timeout);
  }

  /**
   * {@return the tail of the job's log streams in {@value #LOG_GROUP}, one per instance; each
   * {@link LogTail#poll} gives the lines written since the last}
   *
   * @throws IllegalStateException when VpcTrain was built without a CloudWatchLogsClient
   */
  public synchronized LogTail logs() {
    if (logTails == null) {
      throw new IllegalStateException("Reading logs needs a CloudWatchLogsClient (VpcTrain.builder().cloudWatchLogs(..))");
    }
    if (tail == null) {
      tail = logTails.apply(jobName);
    }
    return tail;
  }

  /**
   * Waits for the job to end, without a time limit.
   *
   * @return the last description, in a final status
   * @throws InterruptedException when the thread is interrupted (the job keeps running)
   * @throws AwsCallException when a poll fails for good
   */
  public DescribeProcessingJobResponse await() throws InterruptedException {
    return await(d -> { }, null);
  }

  /**
   * {@return per-host instance metrics of the job described by {@code latest} ({@value #METRICS_NAMESPACE}), from
   * its start until its end or now}
   *
   * @param latest the latest {@code DescribeProcessingJob} answer
   * @throws IllegalStateException when VpcTrain was built without a CloudWatchClient
   * @throws AwsCallException when {@code GetMetricData} fails
   */
  public Map<String, HostMetrics> metrics(DescribeProcessingJobResponse latest) {
    if (cloudWatch == null) {
      throw new IllegalStateException("Reading metrics needs a CloudWatchClient (VpcTrain.builder().cloudWatch(..))");
    }
    Integer count = latest.processingResources() == null || latest.processingResources().clusterConfig() == null ? null
        : latest.processingResources().clusterConfig().instanceCount();
    return MetricsReader.builder().cloudWatch(cloudWatch).namespace(METRICS_NAMESPACE).build()
        .readRun(jobName, MetricsReader.hosts(count == null ? 1 : count),
            Optional.ofNullable(latest.processingStartTime()).orElse(latest.creationTime()), latest.processingEndTime(),
            clock.instant());
  }

  /**
   * {@return why a failed job failed and which resource is likely at fault: the failure reason classified, and the
   * network checked again; empty for a job that did not fail}
   *
   * @param last the job's last description
   */
  public Optional<FailureDiagnosis> diagnose(DescribeProcessingJobResponse last) {
    if (!"Failed".equals(last.processingJobStatusAsString()) || last.failureReason() == null) {
      return Optional.empty();
    }
    return Optional.of(diagnoser.diagnose(last.failureReason(), spec.workload()));
  }

  @Override
  public String toString() {
    return "ProcessingRun{" + jobName + (attached ? ", attached" : "") + "}";
  }
}
