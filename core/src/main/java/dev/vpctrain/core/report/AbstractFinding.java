package dev.vpctrain.core.report;

import dev.vpctrain.core.BuildInfo;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One outcome of one rule: what, where, why, and how to fix it. A {@link PreflightReport} holds the
 * findings of every rule; each is PASS, FAIL or UNVERIFIED ({@link #outcome()}) at the rule's
 * {@link #severity()}.
 */
@Value.Immutable
abstract class AbstractFinding {
  /** {@return the rule id, for example {@code s3.route.missing}} */
  public abstract String ruleId();

  /** {@return how much the check matters: an ERROR that fails makes the verdict NOT_READY; WARNING and INFO do not} */
  public abstract Severity severity();

  /** {@return PASS, FAIL, or UNVERIFIED when the snapshot lacks the data to decide} */
  public abstract Outcome outcome();

  /** {@return the exact resource ids concerned, most specific first} */
  public abstract List<String> resources();

  /** {@return what is wrong (or right), in one sentence naming the resources} */
  public abstract String message();

  /** {@return the fix: a console step, an AWS CLI command or the policy JSON to use} */
  public abstract Optional<String> remediation();

  /**
   * The training job definitions of a tuning job this finding is about: one {@code DefinitionName} (or
   * {@code TrainingJobDefinitions[i]}), or several joined with {@code ", "}; empty when it holds for the
   * whole job (every definition alike, or a training or processing job).
   *
   * @return the definitions, or empty
   */
  public abstract Optional<String> definition();

  /**
   * How this finding merges with others of the same cause into one finding (several job subnets
   * behind one route table, for example); empty for a finding that stands alone. Not part of the
   * JSON or SARIF report, which show the merged finding.
   *
   * @return the grouping, or empty
   */
  public abstract Optional<Grouping> grouping();

  /**
   * The rule's documentation page: {@code <id>.md} under the URL the build publishes the rule pages
   * at ({@link dev.vpctrain.core.BuildInfo#ruleDocUrl}); {@code docs/rules/<id>.md}, the page in the source tree, in a
   * build that did not set that URL.
   *
   * @return the page's URL, or its path in the source tree
   */
  @Value.Default
  public String doc() {
    return docUrl(ruleId());
  }

  /** The page of rule {@code ruleId}, as {@link #doc()} gives it. */
  static String docUrl(String ruleId) {
    String base = BuildInfo.docsBaseUrl();
    if (base.isBlank() || base.contains("${")) {
      return "docs/rules/" + ruleId + ".md";
    }
    return BuildInfo.ruleDocUrl(ruleId);
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
   * Checks the values when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalArgumentException when a finding that is not UNVERIFIED is marked accepted
   */
  @Value.Check
  protected void check() {
    if (accepted() && outcome() != Outcome.UNVERIFIED) {
      throw new IllegalArgumentException("only an UNVERIFIED finding can be accepted, but " + ruleId() + " is "
          + outcome());
    }
  }
}
