package dev.vpctrain.aws.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.diagnosis.FailureDiagnoser;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.aws.job.ProcessingJobRequests;
import dev.vpctrain.aws.job.RequestDifference;
import dev.vpctrain.aws.monitor.LogTail;
import dev.vpctrain.core.job.ProcessingJobSpec;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.PreflightReport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;

/**
 * The launch sequence of a processing job behind {@code VpcTrain.launch(CreateProcessingJobRequest)}, as
 * {@link TrainingLauncher} does it for training jobs: attach to an existing job of the same name and
 * request (or refuse a different one); run the preflight on the request's workload and let the
 * {@link LaunchPolicy} gate it; then {@code CreateProcessingJob}, treating {@code ResourceInUse} as
 * "maybe created by an earlier attempt". Nothing is created unless every earlier step succeeded.
 */
public final class ProcessingLauncher {
  private static final String CREATE = "sagemaker:CreateProcessingJob";
  private static final String DESCRIBE = "sagemaker:DescribeProcessingJob";
  /** The request members {@code DescribeProcessingJob} returns as they were sent. */
  private static final List<String> COMPARED = List.of("ProcessingInputs", "ProcessingOutputConfig", "ProcessingResources",
      "StoppingCondition", "AppSpecification", "Environment", "NetworkConfig", "RoleArn");

  private final SageMakerClient sageMaker;
  private final Function<ProcessingJobSpec, PreflightReport> preflight;
  private final LaunchPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final FailureDiagnoser diagnoser;
  private final Function<String, LogTail> logTails;
  private final CloudWatchClient cloudWatch;

  /**
   * A launcher.
   *
   * @param sageMaker the SageMaker client jobs are created and described with
   * @param preflight the preflight of a job's workload: network discovery and the rules
   * @param policy which findings block a launch
   * @param clock the clock of the waits
   * @param sleeper how the waits sleep
   * @param initialDelay the first delay between polls
   * @param maxDelay the longest delay between polls
   * @param diagnoser how a failed job's failure reason is diagnosed
   * @param logTails the tail of a job's logs by its name; null without a CloudWatch Logs client
   * @param cloudWatch the client instance metrics are read with; null for none
   */
  public ProcessingLauncher(SageMakerClient sageMaker, Function<ProcessingJobSpec, PreflightReport> preflight,
      LaunchPolicy policy, Clock clock, Sleeper sleeper, Duration initialDelay, Duration maxDelay, FailureDiagnoser diagnoser,
      Function<String, LogTail> logTails, CloudWatchClient cloudWatch) {
    this.sageMaker = Objects.requireNonNull(sageMaker, "sageMaker");
    this.preflight = Objects.requireNonNull(preflight, "preflight");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
    this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
    this.diagnoser = Objects.requireNonNull(diagnoser, "diagnoser");
    this.logTails = logTails;
    this.cloudWatch = cloudWatch;
  }

  /**
   * Launches {@code request} behind the preflight gate, or attaches to the identical existing job.
   *
   * @param request the request, as {@code aws sagemaker create-processing-job} would send it
   * @return the run of the created job
   * @throws PreflightFailedException when the policy refuses the preflight's findings (nothing created)
   * @throws JobConflictException when a different processing job of the same name exists
   * @throws LaunchException when SageMaker refuses or fails the call
   */
  public ProcessingRun launch(CreateProcessingJobRequest request) {
    return launch(request, UnaryOperator.identity());
  }

  /**
   * Launches {@code request} as {@link #launch(CreateProcessingJobRequest)} does, with the code's needs beyond the
   * request added to the workload the preflight checks.
   *
   * @param request the request, sent as given
   * @param requirements adds the code's needs (services, destinations, acceptances) to the request's workload
   * @return the run of the created job
   * @throws PreflightFailedException when the policy refuses the preflight's findings (nothing created)
   * @throws JobConflictException when a different processing job of the same name exists
   * @throws LaunchException when SageMaker refuses or fails the call
   */
  public ProcessingRun launch(CreateProcessingJobRequest request, UnaryOperator<TrainingJobSpec> requirements) {
    ProcessingJobSpec spec = ProcessingJobRequests.toSpec(request).withEachWorkload(requirements);
    GatedLaunch.Launched l = new GatedLaunch<DescribeProcessingJobResponse>("processing job", CREATE)
        .launch(spec, preflight, policy, new GatedLaunch.Api<>() {
          @Override
          public Optional<DescribeProcessingJobResponse> describeIfExists(String name) {
            return ProcessingLauncher.this.describeIfExists(name);
          }

          @Override
          public List<RequestDifference> differences(DescribeProcessingJobResponse existing) {
            return ProcessingLauncher.differences(request, existing);
          }

          @Override
          public String arn(DescribeProcessingJobResponse existing) {
            return existing.processingJobArn();
          }

          @Override
          public String status(DescribeProcessingJobResponse existing) {
            return existing.processingJobStatusAsString();
          }

          @Override
          public String create() {
            return sageMaker.createProcessingJob(request).processingJobArn();
          }
        });
    return new ProcessingRun(spec.name(), l.arn(), spec, l.report(), l.attached(), sageMaker, clock, sleeper, initialDelay,
        maxDelay, diagnoser, logTails, cloudWatch);
  }

  /**
   * {@return a run of the existing job {@code spec} names, for following it (no preflight, nothing created)}
   *
   * @param spec the job, as its description gives it
   * @param arn the job's ARN
   */
  public ProcessingRun attached(ProcessingJobSpec spec, String arn) {
    return new ProcessingRun(spec.name(), arn, spec, null, true, sageMaker, clock, sleeper, initialDelay, maxDelay,
        diagnoser, logTails, cloudWatch);
  }

  /** The members of the request that the existing job has otherwise (absent members count as empty). */
  static List<RequestDifference> differences(CreateProcessingJobRequest request, DescribeProcessingJobResponse existing) {
    return differences(SdkJson.toJson(request), SdkJson.toJson(existing), COMPARED);
  }

  /** The members of {@code compared} that differ between a request and a description (absent members count as empty). */
  static List<RequestDifference> differences(ObjectNode req, ObjectNode ex, List<String> compared) {
    List<RequestDifference> out = new ArrayList<>();
    for (String member : compared) {
      JsonNode a = req.get(member);
      JsonNode b = ex.get(member);
      boolean emptyA = a == null || (a.isEmpty() && (a.isArray() || a.isObject()));
      boolean emptyB = b == null || (b.isEmpty() && (b.isArray() || b.isObject()));
      if (emptyA && emptyB) {
        continue;
      }
      if (emptyA || emptyB || !a.equals(b)) {
        out.add(RequestDifference.of(member, emptyA ? null : a.toString(), emptyB ? null : b.toString()));
      }
    }
    return out;
  }

  private Optional<DescribeProcessingJobResponse> describeIfExists(String name) {
    return GatedLaunch.describeIfExists(DESCRIBE, () -> sageMaker.describeProcessingJob(
        DescribeProcessingJobRequest.builder().processingJobName(name).build()));
  }
}
