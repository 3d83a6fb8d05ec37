package dev.vpctrain.aws.support;

import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.core.job.TrainingJobSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;

/** DescribeTrainingJob responses for a job as SageMaker would return them while it runs. */
public final class Describes {
  public static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

  private final TrainingJobSpec job;
  private final List<SecondaryStatusTransition> transitions = new ArrayList<>();

  public Describes(TrainingJobSpec job) {
    this.job = job;
  }

  /** Adds a transition starting {@code minute} minutes after T0 (ending the previous one). */
  public Describes transition(String status, int minute, String message) {
    Instant at = T0.plusSeconds(60L * minute);
    if (!transitions.isEmpty()) {
      SecondaryStatusTransition last = transitions.remove(transitions.size() - 1);
      transitions.add(last.toBuilder().endTime(at).build());
    }
    transitions.add(SecondaryStatusTransition.builder().status(status).startTime(at).statusMessage(message).build());
    return this;
  }

  /** Changes the message of the current transition. */
  public Describes message(String message) {
    SecondaryStatusTransition last = transitions.remove(transitions.size() - 1);
    transitions.add(last.toBuilder().statusMessage(message).build());
    return this;
  }

  public DescribeTrainingJobResponse now(String status) {
    return now(status, null);
  }

  public DescribeTrainingJobResponse now(String status, String failureReason) {
    CreateTrainingJobRequest r = TrainingJobRequests.toRequest(job);
    DescribeTrainingJobResponse.Builder b = DescribeTrainingJobResponse.builder()
        .trainingJobName(job.name())
        .trainingJobArn("arn:aws:sagemaker:us-east-1:123456789012:training-job/" + job.name())
        .trainingJobStatus(status)
        .failureReason(failureReason)
        .creationTime(T0)
        .lastModifiedTime(transitions.isEmpty() ? T0 : transitions.get(transitions.size() - 1).startTime())
        .secondaryStatusTransitions(new ArrayList<>(transitions))
        .algorithmSpecification(r.algorithmSpecification())
        .roleArn(r.roleArn())
        .inputDataConfig(r.inputDataConfig())
        .outputDataConfig(r.outputDataConfig().toBuilder().compressionType("GZIP").build())
        .resourceConfig(r.resourceConfig())
        .vpcConfig(r.vpcConfig())
        .stoppingCondition(r.stoppingCondition())
        .enableNetworkIsolation(r.enableNetworkIsolation())
        .enableInterContainerTrafficEncryption(r.enableInterContainerTrafficEncryption())
        .enableManagedSpotTraining(false);
    if (!transitions.isEmpty()) {
      b.secondaryStatus(transitions.get(transitions.size() - 1).statusAsString());
    }
    if (status.equals("Completed") || status.equals("Failed") || status.equals("Stopped")) {
      Instant end = transitions.isEmpty() ? T0 : transitions.get(transitions.size() - 1).startTime();
      b.trainingEndTime(end).trainingStartTime(T0.plusSeconds(60)).trainingTimeInSeconds(1200).billableTimeInSeconds(1260);
    }
    return b.build();
  }
}
