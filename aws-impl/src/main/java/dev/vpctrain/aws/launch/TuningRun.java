package dev.vpctrain.aws.launch;

import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.aws.diagnosis.FailureDiagnoser;
import dev.vpctrain.aws.diagnosis.FailureDiagnosis;
import dev.vpctrain.aws.monitor.HostMetrics;
import dev.vpctrain.aws.monitor.LogLine;
import dev.vpctrain.aws.monitor.LogTail;
import dev.vpctrain.aws.monitor.MetricsReader;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.TuningJobSpec;
import dev.vpctrain.core.report.PreflightReport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsForHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatusCounters;

/**
 * A hyperparameter tuning job that {@code VpcTrain.launch(CreateHyperParameterTuningJobRequest)} created
 * (or attached to): describe it, or {@link #await} its end, told each time its status, its training
 * jobs' counts or its best training job change; {@link #summary} says it in a line. Its training jobs are
 * followed as training jobs are: {@link #pollLogs} tails the logs of those that run, {@link #metrics} reads one's
 * instance metrics and {@link #diagnose} says why one failed.
 */
public final class TuningRun {
  private static final String DESCRIBE = "sagemaker:DescribeHyperParameterTuningJob";
  private static final String LIST = "sagemaker:ListTrainingJobsForHyperParameterTuningJob";
  private static final Set<String> ENDED = Set.of("Completed", "Failed", "Stopped");

  private final String jobName;
  private final String jobArn;
  private final TuningJobSpec spec;
  private final PreflightReport preflight;
  private final boolean attached;
  private final SageMakerClient sageMaker;
  private final StatusPoller poller;
  private final Clock clock;
  private final FailureDiagnoser diagnoser;
  private final Function<String, LogTail> logTails;
  private final CloudWatchClient cloudWatch;
  /** The tails of the training jobs whose logs are still followed, by training job name. */
  private final Map<String, LogTail> tails = new LinkedHashMap<>();
  /** The training jobs whose logs were read to their end. */
  private final Set<String> drained = new HashSet<>();

  TuningRun(String jobName, String jobArn, TuningJobSpec spec, PreflightReport preflight, boolean attached,
      SageMakerClient sageMaker, Clock clock, Sleeper sleeper, Duration initialDelay, Duration maxDelay,
      FailureDiagnoser diagnoser, Function<String, LogTail> logTails, CloudWatchClient cloudWatch) {
    this.jobName = Objects.requireNonNull(jobName);
    this.jobArn = jobArn;
    this.spec = spec;
    this.preflight = preflight;
    this.attached = attached;
    this.sageMaker = sageMaker;
    this.poller = new StatusPoller(clock, sleeper, initialDelay, maxDelay);
    this.clock = clock;
    this.diagnoser = Objects.requireNonNull(diagnoser, "diagnoser");
    this.logTails = logTails;
    this.cloudWatch = cloudWatch;
  }

  /** {@return {@code HyperParameterTuningJobName}} */
  public String jobName() {
    return jobName;
  }

  /** {@return the tuning job's ARN as SageMaker answered it} */
  public Optional<String> jobArn() {
    return Optional.ofNullable(jobArn);
  }

  /** {@return the tuning job as the preflight read it: its definitions and parallel limit} */
  public TuningJobSpec spec() {
    return spec;
  }

  /** {@return the preflight the launch was gated on; empty when the run attached to an existing job before one ran} */
  public Optional<PreflightReport> preflight() {
    return Optional.ofNullable(preflight);
  }

  /** {@return true when a tuning job of the same name and request already existed and the launch attached to it} */
  public boolean attached() {
    return attached;
  }

  /**
   * {@return one {@code DescribeHyperParameterTuningJob}}
   *
   * @throws AwsCallException naming the operation when the call fails
   */
  public DescribeHyperParameterTuningJobResponse describe() {
    try {
      return sageMaker.describeHyperParameterTuningJob(DescribeHyperParameterTuningJobRequest.builder()
          .hyperParameterTuningJobName(jobName).build());
    } catch (SdkException e) {
      throw new AwsCallException(DESCRIBE, e);
    }
  }

