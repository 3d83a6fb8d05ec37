package dev.vpctrain.aws.launch;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the launch gate lets through. A failing ERROR (verdict NOT_READY) is always refused; this
 * policy decides undecided ERRORs (verdict UNVERIFIED) and failing WARNINGs. The
 * {@link #standard()} policy refuses UNVERIFIED and allows warnings. An UNVERIFIED finding the user
 * accepted ({@code TrainingJobSpec.Builder.acceptUnverified}) never blocks: a report whose only
 * undecided ERRORs are accepted is READY and launches under any policy.
 */
public final class LaunchPolicy {
  /** What to do with a kind of finding. */
  public enum Decision {
    ALLOW,
    REFUSE
  }

  private final Decision unverified;
  private final Decision warnings;

  private LaunchPolicy(Decision unverified, Decision warnings) {
    this.unverified = Objects.requireNonNull(unverified, "unverified");
    this.warnings = Objects.requireNonNull(warnings, "warnings");
  }

  /** Refuse UNVERIFIED, allow warnings. */
  public static LaunchPolicy standard() {
    return new LaunchPolicy(Decision.REFUSE, Decision.ALLOW);
  }

  /** A policy deciding undecided ERRORs and failing WARNINGs as given. */
  public static LaunchPolicy of(Decision unverified, Decision warnings) {
    return new LaunchPolicy(unverified, warnings);
  }

  /** This policy, with undecided ERRORs decided {@code decision}. */
  public LaunchPolicy unverified(Decision decision) {
    return new LaunchPolicy(decision, warnings);
  }

  /** This policy, with failing WARNINGs decided {@code decision}. */
  public LaunchPolicy warnings(Decision decision) {
    return new LaunchPolicy(unverified, decision);
  }

  public Decision unverified() {
    return unverified;
  }

  public Decision warnings() {
    return warnings;
  }

  /** The findings of {@code report} that block a launch under this policy; empty means go. */
  public List<Finding> blockers(PreflightReport report) {
    return report.findings().stream().filter(this::blocks).collect(Collectors.toUnmodifiableList());
  }

  private boolean blocks(Finding f) {
    if (f.severity() == Severity.ERROR) {
      return f.outcome() == Outcome.FAIL
          || (f.outcome() == Outcome.UNVERIFIED && !f.accepted() && unverified == Decision.REFUSE);
    }
    return f.severity() == Severity.WARNING && f.outcome() == Outcome.FAIL && warnings == Decision.REFUSE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LaunchPolicy && ((LaunchPolicy) o).unverified == unverified && ((LaunchPolicy) o).warnings == warnings;
  }

  @Override
  public int hashCode() {
    return Objects.hash(unverified, warnings);
  }

  @Override
  public String toString() {
    return "LaunchPolicy{unverified=" + unverified + ", warnings=" + warnings + "}";
  }
}
