package dev.vpctrain.core.report;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The user's word that an UNVERIFIED check is fine, for what the snapshot cannot show (a transit
 * gateway that works, an on-premises DNS server): a rule id, and optionally one resource id.
 * {@code rule} accepts every UNVERIFIED finding of that rule; {@code rule=resource} only those whose
 * {@link Finding#resources()} contain the resource. An accepted finding stays in the report, marked
 * {@link Finding#accepted()}, and no longer holds the verdict back. A FAIL is never accepted.
 */
@Value.Immutable
abstract class AbstractAcceptance {
  /** {@return the rule id, for example {@code s3.route.unmodeled}} */
  public abstract String ruleId();

  /** {@return the one resource id the acceptance is limited to; empty accepts every finding of the rule} */
  public abstract Optional<String> resource();

  /**
   * Accepts every UNVERIFIED finding of {@code ruleId}.
   *
   * @param ruleId the rule id, for example {@code s3.route.unmodeled}
   * @return the acceptance
   * @throws IllegalArgumentException for a blank rule id, or one with white space or {@code =}
   */
  public static Acceptance of(String ruleId) {
    return Acceptance.builder().ruleId(ruleId).build();
  }

  /**
   * Accepts the UNVERIFIED findings of {@code ruleId} that name {@code resource}.
   *
   * @param ruleId the rule id, for example {@code s3.route.unmodeled}
   * @param resource the resource id the findings must name, for example {@code subnet-0a1b2c3d4e5f60718}
   * @return the acceptance
   * @throws IllegalArgumentException for a blank rule id or resource, or a rule id with white space or {@code =}
   */
  public static Acceptance of(String ruleId, String resource) {
    return Acceptance.builder().ruleId(ruleId).resource(resource).build();
  }

  /**
   * Parses {@code rule} or {@code rule=resource}, as {@code --accept-unverified} takes it.
   *
   * @param text the acceptance as written on the command line, for example
   *     {@code s3.route.unmodeled=subnet-0a1b2c3d4e5f60718}; surrounding white space is ignored
   * @return the acceptance
   * @throws IllegalArgumentException for a blank rule id or resource
   */
  public static Acceptance parse(String text) {
    String t = text.trim();
    int eq = t.indexOf('=');
    if (eq < 0) {
      return of(t);
    }
    return of(t.substring(0, eq).trim(), t.substring(eq + 1).trim());
  }

  /**
   * {@return true when {@code finding} is of this rule and, if a resource is named, names it; any outcome}
   *
   * @param finding a finding of any rule
   */
  public boolean matches(Finding finding) {
    return finding.ruleId().equals(ruleId())
        && resource().map(r -> finding.resources().contains(r)).orElse(true);
  }

  /**
   * {@return true when this acceptance accepts {@code finding}: it {@link #matches} and is UNVERIFIED}
   *
   * @param finding a finding of any rule
   */
  public boolean accepts(Finding finding) {
    return finding.isUnverified() && matches(finding);
  }

  /**
   * Checks the values when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalArgumentException when the rule id is blank or holds white space or {@code =}, or the
   *     resource is blank
   */
  @Value.Check
  protected void check() {
    if (ruleId().isBlank() || ruleId().chars().anyMatch(c -> Character.isWhitespace(c) || c == '=')) {
      throw new IllegalArgumentException("expected a rule id such as s3.route.unmodeled, optionally =RESOURCE, "
          + "but the rule id was '" + ruleId() + "'");
    }
    if (resource().isPresent() && resource().get().isBlank()) {
      throw new IllegalArgumentException("expected RULE=RESOURCE with a resource id after '=' for rule "
          + ruleId());
    }
  }

  /** {@code rule} or {@code rule=resource}, as it is written on the command line. */
  @Override
  public String toString() {
    return ruleId() + resource().map(r -> "=" + r).orElse("");
  }
}