  /**
   * Waits for the tuning job to end: {@code Completed}, {@code Failed} or {@code Stopped}.
   *
   * @param onChange told of each change of the status, the training jobs' counts or the best training job,
   *     the first description included
   * @param timeout the longest wait, or null for no limit
   * @return the last description, in a final status
   * @throws WatchTimeoutException when {@code timeout} passes first (the job keeps running)
   * @throws InterruptedException when the thread is interrupted (the job keeps running)
   * @throws AwsCallException when a poll fails for good
   */
  public DescribeHyperParameterTuningJobResponse await(Consumer<DescribeHyperParameterTuningJobResponse> onChange,
      Duration timeout) throws InterruptedException {
    return await(onChange, () -> { }, timeout);
  }

  /**
   * Waits for the tuning job to end as {@link #await(Consumer, Duration)} does, calling {@code onPoll} after every
   * poll, for example to print the new lines of {@link #pollLogs()}.
   *
   * @param onChange told of each change of the status, the training jobs' counts or the best training job
   * @param onPoll called after every successful poll
   * @param timeout the longest wait, or null for no limit
   * @return the last description, in a final status
   * @throws WatchTimeoutException when {@code timeout} passes first (the job keeps running)
   * @throws InterruptedException when the thread is interrupted (the job keeps running)
   * @throws AwsCallException when a poll fails for good
   */
  public DescribeHyperParameterTuningJobResponse await(Consumer<DescribeHyperParameterTuningJobResponse> onChange,
      Runnable onPoll, Duration timeout) throws InterruptedException {
    return poller.await("tuning job", jobName, this::describe,
        DescribeHyperParameterTuningJobResponse::hyperParameterTuningJobStatusAsString, TuningRun::summary, onChange,
        onPoll, timeout);
  }

  /**
   * {@return the tuning job's training jobs, every page of {@code ListTrainingJobsForHyperParameterTuningJob}}
   *
   * @throws AwsCallException naming the operation when a call fails
   */
  public List<HyperParameterTrainingJobSummary> trainingJobs() {
    try {
      List<HyperParameterTrainingJobSummary> all = new ArrayList<>();
      sageMaker.listTrainingJobsForHyperParameterTuningJobPaginator(ListTrainingJobsForHyperParameterTuningJobRequest
          .builder().hyperParameterTuningJobName(jobName).maxResults(100).build())
          .forEach(page -> all.addAll(page.trainingJobSummaries()));
      return all;
    } catch (SdkException e) {
      throw new AwsCallException(LIST, e);
    }
  }

  /**
   * {@return the log lines its training jobs wrote since the last poll, in time order} Each training job that has
   * started is tailed in {@value LogTail#LOG_GROUP} (its lines' streams begin with its name) until a poll after its
   * end. One {@code ListTrainingJobsForHyperParameterTuningJob} a poll, and the calls of each tail.
   *
   * @throws IllegalStateException when VpcTrain was built without a CloudWatchLogsClient
   * @throws AwsCallException naming the call that failed
   */
  public synchronized List<LogLine> pollLogs() {
    if (logTails == null) {
      throw new IllegalStateException("Reading logs needs a CloudWatchLogsClient (VpcTrain.builder().cloudWatchLogs(..))");
    }
    List<LogLine> lines = new ArrayList<>();
    for (HyperParameterTrainingJobSummary j : trainingJobs()) {
      String name = j.trainingJobName();
      if (drained.contains(name) || (j.trainingStartTime() == null && !ENDED.contains(j.trainingJobStatusAsString()))) {
        continue;
      }
      lines.addAll(tails.computeIfAbsent(name, logTails).poll());
      if (ENDED.contains(j.trainingJobStatusAsString())) {
        tails.remove(name);
        drained.add(name);
      }
    }
    lines.sort(Comparator.comparing(LogLine::timestamp).thenComparing(LogLine::stream));
    return lines;
  }

