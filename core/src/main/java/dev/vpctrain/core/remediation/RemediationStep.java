package dev.vpctrain.core.remediation;

import java.util.List;
import java.util.Objects;

/**
 * One step of a plan: the findings it fixes, the exact change, and whether it is optional
 * hardening (INFO advice that narrows access, applied only on request).
 */
public record RemediationStep(int number, List<String> fixes, String title, String why, Change change, boolean optional) {
  /**
   * Copies the list of fixed rules and checks that no text is null.
   *
   * @param number the number
   * @param fixes the fixes
   * @param title the title
   * @param why the why
   * @param change the change
   * @param optional the optional
   */
  public RemediationStep {
    fixes = List.copyOf(fixes);
    Objects.requireNonNull(title);
    Objects.requireNonNull(why);
    Objects.requireNonNull(change);
  }

  /** {@return true when the step is advice for a person rather than an API call} */
  public boolean isAdvice() {
    return change instanceof Change.Advice;
  }

  /** {@return the AWS call the step makes ({@code ec2:CreateVpcEndpoint}); empty for advice} */
  public String operation() {
    return change.operation();
  }

  /** {@return true when the step can be undone} */
  public boolean reversible() {
    return change.reversible();
  }

  /** {@return the equivalent AWS CLI command, or the advice text} */
  public String command() {
    return Commands.of(change);
  }
}
