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
    ALLOW,
    REFUSE
  }

  AbstractLaunchPolicy() {}

  @Value.Parameter
  public abstract Decision unverified();

  @Value.Parameter
  public abstract Decision warnings();

  /** Refuse UNVERIFIED, allow warnings. */
  public static LaunchPolicy standard() {
    return LaunchPolicy.of(Decision.REFUSE, Decision.ALLOW);
  }

  /** This policy, with undecided ERRORs decided {@code decision}. */
  public LaunchPolicy unverified(Decision decision) {
    return LaunchPolicy.copyOf(this).withUnverified(decision);
  }

  /** This policy, with failing WARNINGs decided {@code decision}. */
  public LaunchPolicy warnings(Decision decision) {
    return LaunchPolicy.copyOf(this).withWarnings(decision);
  }

  /** The findings of {@code report} that block a launch under this policy; empty means go. */
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
