package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.remediation.RemediationPlan;
import dev.vpctrain.core.report.PreflightReport;
import org.immutables.value.Value;

/** A plan with what it was made from: the snapshot and the preflight report. */
@Value.Immutable
abstract class AbstractPlannedRemediation {
  /** {@return the network the plan was made from, as discovery captured it} */
  public abstract NetworkSnapshot snapshot();

  /** {@return the preflight of the job on {@link #snapshot()}: the findings the plan fixes} */
  public abstract PreflightReport report();

  /** {@return the steps that fix the report's findings, required first, then recommended} */
  public abstract RemediationPlan plan();
}
