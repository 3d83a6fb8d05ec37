package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.remediation.RemediationStep;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The result of one step: its status, what was done, and for a failure the operation and AWS error. */
@Value.Immutable
abstract class AbstractStepResult {
  /** {@return the plan step this result is of} */
  public abstract RemediationStep step();

  /** {@return how the step ended: done or already done, what a dry run found (would succeed, would run), failed, rolled back after a later step failed, or not started} */
  public abstract StepStatus status();

  /** {@return what happened, in a sentence ({@code created vpce-…}, {@code an equal rule exists})} */
  public abstract String detail();

  /** {@return the AWS operation that failed ({@code ec2:AuthorizeSecurityGroupIngress}); for FAILED} */
  public abstract Optional<String> failedOperation();

  /** {@return the AWS error code ({@code UnauthorizedOperation}); for FAILED} */
  public abstract Optional<String> errorCode();

  /** {@return the AWS error message; for FAILED} */
  public abstract Optional<String> errorMessage();

  /** {@return ids of resources this step created ({@code vpce-…}, {@code sg-…})} */
  public abstract List<String> createdIds();

  /**
   * Validates the values when an instance is built (an Immutables {@code @Value.Check}).
   */
  @Value.Check
  protected void check() {
    if (status() == StepStatus.FAILED && (failedOperation().isEmpty() || errorCode().isEmpty())) {
      throw new IllegalStateException("a FAILED step result needs the operation and the error code");
    }
  }
}
