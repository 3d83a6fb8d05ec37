package dev.vpctrain.testkit.assertions;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one {@link Finding}. */
public final class FindingAssert extends AbstractAssert<FindingAssert, Finding> {
  FindingAssert(Finding actual) {
    super(actual, FindingAssert.class);
  }

  /**
   * The finding names every one of {@code resourceIds}.
   *
   * @param resourceIds the resource ids
   * @return this assertion
   */
  public FindingAssert naming(String... resourceIds) {
    isNotNull();
    List<String> missing = new ArrayList<>(Arrays.asList(resourceIds));
    missing.removeAll(actual.resources());
    if (!missing.isEmpty()) {
      failWithMessage("Expected finding %s to name %s but it names %s (message: %s)", actual.ruleId(), missing,
          actual.resources(), actual.message());
    }
    return this;
  }

  /**
   * Checks the severity.
   *
   * @param severity the severity
   * @return this assertion
   */
  public FindingAssert withSeverity(Severity severity) {
    isNotNull();
    if (actual.severity() != severity) {
      failWithMessage("Expected finding %s to have severity %s but was %s", actual.ruleId(), severity, actual.severity());
    }
    return this;
  }

  /**
   * Checks the outcome.
   *
   * @param outcome the outcome
   * @return this assertion
   */
  public FindingAssert withOutcome(Outcome outcome) {
    isNotNull();
    if (actual.outcome() != outcome) {
      failWithMessage("Expected finding %s to be %s but was %s", actual.ruleId(), outcome, actual.outcome());
    }
    return this;
  }

  /**
   * Checks that the message contains a text.
   *
   * @param text the text
   * @return this assertion
   */
  public FindingAssert withMessageContaining(String text) {
    isNotNull();
    if (!actual.message().contains(text)) {
      failWithMessage("Expected the message of %s to contain %s but was: %s", actual.ruleId(), text, actual.message());
    }
    return this;
  }

  /**
   * Checks that the remediation contains a text.
   *
   * @param text the text
   * @return this assertion
   */
  public FindingAssert withRemediationContaining(String text) {
    isNotNull();
    String remediation = actual.remediation().orElse("");
    if (!remediation.contains(text)) {
      failWithMessage("Expected the remediation of %s to contain %s but was: %s", actual.ruleId(), text,
          actual.remediation().orElse("(none)"));
    }
    return this;
  }
}
