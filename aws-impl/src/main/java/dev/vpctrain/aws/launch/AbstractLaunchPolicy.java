package dev.vpctrain.aws.launch;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * What the launch gate lets through. A failing ERROR (verdict NOT_READY) is always refused; this
 * policy decides undecided ERRORs (verdict UNVERIFIED) and failing WARNINGs. The
 * {@link #standard()} policy refuses UNVERIFIED and allows warnings; {@code LaunchPolicy.of(unverified,
 * warnings)} decides both. An UNVERIFIED finding the user accepted
 * ({@code TrainingJobSpec.Builder.acceptUnverified}) never blocks: a report whose only undecided
 * ERRORs are accepted is READY and launches under any policy. Public (unlike most {@code Abstract*}
 * types) so that {@code LaunchPolicy.Decision} is visible; use {@link LaunchPolicy}.
 */
@Value.Immutable
public abstract class AbstractLaunchPolicy {
  /** What to do with a kind of finding. */
  public enum Decision {
    /** Launch despite these findings. */
    ALLOW,
    /**
     * Refuse to launch while such findings are present.
     */
    REFUSE
  }

  AbstractLaunchPolicy() {}

  /** {@return whether a launch goes ahead when the verdict is UNVERIFIED (an ERROR check undecided)} */
  @Value.Parameter
  public abstract Decision unverified();

  /** {@return whether a launch goes ahead when a WARNING check failed} */
  @Value.Parameter
  public abstract Decision warnings();

  /**
   * Refuse UNVERIFIED, allow warnings.
   *
   * @return the standard policy
   */
  public static LaunchPolicy standard() {
    return LaunchPolicy.of(Decision.REFUSE, Decision.ALLOW);
  }

  /**
   * {@return this policy, with undecided ERRORs decided {@code decision}}
   *
   * @param decision the decision
   */
  public LaunchPolicy unverified(Decision decision) {
    return LaunchPolicy.copyOf(this).withUnverified(decision);
  }

  /**
   * {@return this policy, with failing WARNINGs decided {@code decision}}
   *
   * @param decision the decision
   */
  public LaunchPolicy warnings(Decision decision) {
    return LaunchPolicy.copyOf(this).withWarnings(decision);
  }

  /**
   * {@return the findings of {@code report} that block a launch under this policy; empty means go}
   *
   * @param report the preflight report
   */
  public List<Finding> blockers(PreflightReport report) {
    return report.findings().stream().filter(this::blocks).collect(Collectors.toUnmodifiableList());
  }

  private boolean blocks(Finding f) {
    if (f.severity() == Severity.ERROR) {
      return f.outcome() == Outcome.FAIL
          || (f.outcome() == Outcome.UNVERIFIED && !f.accepted() && unverified() == Decision.REFUSE);
    }
    return f.severity() == Severity.WARNING && f.outcome() == Outcome.FAIL && warnings() == Decision.REFUSE;
  }
}
