package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.remediation.RemediationPlan;
import dev.vpctrain.core.report.PreflightReport;
import org.immutables.value.Value;

/** A plan with what it was made from: the snapshot and the preflight report. */
@Value.Immutable
abstract class AbstractPlannedRemediation {
  /** {@return the snapshot} */
  public abstract NetworkSnapshot snapshot();

  /** {@return the report} */
  public abstract PreflightReport report();

  /** {@return the plan} */
  public abstract RemediationPlan plan();
}
