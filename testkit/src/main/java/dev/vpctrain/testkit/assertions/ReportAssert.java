package dev.vpctrain.testkit.assertions;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.report.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link PreflightReport}; failures show the rendered report. */
public final class ReportAssert extends AbstractAssert<ReportAssert, PreflightReport> {
  ReportAssert(PreflightReport actual) {
    super(actual, ReportAssert.class);
  }

  /**
   * Checks that the verdict is READY.
   *
   * @return this assertion
   */
  public ReportAssert isReady() {
    return hasVerdict(Verdict.READY);
  }

  /**
   * Checks that the verdict is NOT_READY.
   *
   * @return this assertion
   */
  public ReportAssert isNotReady() {
    return hasVerdict(Verdict.NOT_READY);
  }

  /**
   * Checks that the verdict is UNVERIFIED.
   *
   * @return this assertion
   */
  public ReportAssert isUnverified() {
    return hasVerdict(Verdict.UNVERIFIED);
  }

  /**
   * Checks the verdict.
   *
   * @param verdict the verdict
   * @return this assertion
   */
  public ReportAssert hasVerdict(Verdict verdict) {
    isNotNull();
    if (actual.verdict() != verdict) {
      failWithMessage("Expected verdict %s but was %s:%n%s", verdict, actual.verdict(), actual.render());
    }
    return this;
  }

  /**
   * {@return the report has a FAIL finding of {@code ruleId}; continues with that finding}
   *
   * @param ruleId the rule id
   */
  public FindingAssert hasFailure(String ruleId) {
    return finding(ruleId, Outcome.FAIL);
  }

  /**
   * {@return the report has an UNVERIFIED finding of {@code ruleId}; continues with that finding}
   *
   * @param ruleId the rule id
   */
  public FindingAssert hasUnverified(String ruleId) {
    return finding(ruleId, Outcome.UNVERIFIED);
  }

  /**
   * {@return the report has an UNVERIFIED finding of {@code ruleId} that the user accepted
   * ({@code TrainingJobSpec.Builder.acceptUnverified}); continues with that finding}
   *
   * @param ruleId the rule id
   */
  public FindingAssert hasAccepted(String ruleId) {
    isNotNull();
    Optional<Finding> f = actual.accepted().stream().filter(x -> x.ruleId().equals(ruleId)).findFirst();
    if (f.isEmpty()) {
      List<String> accepted = actual.accepted().stream().map(Finding::ruleId).distinct().toList();
      failWithMessage("Expected an accepted UNVERIFIED finding of %s but the accepted ones are %s:%n%s", ruleId,
          accepted.isEmpty() ? "none" : accepted, actual.render());
    }
    return new FindingAssert(f.get());
  }

  /**
   * No finding of {@code ruleId} failed.
   *
   * @param ruleId the rule id
   * @return this assertion
   */
  public ReportAssert hasNoFailure(String ruleId) {
    isNotNull();
    if (actual.failure(ruleId).isPresent()) {
      failWithMessage("Expected no failure of %s but found: %s", ruleId, actual.failure(ruleId).get().message());
    }
    return this;
  }

  /**
   * The ERROR failures are exactly these rules (in any order).
   *
   * @param ruleIds the rule ids
   * @return this assertion
   */
  public ReportAssert hasErrorsExactly(String... ruleIds) {
    isNotNull();
    TreeSet<String> expected = new TreeSet<>(Arrays.asList(ruleIds));
    SortedSet<String> failing = errorIds();
    if (!failing.equals(expected)) {
      failWithMessage("Expected ERROR failures %s but were %s:%n%s", expected, failing, actual.render());
    }
    return this;
  }

  private FindingAssert finding(String ruleId, Outcome outcome) {
    isNotNull();
    Optional<Finding> f = actual.findings().stream().filter(x -> x.ruleId().equals(ruleId) && x.outcome() == outcome)
        .findFirst();
    if (f.isEmpty()) {
      List<String> problems = actual.problems().stream().map(x -> x.ruleId() + " " + x.outcome()).toList();
      failWithMessage("Expected a %s finding of %s but the report has %s:%n%s", outcome, ruleId,
          problems.isEmpty() ? "no problem" : problems, actual.render());
    }
    return new FindingAssert(f.get());
  }

  private SortedSet<String> errorIds() {
    TreeSet<String> ids = new TreeSet<>();
    actual.findings().stream().filter(x -> x.severity() == Severity.ERROR && x.isFail()).forEach(x -> ids.add(x.ruleId()));
    return ids;
  }
}
