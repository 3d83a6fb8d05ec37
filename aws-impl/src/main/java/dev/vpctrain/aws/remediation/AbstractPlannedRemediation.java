package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.remediation.RemediationPlan;
import dev.vpctrain.core.report.PreflightReport;
import org.immutables.value.Value;

/** A plan with what it was made from: the snapshot and the preflight report. */
@Value.Immutable
abstract class AbstractPlannedRemediation {
  public abstract NetworkSnapshot snapshot();

  public abstract PreflightReport report();

  public abstract RemediationPlan plan();
}