  /**
   * {@return per-host instance metrics of one of its training jobs ({@code /aws/sagemaker/TrainingJobs}), from its
   * start until its end or now}
   *
   * @param trainingJob the training job, as {@link #trainingJobs()} or the description's best training job gives it
   * @throws IllegalStateException when VpcTrain was built without a CloudWatchClient
   * @throws AwsCallException when {@code GetMetricData} fails
   */
  public Map<String, HostMetrics> metrics(HyperParameterTrainingJobSummary trainingJob) {
    if (cloudWatch == null) {
      throw new IllegalStateException("Reading metrics needs a CloudWatchClient (VpcTrain.builder().cloudWatch(..))");
    }
    return MetricsReader.builder().cloudWatch(cloudWatch).build().readRun(trainingJob.trainingJobName(),
        MetricsReader.hosts(definition(trainingJob).totalInstanceCount()),
        Optional.ofNullable(trainingJob.trainingStartTime()).orElse(trainingJob.creationTime()),
        trainingJob.trainingEndTime(), clock.instant());
  }

  /**
   * {@return why one of its training jobs failed and which resource is likely at fault: the failure reason
   * classified, and the network of the training job's definition checked again; empty for one that did not fail}
   *
   * @param trainingJob the training job, as {@link #trainingJobs()} gives it
   */
  public Optional<FailureDiagnosis> diagnose(HyperParameterTrainingJobSummary trainingJob) {
    if (!"Failed".equals(trainingJob.trainingJobStatusAsString()) || trainingJob.failureReason() == null) {
      return Optional.empty();
    }
    return Optional.of(diagnoser.diagnose(trainingJob.failureReason(), definition(trainingJob)));
  }

  /** The definition a training job was started from: by its name, or the only one. */
  private TrainingJobSpec definition(HyperParameterTrainingJobSummary trainingJob) {
    String name = trainingJob.trainingJobDefinitionName();
    return spec.definitions().stream().filter(d -> name != null && d.definitionName().filter(name::equals).isPresent())
        .findFirst().orElse(spec.definitions().get(0));
  }

  /**
   * Waits for the tuning job to end, without a time limit.
   *
   * @return the last description, in a final status
   * @throws InterruptedException when the thread is interrupted (the job keeps running)
   * @throws AwsCallException when a poll fails for good
   */
  public DescribeHyperParameterTuningJobResponse await() throws InterruptedException {
    return await(d -> { }, null);
  }

  /**
   * A line for people: the status, the training jobs by state and the best objective so far, for example
   * {@code InProgress: 3 running, 4 completed, 1 failed; best resnet50-hpo-004-1a2b3c4d validation:accuracy 0.873}.
   *
   * @param d a description of the tuning job
   * @return the line
   */
  public static String summary(DescribeHyperParameterTuningJobResponse d) {
    StringBuilder sb = new StringBuilder(d.hyperParameterTuningJobStatusAsString());
    TrainingJobStatusCounters c = d.trainingJobStatusCounters();
    if (c != null) {
      List<String> parts = new java.util.ArrayList<>();
      add(parts, c.inProgress(), "running");
      add(parts, c.completed(), "completed");
      add(parts, sum(c.nonRetryableError(), c.retryableError()), "failed");
      add(parts, c.stopped(), "stopped");
      if (!parts.isEmpty()) {
        sb.append(": ").append(String.join(", ", parts));
      }
    }
    HyperParameterTrainingJobSummary best = d.bestTrainingJob();
    if (best != null && best.finalHyperParameterTuningJobObjectiveMetric() != null) {
      sb.append("; best ").append(best.trainingJobName()).append(' ')
          .append(best.finalHyperParameterTuningJobObjectiveMetric().metricName()).append(' ')
          .append(String.format(Locale.ROOT, "%.3f", best.finalHyperParameterTuningJobObjectiveMetric().value()));
    }
    return sb.toString();
  }

  private static void add(List<String> parts, Integer n, String what) {
    if (n != null && n > 0) {
      parts.add(n + " " + what);
    }
  }

  private static Integer sum(Integer a, Integer b) {
    return (a == null ? 0 : a) + (b == null ? 0 : b);
  }

  @Override
  public String toString() {
    return "TuningRun{" + jobName + (attached ? ", attached" : "") + "}";
  }
}
