package dev.vpctrain.aws.diagnosis;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.PreflightReport;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Diagnoses a failed job: classifies its {@code FailureReason} and, for a network cause, re-runs
 * the preflight to name the likely resource (the FAIL and UNVERIFIED findings of the category's
 * rule families). Never throws for a failing preflight: the diagnosis says why it has no findings.
 */
public final class FailureDiagnoser {
  private static final Logger LOG = LoggerFactory.getLogger(FailureDiagnoser.class);

  private final Function<TrainingJobSpec, PreflightReport> preflight;
  private final String noPreflightReason;

  private FailureDiagnoser(Function<TrainingJobSpec, PreflightReport> preflight, String noPreflightReason) {
    this.preflight = preflight;
    this.noPreflightReason = noPreflightReason;
  }

  /**
   * {@return a diagnoser that re-runs {@code preflight} for network causes}
   *
   * @param preflight the preflight
   */
  public static FailureDiagnoser withPreflight(Function<TrainingJobSpec, PreflightReport> preflight) {
    return new FailureDiagnoser(Objects.requireNonNull(preflight), null);
  }

  /**
   * {@return a diagnoser that only classifies; {@code reason} says why no preflight is possible}
   *
   * @param reason the reason
   */
  public static FailureDiagnoser classifyOnly(String reason) {
    return new FailureDiagnoser(null, Objects.requireNonNull(reason));
  }

  /**
   * {@return the diagnosis of {@code failureReason} for {@code job}}
   *
   * @param failureReason the failure reason
   * @param job the training job
   */
  public FailureDiagnosis diagnose(String failureReason, TrainingJobSpec job) {
    String reason = failureReason == null ? "" : failureReason;
    FailureCategory category = FailureClassifier.classify(reason);
    FailureDiagnosis.Builder b = FailureDiagnosis.builder().failureReason(reason).category(category);
    if (!category.isNetwork()) {
      return b.build();
    }
    if (preflight == null) {
      return b.note("The preflight was not re-run to name the resource: " + noPreflightReason + ".").build();
    }
    try {
      PreflightReport report = preflight.apply(job);
      List<Finding> findings = report.problems().stream().filter(f -> category.covers(f.ruleId()))
          .collect(Collectors.toList());
      b.findings(findings);
      if (findings.isEmpty()) {
        b.note("The preflight re-run after the failure finds no problem in rules " + category.describeFamilies()
            + " now: the cause may have been transient, fixed since, or outside what vpctrain models.");
      }
    } catch (RuntimeException e) {
      LOG.warn("Preflight re-run for the diagnosis of {} failed", job.name(), e);
      b.note("The preflight could not be re-run to name the resource: " + e.getMessage());
    }
    return b.build();
  }
}
