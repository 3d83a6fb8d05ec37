package dev.vpctrain.core.report;

import dev.vpctrain.core.job.JobKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The result of a preflight: every rule's findings and the verdict. {@link #findings()} holds every
 * outcome (PASS included), ERRORs first; {@link #problems()} only FAIL and UNVERIFIED. Findings of
 * one cause are merged into one ({@link Grouping}): one route table behind three job subnets is one
 * finding naming the table and the three subnets, with one remediation. UNVERIFIED
 * findings the user accepted ({@link Acceptance}) stay in both, marked {@link Finding#accepted()},
 * and do not hold the verdict back.
 */
public final class PreflightReport {
  private static final Comparator<Finding> ORDER = Comparator
      .comparing(Finding::severity)
      .thenComparing(Finding::outcome, Comparator.comparingInt(PreflightReport::outcomeRank))
      .thenComparing(Finding::ruleId);

  private final String jobName;
  private final String region;
  private final List<Finding> findings;
  private final int rulesEvaluated;
  private final List<Acceptance> acceptances;
  private final Verdict verdict;
  private final JobKind kind;

  private PreflightReport(String jobName, String region, List<Finding> findings, int rulesEvaluated,
      List<Acceptance> acceptances) {
    this(JobKind.TRAINING, jobName, region, FindingGroups.merge(findings), rulesEvaluated, acceptances);
  }

  private PreflightReport(JobKind kind, String jobName, String region, List<Finding> merged, int rulesEvaluated,
      List<Acceptance> acceptances) {
    this.kind = Objects.requireNonNull(kind);
    this.jobName = Objects.requireNonNull(jobName);
    this.region = Objects.requireNonNull(region);
    List<Finding> sorted = new ArrayList<>(merged);
    sorted.sort(ORDER);
    this.findings = List.copyOf(sorted);
    this.rulesEvaluated = rulesEvaluated;
    this.acceptances = List.copyOf(acceptances);
    this.verdict = decide(this.findings);
  }

  /**
   * {@return a report of {@code findings} as given (their {@link Finding#accepted()} marks included); the verdict follows from them}
   *
   * @param jobName the training job name ({@code TrainingJobName})
   * @param region the AWS region the job was checked in, for example {@code eu-west-1}
   * @param findings every rule's findings, PASS included, in any order: findings of one cause are merged
   *     and the report sorts them
   * @param rulesEvaluated how many rules ran, for the verdict line
   * @throws NullPointerException when the job name or region is null
   */
  public static PreflightReport of(String jobName, String region, List<Finding> findings, int rulesEvaluated) {
    return new PreflightReport(jobName, region, findings, rulesEvaluated, List.of());
  }

  /**
   * {@return a report of {@code findings} with the user's {@code acceptances} applied: an UNVERIFIED finding
   * is marked accepted exactly when one of them {@linkplain Acceptance#accepts accepts} it (a mark
   * the finding carried before is replaced); FAIL and PASS findings are kept as they are}
   *
   * @param jobName the training job name ({@code TrainingJobName})
   * @param region the AWS region the job was checked in, for example {@code eu-west-1}
   * @param findings every rule's findings, PASS included, in any order
   * @param rulesEvaluated how many rules ran, for the verdict line
   * @param acceptances the UNVERIFIED checks the user accepts, usually
   *     {@code TrainingJobSpec.acceptedUnverified()}; empty for none
   * @throws NullPointerException when the job name or region is null
   */
  public static PreflightReport of(String jobName, String region, List<Finding> findings, int rulesEvaluated,
      List<Acceptance> acceptances) {
    List<Finding> marked = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      if (f.isUnverified()) {
        boolean accepted = acceptances.stream().anyMatch(a -> a.accepts(f));
        marked.add(f.accepted() == accepted ? f : f.withAccepted(accepted));
      } else {
        marked.add(f);
      }
    }
    return new PreflightReport(jobName, region, marked, rulesEvaluated, acceptances);
  }

  private static int outcomeRank(Outcome o) {
    switch (o) {
      case FAIL:
        return 0;
      case UNVERIFIED:
        return 1;
      default:
        return 2;
    }
  }

  static Verdict decide(List<Finding> findings) {
    boolean unverified = false;
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR) {
        if (f.outcome() == Outcome.FAIL) {
          return Verdict.NOT_READY;
        }
        if (f.outcome() == Outcome.UNVERIFIED && !f.accepted()) {
          unverified = true;
        }
      }
    }
    return unverified ? Verdict.UNVERIFIED : Verdict.READY;
  }

  /** {@return the job's name: {@code TrainingJobName}, {@code ProcessingJobName} or {@code HyperParameterTuningJobName}} */
  public String jobName() {
    return jobName;
  }

  /** {@return which kind of job was checked; {@link JobKind#TRAINING} unless {@link #withKind} said otherwise} */
  public JobKind kind() {
    return kind;
  }

  /**
   * {@return this report for a job of {@code kind}: the same findings and verdict}
   *
   * @param kind the job's kind
   */
  public PreflightReport withKind(JobKind kind) {
    return kind == this.kind ? this : new PreflightReport(kind, jobName, region, findings, rulesEvaluated, acceptances);
  }

  /** {@return the AWS region the job was checked in} */
  public String region() {
    return region;
  }

  /** {@return the verdict: NOT_READY when an ERROR check failed, else UNVERIFIED when an ERROR check could not be decided and was not accepted, else READY} */
  public Verdict verdict() {
    return verdict;
  }

  /** {@return true only for READY: no ERROR failed and none was undecided (or each undecided one was accepted)} */
  public boolean isReady() {
    return verdict == Verdict.READY;
  }

  /** {@return every finding, PASS included, ERRORs first} */
  public List<Finding> findings() {
    return findings;
  }

  /** {@return FAIL and UNVERIFIED findings, ERRORs first} */
  public List<Finding> problems() {
    return findings.stream().filter(f -> f.outcome() != Outcome.PASS).collect(Collectors.toUnmodifiableList());
  }

  /** {@return the UNVERIFIED findings the user accepted, ERRORs first} */
  public List<Finding> accepted() {
    return findings.stream().filter(Finding::accepted).collect(Collectors.toUnmodifiableList());
  }

  /** {@return the acceptances given with the job ({@link #of(String, String, List, int, List)}), in order} */
  public List<Acceptance> acceptances() {
    return acceptances;
  }

  /**
   * {@return the acceptances that accepted nothing: no UNVERIFIED finding matches them (a typo in a
   * resource id, a check that now passes, or a FAIL, which cannot be accepted)} Harmless; the
   * text report lists them.
   */
  public List<Acceptance> unmatchedAcceptances() {
    return acceptances.stream().filter(a -> findings.stream().noneMatch(a::accepts))
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * {@return the findings of one rule, every outcome, in report order; empty when the rule did not run or
   * the id is unknown}
   *
   * @param ruleId the rule id, for example {@code s3.route.missing}
   */
  public List<Finding> findings(String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).collect(Collectors.toUnmodifiableList());
  }

  /**
   * {@return the first FAIL of {@code ruleId}; empty when the rule passed, was undecided or did not run}
   *
   * @param ruleId the rule id, for example {@code s3.route.missing}
   */
  public Optional<Finding> failure(String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId) && f.isFail()).findFirst();
  }

  /** {@return how many rules ran (the catalogue's rules the engine evaluated)} */
  public int rulesEvaluated() {
    return rulesEvaluated;
  }

  /**
   * {@return the report for people, without colour: a verdict line with counts, then one block per FAIL or
   * UNVERIFIED finding} Same as {@link TextReport#render(PreflightReport, boolean)} with {@code false}.
   */
  public String render() {
    return TextReport.render(this, false);
  }

  @Override
  public String toString() {
    return "PreflightReport{job=" + jobName + ", verdict=" + verdict + ", problems=" + problems().size() + "}";
  }
}
