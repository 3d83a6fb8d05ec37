package dev.vpctrain.testkit.sagemaker;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.PreflightReport;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;

/**
 * A training job the fake SageMaker accepted, as a test inspects it: the request exactly as sent,
 * the vpctrain spec and preflight the simulator judged it with, the finding that decided its
 * failure, and its state now (virtual time).
 */
public final class FakeTrainingJob {
  private final SimulatedJob job;
  private final Clock clock;

  FakeTrainingJob(SimulatedJob job, Clock clock) {
    this.job = job;
    this.clock = clock;
  }

  /** {@return {@code TrainingJobName} as the job was created} */
  public String name() {
    return job.name;
  }

  /** {@return the job's ARN as {@code CreateTrainingJob} answered it: {@code arn:aws:sagemaker:<region>:<account>:training-job/<name in lower case>}} */
  public String arn() {
    return job.arn;
  }

  /** {@return the {@code CreateTrainingJob} request as the caller sent it} */
  public CreateTrainingJobRequest request() {
    return job.request;
  }

  /** {@return the request as vpctrain reads it (plus what a script said the training code requires)} */
  public TrainingJobSpec spec() {
    return job.spec;
  }

  /** {@return the preflight of the request on the world's network when it was created} */
  public PreflightReport preflight() {
    return job.report;
  }

  /** {@return the ERROR finding that makes the job fail, if the network decided its failure} */
  public Optional<Finding> cause() {
    return job.plan.cause;
  }

  /** {@return the creation time} */
  public Instant creationTime() {
    return job.created;
  }

  /** {@return {@code TrainingJobStatus} now: InProgress, Completed, Failed, Stopping, Stopped} */
  public String status() {
    return job.statusAt(clock.instant());
  }

  /** {@return {@code SecondaryStatus} now} */
  public String secondaryStatus() {
    return job.stepAt(clock.instant()).status();
  }

  /** {@return {@code FailureReason} now (present once the job has failed)} */
  public Optional<String> failureReason() {
    return job.failureReasonAt(clock.instant());
  }

  /** {@return the status the job will end with unless stopped: Completed, Failed or Stopped} */
  public String finalStatus() {
    return job.statusAt(job.end());
  }

  /** {@return the failure reason the job will end with, if it will fail} */
  public Optional<String> finalFailureReason() {
    return job.failureReasonAt(job.end());
  }

  /**
   * When the job ends (its last status transition) in virtual time.
   *
   * @return when the job ended, on the virtual clock
   */
  public Instant endTime() {
    return job.end();
  }

  /** {@return true once the job has completed, failed or stopped} */
  public boolean hasEnded() {
    return job.endedAt(clock.instant());
  }

  @Override
  public String toString() {
    return "FakeTrainingJob{" + job.name + ", " + status() + "/" + secondaryStatus() + "}";
  }
}
