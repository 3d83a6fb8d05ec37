package dev.vpctrain.core.report;

import static dev.vpctrain.core.report.ReportFixtures.finding;
import static dev.vpctrain.core.report.ReportFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        "NOT_READY  job job-1 in us-east-1: 1 error, 1 warning, 0 unverified, 1 info (4 rules evaluated)");
  }

  @Test
  void showsOneBlockPerProblemWithFixAndDoc() {
    String text = TextReport.render(r, false);
    assertThat(text).contains("ERROR FAIL  s3.route.missing\n  s3.route.missing FAIL on subnet-1,rtb-1\n"
        + "  resources: subnet-1, rtb-1\n  fix: fix s3.route.missing\n  see: " + dev.vpctrain.core.BuildInfo.ruleDocUrl("s3.route.missing") + "\n");
    assertThat(text).contains("WARNING FAIL  vpc.subnets.single-az")
        .contains("\nINFO UNVERIFIED  s3.endpoint-policy.full-access  s3.endpoint-policy.full-access UNVERIFIED on \n");
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
        "READY  job job-1 in us-east-1: 0 errors, 0 warnings, 0 unverified, 0 infos (1 rules evaluated)\n");
  }

  private static Finding f(String rule, Severity severity, Outcome outcome, String message, String fix) {
    Finding.Builder b = Finding.builder().ruleId(rule).severity(severity).outcome(outcome).message(message);
    if (fix != null) {
      b.remediation(fix);
    }
    return b.build();
  }

  @Test
  void sectionsComeInOrderErrorsWarningsUnverifiedThenInfos() {
    PreflightReport mixed = report(
        f("i.one", Severity.INFO, Outcome.FAIL, "info one", "advice"),
        f("w.one", Severity.WARNING, Outcome.UNVERIFIED, "warning unknown", null),
        f("e.unknown", Severity.ERROR, Outcome.UNVERIFIED, "error unknown", null),
        f("w.fail", Severity.WARNING, Outcome.FAIL, "warning fails", null),
        f("e.fail", Severity.ERROR, Outcome.FAIL, "error fails", null));
    String text = TextReport.render(mixed, false);
    assertThat(text).startsWith("NOT_READY  job job-1 in us-east-1: 1 error, 1 warning, 2 unverified, 1 info");
    assertThat(List.of("e.fail", "w.fail", "e.unknown", "w.one", "i.one"))
        .isSortedAccordingTo(java.util.Comparator.comparingInt(text::indexOf));
    assertThat(text).endsWith("\nINFO FAIL  i.one  info one\n").doesNotContain("advice");
    assertThat(TextReport.render(mixed, true)).contains("INFO FAIL  i.one\n  info one\n  fix: advice\n");
  }

  @Test
  void anInfoLineIsCutAtTheWidth() {
    PreflightReport r = report(f("i.one", Severity.INFO, Outcome.FAIL, "word ".repeat(40).strip(), null));
    String line = TextReport.render(r, TextOptions.builder().width(60).build()).lines()
        .filter(l -> l.startsWith("INFO")).findFirst().orElseThrow();
    assertThat(line).hasSize(60).endsWith("…").startsWith("INFO FAIL  i.one  word word");
  }

  @Test
  void wrapsProseAtTheWidthWithHangingIndents() {
    PreflightReport r = report(f("e.fail", Severity.ERROR, Outcome.FAIL,
        "Subnets subnet-a, subnet-b and subnet-c have no route to S3: their route table rtb-1 has no S3 gateway "
            + "endpoint route.", "Create an S3 gateway endpoint for route table rtb-1 (aws ec2 create-vpc-endpoint "
            + "--vpc-id vpc-1 --route-table-ids rtb-1)."));
    String text = TextReport.render(r, TextOptions.builder().width(40).build());
    assertThat(text).contains("\n  Subnets subnet-a, subnet-b and\n  subnet-c have no route to S3: their\n");
    assertThat(text).contains("\n  fix: Create an S3 gateway endpoint for\n       route table rtb-1 (aws ec2\n");
    assertThat(text.lines().filter(l -> !l.startsWith("  see: "))) // a URL is one word, never broken
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
    assertThat(TextReport.render(r, false).lines().filter(l -> l.startsWith("  Subnets")).findFirst().orElseThrow())
        .endsWith("endpoint route.");
  }

  @Test
  void aWordLongerThanTheLineIsNotBroken() {
    String arn = "arn:aws:iam::123456789012:role/" + "x".repeat(60);
    PreflightReport r = report(f("e.fail", Severity.ERROR, Outcome.FAIL, "Role " + arn + " fails.", null));
    assertThat(TextReport.render(r, TextOptions.builder().width(40).build())).contains("\n  Role\n  " + arn + "\n  fails.\n");
  }

  @Test
  void colourPaintsTheVerdictAndTheHeadingsOnlyWhenAsked() {
    String plain = TextReport.render(r, false);
    String colour = TextReport.render(r, TextOptions.builder().color(true).build());
    assertThat(plain).doesNotContain("\u001B[");
    assertThat(colour).startsWith("\u001B[1m\u001B[31mNOT_READY\u001B[0m  job job-1")
        .contains("\u001B[1m\u001B[31mERROR FAIL\u001B[0m  \u001B[1ms3.route.missing\u001B[0m\n")
        .contains("\u001B[33mWARNING FAIL\u001B[0m");
    assertThat(colour.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(plain);
  }

  @Test
  void colourDoesNotCountTowardsTheWidth() {
    PreflightReport one = report(f("e.fail", Severity.ERROR, Outcome.FAIL, "a b c d e f g h i j k l m n o p q r s t u v w x y z "
        .repeat(3), "fix it now please"));
    String plain = TextReport.render(one, TextOptions.builder().width(30).build());
    String colour = TextReport.render(one, TextOptions.builder().width(30).color(true).build());
    assertThat(colour.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(plain);
  }

  @Test
  void aPolicyDocumentIsANoteUnlessVerbose() {
    String doc = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}";
    PreflightReport r = report(f("role.x", Severity.ERROR, Outcome.FAIL, "m",
        "Attach it: aws iam put-role-policy --policy-document '" + doc + "'\nThen rerun."));
    String shortForm = TextReport.render(r, TextOptions.builder().width(200).build());
    assertThat(shortForm).contains("  fix: Attach it: aws iam put-role-policy --policy-document '<a policy document of 4 "
        + "lines: vpctrain plan or --verbose prints it>'\n       Then rerun.\n").doesNotContain("Version");
    String verbose = TextReport.render(r, TextOptions.builder().width(20).verbose(true).build());
    assertThat(verbose).contains("\n         \"Version\": \"2012-10-17\",\n         \"Statement\": []\n       }'\n"
        + "       Then rerun.\n");
  }
}
