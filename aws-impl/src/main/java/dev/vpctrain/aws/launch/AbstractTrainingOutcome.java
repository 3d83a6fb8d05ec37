package dev.vpctrain.aws.launch;

import dev.vpctrain.aws.diagnosis.FailureDiagnosis;
import java.util.Optional;
import org.immutables.value.Value;

/** How a training job ended: its final status, SageMaker's failure reason and its diagnosis, billed time. */
@Value.Immutable
abstract class AbstractTrainingOutcome {
  /** {@return the job name} */
  public abstract String jobName();

  /** {@return how the job ended: completed, failed, or stopped (by a stop request or its maximum runtime)} */
  public abstract FinalStatus status();

  /** {@return the last secondary status, for example {@code Completed}, {@code Failed} or {@code MaxRuntimeExceeded}} */
  public abstract Optional<String> secondaryStatus();

  /** {@return SageMaker's {@code FailureReason}} */
  public abstract Optional<String> failureReason();

  /** {@return why it failed and which resource is likely at fault (failed jobs only)} */
  public abstract Optional<FailureDiagnosis> diagnosis();

  /** {@return the billable seconds, or empty} */
  public abstract Optional<Integer> billableSeconds();

  /** {@return the training seconds, or empty} */
  public abstract Optional<Integer> trainingSeconds();

  /** {@return {@code ModelArtifacts.S3ModelArtifacts}} */
  public abstract Optional<String> modelArtifacts();

  /** {@return true when the job completed} */
  public boolean isCompleted() {
    return status() == FinalStatus.COMPLETED;
  }

  /** {@return a line for people: {@code Completed in 3600 s (billable 3600 s)} or the failure and its diagnosis} */
  public String render() {
    StringBuilder sb = new StringBuilder("Training job ").append(jobName()).append(' ').append(status());
    secondaryStatus().filter(s -> !s.equalsIgnoreCase(status().name())).ifPresent(s -> sb.append(" (").append(s).append(')'));
    trainingSeconds().ifPresent(s -> sb.append(", trained ").append(s).append(" s"));
    billableSeconds().ifPresent(s -> sb.append(", billable ").append(s).append(" s"));
    failureReason().ifPresent(r -> sb.append("\nFailureReason: ").append(r));
    diagnosis().ifPresent(d -> sb.append('\n').append(d.render()));
    return sb.toString();
  }
}
