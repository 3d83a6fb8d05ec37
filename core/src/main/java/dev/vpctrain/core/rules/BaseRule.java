package dev.vpctrain.core.rules;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A convenient base for rules: id, severity and title fixed at construction, and factories for the
 * rule's PASS, FAIL and UNVERIFIED findings. A custom rule extends it and implements
 * {@link Rule#evaluate(RuleContext)}; add it with {@link RuleEngine.Builder#addRule(Rule)}.
 */
public abstract class BaseRule implements Rule {
  private final String id;
  private final Severity severity;
  private final String title;

  /**
   * Creates the rule.
   *
   * @param id the rule id, for example {@code vpc.example.rule}
   * @param severity the severity of a failing finding
   * @param title what the rule checks, in a few words
   */
  protected BaseRule(String id, Severity severity, String title) {
    this.id = Objects.requireNonNull(id);
    this.severity = Objects.requireNonNull(severity);
    this.title = Objects.requireNonNull(title);
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Severity severity() {
    return severity;
  }

  @Override
  public final String title() {
    return title;
  }

  /**
   * {@return a PASS finding}
   *
   * @param message what was found, in one sentence or more
   * @param resources the resources it names
   */
  protected Finding pass(String message, String... resources) {
    return finding(Outcome.PASS, severity, message, null, resources);
  }

  /**
   * {@return a FAIL finding with the rule's severity}
   *
   * @param message what was found, in one sentence or more
   * @param remediation how to fix it, or {@code null}
   * @param resources the resources it names
   */
  protected Finding fail(String message, String remediation, String... resources) {
    return finding(Outcome.FAIL, severity, message, remediation, resources);
  }

  /**
   * {@return a FAIL finding with another severity (where the rule's page says "WARNING (same id)")}
   *
   * @param severity the severity
   * @param message what was found, in one sentence or more
   * @param remediation how to fix it, or {@code null}
   * @param resources the resources it names
   */
  protected Finding fail(Severity severity, String message, String remediation, String... resources) {
    return finding(Outcome.FAIL, severity, message, remediation, resources);
  }

  /**
   * {@return an UNVERIFIED finding: {@code message} says what is unknown and why}
   *
   * @param message what was found, in one sentence or more
   * @param remediation how to fix it, or {@code null}
   * @param resources the resources it names
   */
  protected Finding unverified(String message, String remediation, String... resources) {
    return finding(Outcome.UNVERIFIED, severity, message, remediation, resources);
  }

  /**
   * {@return a finding of any outcome and severity}
   *
   * @param outcome the outcome
   * @param severity the severity
   * @param message what was found, in one sentence or more
   * @param remediation how to fix it, or {@code null}
   * @param resources the resources it names
   */
  protected Finding finding(Outcome outcome, Severity severity, String message, String remediation, String... resources) {
    Finding.Builder b = Finding.builder()
        .ruleId(id)
        .severity(severity)
        .outcome(outcome)
        .message(message)
        .resources(Arrays.asList(resources));
    if (remediation != null) {
      b.remediation(remediation);
    }
    return b.build();
  }

  /**
   * {@return a finding list of one}
   *
   * @param f the finding
   */
  protected static List<Finding> one(Finding f) {
    return List.of(f);
  }

  @Override
  public String toString() {
    return id;
  }
}
