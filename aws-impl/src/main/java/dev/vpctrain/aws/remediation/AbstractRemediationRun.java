package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.remediation.RemediationPlan;
import dev.vpctrain.core.report.PreflightReport;
import java.util.Optional;
import org.immutables.value.Value;

/** One remediation run: the report before, the plan, what applying it did, and the report after. */
@Value.Immutable
abstract class AbstractRemediationRun {
  /** {@return the preflight before anything was applied} */
  public abstract PreflightReport before();

  /** {@return the plan made from {@link #before()}: the steps that were applied or dry-run} */
  public abstract RemediationPlan plan();

  /** {@return what applying the plan did} */
  public abstract ApplyResult applied();

  /** {@return the preflight after applying; absent for a dry run (nothing changed)} */
  public abstract Optional<PreflightReport> after();

  /** {@return the latest verdict's report: {@link #after()} when present, else {@link #before()}} */
  public PreflightReport current() {
    return after().orElse(before());
  }

  /**
   * Before, the apply result, and after, for people.
   *
   * @return the text shown by {@code vpctrain apply}
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("Before: ").append(before().verdict()).append('\n');
    sb.append(applied().render());
    after().ifPresent(a -> sb.append("\nPreflight after applying:\n").append(a.render()));
    return sb.toString();
  }
}
