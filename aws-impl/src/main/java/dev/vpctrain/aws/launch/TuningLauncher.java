package dev.vpctrain.aws.launch;

import dev.vpctrain.aws.diagnosis.FailureDiagnoser;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.aws.job.RequestDifference;
import dev.vpctrain.aws.job.TuningJobRequests;
import dev.vpctrain.aws.monitor.LogTail;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.TuningJobSpec;
import dev.vpctrain.core.report.PreflightReport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;

/**
 * The launch sequence of a hyperparameter tuning job behind
 * {@code VpcTrain.launch(CreateHyperParameterTuningJobRequest)}: as for processing jobs, attach to an
 * identical existing tuning job or refuse a different one, gate on the preflight of every definition
 * (with the parallel check of {@code subnet.ip-capacity}), then {@code CreateHyperParameterTuningJob}.
 */
public final class TuningLauncher {
  private static final String CREATE = "sagemaker:CreateHyperParameterTuningJob";
  private static final String DESCRIBE = "sagemaker:DescribeHyperParameterTuningJob";
  /** The request members {@code DescribeHyperParameterTuningJob} returns as they were sent. */
  private static final List<String> COMPARED = List.of("HyperParameterTuningJobConfig", "TrainingJobDefinition",
      "TrainingJobDefinitions", "WarmStartConfig");

  private final SageMakerClient sageMaker;
  private final Function<TuningJobSpec, PreflightReport> preflight;
  private final LaunchPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Function<TuningJobSpec, FailureDiagnoser> diagnosers;
  private final Function<String, LogTail> logTails;
  private final CloudWatchClient cloudWatch;

  /**
   * A launcher.
   *
   * @param sageMaker the SageMaker client jobs are created and described with
   * @param preflight the preflight of a tuning job: network discovery and the rules for every definition
   * @param policy which findings block a launch
   * @param clock the clock of the waits
   * @param sleeper how the waits sleep
   * @param initialDelay the first delay between polls
   * @param maxDelay the longest delay between polls
   * @param diagnosers how a tuning job's failed training jobs are diagnosed: a preflight re-run checks the whole tuning
   *     job, so that the parallel training jobs count together
   * @param logTails the tail of a training job's logs by its name; null without a CloudWatch Logs client
   * @param cloudWatch the client training jobs' instance metrics are read with; null for none
   */
  public TuningLauncher(SageMakerClient sageMaker, Function<TuningJobSpec, PreflightReport> preflight, LaunchPolicy policy,
      Clock clock, Sleeper sleeper, Duration initialDelay, Duration maxDelay, Function<TuningJobSpec, FailureDiagnoser> diagnosers,
      Function<String, LogTail> logTails, CloudWatchClient cloudWatch) {
    this.sageMaker = Objects.requireNonNull(sageMaker, "sageMaker");
    this.preflight = Objects.requireNonNull(preflight, "preflight");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
    this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
    this.diagnosers = Objects.requireNonNull(diagnosers, "diagnosers");
    this.logTails = logTails;
    this.cloudWatch = cloudWatch;
  }

  /**
   * Launches {@code request} behind the preflight gate, or attaches to the identical existing tuning job.
   *
   * @param request the request, sent as given
   * @param requirements adds the training code's needs (services, destinations, acceptances) to every definition
   * @return the run of the created tuning job
   * @throws PreflightFailedException when the policy refuses the preflight's findings (nothing created)
   * @throws JobConflictException when a different tuning job of the same name exists
   * @throws LaunchException when SageMaker refuses or fails the call
   */
  public TuningRun launch(CreateHyperParameterTuningJobRequest request, UnaryOperator<TrainingJobSpec> requirements) {
    TuningJobSpec spec = TuningJobRequests.toSpec(request).withEachWorkload(requirements);
    GatedLaunch.Launched l = new GatedLaunch<DescribeHyperParameterTuningJobResponse>("tuning job", CREATE)
        .launch(spec, preflight, policy, new GatedLaunch.Api<>() {
          @Override
          public Optional<DescribeHyperParameterTuningJobResponse> describeIfExists(String name) {
            return TuningLauncher.this.describeIfExists(name);
          }

          @Override
          public List<RequestDifference> differences(DescribeHyperParameterTuningJobResponse existing) {
            return ProcessingLauncher.differences(SdkJson.toJson(request), SdkJson.toJson(existing), COMPARED);
          }

          @Override
          public String arn(DescribeHyperParameterTuningJobResponse existing) {
            return existing.hyperParameterTuningJobArn();
          }

          @Override
          public String status(DescribeHyperParameterTuningJobResponse existing) {
            return existing.hyperParameterTuningJobStatusAsString();
          }

          @Override
          public String create() {
            return sageMaker.createHyperParameterTuningJob(request).hyperParameterTuningJobArn();
          }
        });
    return new TuningRun(spec.name(), l.arn(), spec, l.report(), l.attached(), sageMaker, clock, sleeper, initialDelay,
        maxDelay, diagnosers.apply(spec), logTails, cloudWatch);
  }

  /**
   * {@return a run of the existing tuning job {@code spec} names, for following it (no preflight, nothing created)}
   *
   * @param spec the tuning job, as its description gives it
   * @param arn the tuning job's ARN
   */
  public TuningRun attached(TuningJobSpec spec, String arn) {
    return new TuningRun(spec.name(), arn, spec, null, true, sageMaker, clock, sleeper, initialDelay, maxDelay, diagnosers.apply(spec),
        logTails, cloudWatch);
  }

  private Optional<DescribeHyperParameterTuningJobResponse> describeIfExists(String name) {
    return GatedLaunch.describeIfExists(DESCRIBE, () -> sageMaker.describeHyperParameterTuningJob(
        DescribeHyperParameterTuningJobRequest.builder().hyperParameterTuningJobName(name).build()));
  }
}
