package dev.vpctrain.core.report;

import static dev.vpctrain.core.report.ReportFixtures.finding;
import static dev.vpctrain.core.report.ReportFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextReportTest {
  private final PreflightReport r = report(
      finding("s3.route.missing", Severity.ERROR, Outcome.FAIL, "subnet-1", "rtb-1"),
      finding("vpc.tenancy.dedicated", Severity.ERROR, Outcome.PASS, "vpc-1"),
      finding("vpc.subnets.single-az", Severity.WARNING, Outcome.FAIL, "subnet-1"),
      finding("s3.endpoint-policy.full-access", Severity.INFO, Outcome.UNVERIFIED));

  @Test
  void startsWithTheVerdictLineAndCounts() {
    String text = TextReport.render(r, false);
    assertThat(text.lines().findFirst()).hasValue(
        "NOT_READY  job job-1 in us-east-1: 1 error, 1 warning, 1 info (4 rules evaluated)");
  }

  @Test
  void showsOneBlockPerProblemWithFixAndDoc() {
    String text = TextReport.render(r, false);
    assertThat(text).contains("ERROR FAIL  s3.route.missing\n  s3.route.missing FAIL on subnet-1,rtb-1\n"
        + "  resources: subnet-1, rtb-1\n  fix: fix s3.route.missing\n  see: docs/rules/s3.route.missing.md\n");
    assertThat(text).contains("WARNING FAIL  vpc.subnets.single-az").contains("INFO UNVERIFIED  s3.endpoint-policy");
    assertThat(text).doesNotContain("vpc.tenancy.dedicated");
    assertThat(text.indexOf("s3.route.missing")).isLessThan(text.indexOf("vpc.subnets.single-az"));
  }

  @Test
  void verboseShowsPasses() {
    assertThat(TextReport.render(r, true)).contains("ERROR PASS  vpc.tenancy.dedicated");
    assertThat(r.render()).isEqualTo(TextReport.render(r, false));
  }

  @Test
  void indentsMultiLineRemediation() {
    PreflightReport one = report(Finding.builder().ruleId("x").severity(Severity.ERROR).outcome(Outcome.FAIL)
        .message("m").remediation("line1\nline2").build());
    assertThat(TextReport.render(one, false)).contains("  fix: line1\n       line2\n");
  }

  @Test
  void readyReportHasOnlyTheVerdictLine() {
    PreflightReport ok = report(finding("a", Severity.ERROR, Outcome.PASS));
    assertThat(TextReport.render(ok, false)).isEqualTo(
        "READY  job job-1 in us-east-1: 0 errors, 0 warnings, 0 infos (1 rules evaluated)\n");
  }
}
