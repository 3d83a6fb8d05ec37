package dev.vpctrain.core.remediation;

import java.util.List;
import java.util.Objects;

/**
 * One step of a plan: the findings it fixes, the exact change, and whether it is optional
 * hardening (INFO advice that narrows access, applied only on request).
 */
public record RemediationStep(int number, List<String> fixes, String title, String why, Change change, boolean optional) {
  public RemediationStep {
    fixes = List.copyOf(fixes);
    Objects.requireNonNull(title);
    Objects.requireNonNull(why);
    Objects.requireNonNull(change);
  }

  /** True when the step is advice for a person rather than an API call. */
  public boolean isAdvice() {
    return change instanceof Change.Advice;
  }

  /** The AWS call the step makes ({@code ec2:CreateVpcEndpoint}); empty for advice. */
  public String operation() {
    return change.operation();
  }

  public boolean reversible() {
    return change.reversible();
  }

  /** The equivalent AWS CLI command, or the advice text. */
  public String command() {
    return Commands.of(change);
  }
}
