package dev.vpctrain.core.report;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One outcome of one rule: what, where, why, and how to fix it. */
@Value.Immutable
abstract class AbstractFinding {
  /** {@return the rule id, for example {@code s3.route.missing}} */
  public abstract String ruleId();

  /** {@return the severity} */
  public abstract Severity severity();

  /** {@return the outcome} */
  public abstract Outcome outcome();

  /** {@return the exact resource ids concerned, most specific first} */
  public abstract List<String> resources();

  /** {@return what is wrong (or right), in one sentence naming the resources} */
  public abstract String message();

  /** {@return the fix: a console step, an AWS CLI command or the policy JSON to use} */
  public abstract Optional<String> remediation();

  /** {@return the rule's documentation page: {@code docs/rules/<id>.md}} */
  @Value.Default
  public String doc() {
    return "docs/rules/" + ruleId() + ".md";
  }

  /**
   * {@return true for an UNVERIFIED finding the user accepted ({@link Acceptance}): it stays in the report
   * but does not hold the verdict back} Only an UNVERIFIED finding can be accepted.
   */
  @Value.Default
  public boolean accepted() {
    return false;
  }

  /** {@return true when the outcome is FAIL} */
  public boolean isFail() {
    return outcome() == Outcome.FAIL;
  }

  /** {@return true when the outcome is UNVERIFIED} */
  public boolean isUnverified() {
    return outcome() == Outcome.UNVERIFIED;
  }

  /**
   * Validates the values when an instance is built (an Immutables {@code @Value.Check}).
   */
  @Value.Check
  protected void check() {
    if (accepted() && outcome() != Outcome.UNVERIFIED) {
      throw new IllegalArgumentException("only an UNVERIFIED finding can be accepted, but " + ruleId() + " is "
          + outcome());
    }
  }
}
