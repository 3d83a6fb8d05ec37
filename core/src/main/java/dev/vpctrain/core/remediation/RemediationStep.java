package dev.vpctrain.core.remediation;

import java.util.List;
import java.util.Objects;

/**
 * One step of a plan: the findings it fixes, the exact change, and whether it is optional
 * hardening (INFO advice that narrows access, applied only on request).
 *
 * @param number the step's number in its plan, from 1
 * @param fixes the ids of the rules whose findings the step fixes, for example {@code s3.route.missing}
 * @param title what the step does, in one line
 * @param why why it is needed: the findings it fixes, in a sentence
 * @param change the exact AWS change, or advice for a person ({@link Change.Advice})
 * @param optional true for optional hardening, applied only on request
 */
public record RemediationStep(int number, List<String> fixes, String title, String why, Change change, boolean optional) {
  /**
   * Creates a step, copying the list of fixed rules.
   *
   * @param number the step's number in its plan, from 1
   * @param fixes the ids of the rules whose findings the step fixes
   * @param title what the step does, in one line
   * @param why why it is needed, in a sentence
   * @param change the exact AWS change, or advice for a person
   * @param optional true for optional hardening, applied only on request
   * @throws NullPointerException when a list, the title, the reason or the change is null
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

  /** {@return true when the step can be undone (a created resource deleted, a policy put back); see {@link Change#reversible()}} */
  public boolean reversible() {
    return change.reversible();
  }

  /** {@return the equivalent AWS CLI v2 command, for a person to run or review; the advice text for advice} */
  public String command() {
    return Commands.of(change);
  }
}
