package dev.vpctrain.core.report;

import static dev.vpctrain.core.report.ReportFixtures.finding;
import static dev.vpctrain.core.report.ReportFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreflightReportTest {
  @Test
  void readyWhenEveryErrorPasses() {
    PreflightReport r = report(finding("a", Severity.ERROR, Outcome.PASS),
        finding("w", Severity.WARNING, Outcome.FAIL), finding("i", Severity.INFO, Outcome.UNVERIFIED));
    assertThat(r.verdict()).isEqualTo(Verdict.READY);
    assertThat(r.isReady()).isTrue();
  }

  @Test
  void readyWithNoFindingsAtAll() {
    assertThat(report().verdict()).isEqualTo(Verdict.READY);
  }

  @Test
  void notReadyWhenAnErrorFailsEvenIfAnotherIsUnverified() {
    PreflightReport r = report(finding("u", Severity.ERROR, Outcome.UNVERIFIED),
        finding("f", Severity.ERROR, Outcome.FAIL));
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_READY);
    assertThat(r.isReady()).isFalse();
  }

  @Test
  void unverifiedWhenAnErrorIsUndecided() {
    PreflightReport r = report(finding("u", Severity.ERROR, Outcome.UNVERIFIED),
        finding("w", Severity.WARNING, Outcome.FAIL));
    assertThat(r.verdict()).isEqualTo(Verdict.UNVERIFIED);
    assertThat(r.isReady()).isFalse();
  }

  @Test
  void warningsAndInfosNeverDecideTheVerdict() {
    assertThat(report(finding("w", Severity.WARNING, Outcome.FAIL), finding("i", Severity.INFO, Outcome.FAIL))
        .verdict()).isEqualTo(Verdict.READY);
  }

  @Test
  void ordersBySeverityThenOutcomeThenRule() {
    PreflightReport r = report(
        finding("z.info", Severity.INFO, Outcome.FAIL),
        finding("b.pass", Severity.ERROR, Outcome.PASS),
        finding("y.warn", Severity.WARNING, Outcome.FAIL),
        finding("c.unv", Severity.ERROR, Outcome.UNVERIFIED),
        finding("b.fail", Severity.ERROR, Outcome.FAIL),
        finding("a.fail", Severity.ERROR, Outcome.FAIL));
    assertThat(r.findings()).extracting(Finding::ruleId)
        .containsExactly("a.fail", "b.fail", "c.unv", "b.pass", "y.warn", "z.info");
    assertThat(r.problems()).extracting(Finding::ruleId)
        .containsExactly("a.fail", "b.fail", "c.unv", "y.warn", "z.info");
  }

  @Test
  void looksUpFindingsByRule() {
    PreflightReport r = report(finding("a", Severity.ERROR, Outcome.PASS, "x"), finding("a", Severity.ERROR,
        Outcome.FAIL, "y"), finding("b", Severity.ERROR, Outcome.PASS));
    assertThat(r.findings("a")).hasSize(2);
    assertThat(r.failure("a")).get().satisfies(f -> assertThat(f.resources()).containsExactly("y"));
    assertThat(r.failure("b")).isEmpty();
    assertThat(r.rulesEvaluated()).isEqualTo(3);
    assertThat(r.jobName()).isEqualTo("job-1");
    assertThat(r.region()).isEqualTo("us-east-1");
  }

  @Test
  void findingDocDefaultsToTheRulePageUnderTheBuildsDocsUrl() {
    assertThat(dev.vpctrain.core.BuildInfo.docsBaseUrl()).startsWith("https://").endsWith("/");
    assertThat(finding("s3.route.missing", Severity.ERROR, Outcome.FAIL).doc())
        .isEqualTo(dev.vpctrain.core.BuildInfo.docsBaseUrl() + "s3.route.missing.md");
  }
}
