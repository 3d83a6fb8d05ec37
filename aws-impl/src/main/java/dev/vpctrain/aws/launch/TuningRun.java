package dev.vpctrain.aws.launch;

import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.core.job.TuningJobSpec;
import dev.vpctrain.core.report.PreflightReport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatusCounters;

/**
 * A hyperparameter tuning job that {@code VpcTrain.launch(CreateHyperParameterTuningJobRequest)} created
 * (or attached to): describe it, or {@link #await} its end, told each time its status, its training
 * jobs' counts or its best training job change; {@link #summary} says it in a line.
 */
public final class TuningRun {
  private static final String DESCRIBE = "sagemaker:DescribeHyperParameterTuningJob";

  private final String jobName;
  private final String jobArn;
  private final TuningJobSpec spec;
  private final PreflightReport preflight;
  private final boolean attached;
  private final SageMakerClient sageMaker;
  private final StatusPoller poller;

  TuningRun(String jobName, String jobArn, TuningJobSpec spec, PreflightReport preflight, boolean attached,
      SageMakerClient sageMaker, Clock clock, Sleeper sleeper, Duration initialDelay, Duration maxDelay) {
    this.jobName = Objects.requireNonNull(jobName);
    this.jobArn = jobArn;
    this.spec = spec;
    this.preflight = preflight;
    this.attached = attached;
    this.sageMaker = sageMaker;
    this.poller = new StatusPoller(clock, sleeper, initialDelay, maxDelay);
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
    return poller.await("tuning job", jobName, this::describe,
        DescribeHyperParameterTuningJobResponse::hyperParameterTuningJobStatusAsString, TuningRun::summary, onChange,
        () -> { }, timeout);
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
