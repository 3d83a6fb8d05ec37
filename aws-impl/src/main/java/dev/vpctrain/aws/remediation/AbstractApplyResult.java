package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.remediation.RemediationStep;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * What applying a plan did: one result per executable step, in order. After a failure the rest
 * are {@link StepStatus#NOT_STARTED}; applying again (ideally from a fresh plan) completes them.
 */
@Value.Immutable
abstract class AbstractApplyResult {
  /** {@return the job name} */
  public abstract String jobName();

  /** {@return the AWS region the plan was applied in, for example {@code us-east-1}} */
  public abstract String region();

  /** {@return true when nothing was changed: a dry run} */
  public abstract boolean dryRun();

  /** {@return one result per executable step, in plan order} */
  public abstract List<StepResult> results();

  /** {@return steps for a person (advice), not applied} */
  public abstract List<RemediationStep> advice();

  /** {@return optional steps left out because optional hardening was not requested} */
  public abstract List<RemediationStep> skippedOptional();

  /** {@return IAM steps (the role's inline policy) left out because IAM changes were not requested ({@code --include-iam})} */
  public abstract List<RemediationStep> skippedIam();

  /** {@return the failed step, if any} */
  public Optional<StepResult> failure() {
    return results().stream().filter(r -> r.status() == StepStatus.FAILED).findFirst();
  }

  /** {@return true when no step failed (in a dry run: no dry-run call was refused)} */
  public boolean succeeded() {
    return failure().isEmpty();
  }

  /** {@return true when this run changed something in the account} */
  public boolean changedAnything() {
    return results().stream().anyMatch(r -> r.status() == StepStatus.DONE);
  }

  /**
   * The step results with one status.
   *
   * @param status the status
   * @return the step results with that status, in plan order
   */
  public List<StepResult> withStatus(StepStatus status) {
    return results().stream().filter(r -> r.status() == status).collect(Collectors.toUnmodifiableList());
  }

  /** {@return the result for people: a summary line, then one line per step} */
  public String render() {
    return ApplyText.render((ApplyResult) this);
  }
}
