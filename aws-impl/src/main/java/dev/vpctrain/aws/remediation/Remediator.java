package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.NetworkSource;
import dev.vpctrain.core.remediation.RemediationPlan;
import dev.vpctrain.core.remediation.RemediationPlanner;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole remediation flow: discover the network, run the preflight, plan, apply, then discover
 * and run the preflight again. Every run plans from a fresh snapshot, so running it again after a
 * failure completes the rest, and running it on a fixed network has nothing to do.
 */
public final class Remediator {
  private static final Logger LOG = LoggerFactory.getLogger(Remediator.class);

  private final NetworkSource network;
  private final PlanApplier applier;
  private final RuleEngine engine;

  private Remediator(Builder b) {
    this.network = Objects.requireNonNull(b.network, "network source");
    this.applier = Objects.requireNonNull(b.applier, "plan applier");
    this.engine = b.engine == null ? RuleEngine.standard() : b.engine;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Discovers, runs the preflight and plans; changes nothing.
   *
   * @param job the training job
   * @return the preflight and the plan that fixes it
   */
  public PlannedRemediation plan(TrainingJobSpec job) {
    NetworkSnapshot snapshot = network.snapshotFor(job);
    PreflightReport report = engine.evaluate(job, snapshot);
    RemediationPlan plan = RemediationPlanner.plan(job, snapshot, report);
    return PlannedRemediation.builder().snapshot(snapshot).report(report).plan(plan).build();
  }

  /**
   * Plans from a fresh snapshot and applies the plan; for a real run, the preflight runs again after.
   *
   * @param job the training job
   * @param options the options
   * @return the preflight before, what was applied, and the preflight after
   */
  public RemediationRun remediate(TrainingJobSpec job, ApplyOptions options) {
    PlannedRemediation planned = plan(job);
    ApplyResult applied = applier.apply(planned.plan(), options);
    Optional<PreflightReport> after = Optional.empty();
    if (!options.dryRun()) {
      after = Optional.of(engine.evaluate(job, network.snapshotFor(job)));
      LOG.info("Remediation of {}: {} -> {}", job.name(), planned.report().verdict(), after.get().verdict());
    }
    return RemediationRun.builder().before(planned.report()).plan(planned.plan()).applied(applied).after(after).build();
  }

  /**
   * {@return {@link #remediate(TrainingJobSpec, ApplyOptions)} with options built by {@code options}}
   *
   * @param job the training job
   * @param options the options
   */
  public RemediationRun remediate(TrainingJobSpec job, Consumer<ApplyOptions.Builder> options) {
    ApplyOptions.Builder b = ApplyOptions.builder();
    options.accept(b);
    return remediate(job, b.build());
  }

  /** Builds a {@link Remediator}. */
  public static final class Builder {
    private NetworkSource network;
    private PlanApplier applier;
    private RuleEngine engine;

    private Builder() {}

    /**
     * Where snapshots come from (live discovery, a fake world).
     *
     * @param network the network snapshot
     * @return this builder
     */
    public Builder network(NetworkSource network) {
      this.network = network;
      return this;
    }

    /**
     * Sets the applier that carries out the plan.
     *
     * @param applier the applier
     * @return this builder
     */
    public Builder applier(PlanApplier applier) {
      this.applier = applier;
      return this;
    }

    /**
     * The rules to run; the standard catalogue when not set.
     *
     * @param engine the rule engine
     * @return this builder
     */
    public Builder engine(RuleEngine engine) {
      this.engine = engine;
      return this;
    }

    /** {@return a new {@code Remediator} with the values given} */
    public Remediator build() {
      return new Remediator(this);
    }
  }
}
