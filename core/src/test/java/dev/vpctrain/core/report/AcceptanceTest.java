package dev.vpctrain.core.report;

import static dev.vpctrain.core.report.ReportFixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Accepting UNVERIFIED findings: parsing, matching, and the verdict the report then reaches. */
class AcceptanceTest {
  private static PreflightReport report(List<Acceptance> acceptances, Finding... findings) {
    return PreflightReport.of("job-1", "us-east-1", List.of(findings), findings.length, acceptances);
  }

  @Test
  void parsesARuleOrARuleAndResource() {
    assertThat(Acceptance.parse("s3.route.unmodeled")).isEqualTo(Acceptance.of("s3.route.unmodeled"));
    assertThat(Acceptance.parse(" s3.route.unmodeled = subnet-1 "))
        .isEqualTo(Acceptance.of("s3.route.unmodeled", "subnet-1"));
    assertThat(Acceptance.parse("target.unmodeled=db=primary").resource()).contains("db=primary");
    assertThat(Acceptance.of("s3.route.unmodeled", "subnet-1")).hasToString("s3.route.unmodeled=subnet-1");
    assertThat(Acceptance.of("s3.route.unmodeled")).hasToString("s3.route.unmodeled");
  }

  @Test
  void rejectsABlankRuleOrResource() {
    assertThatThrownBy(() -> Acceptance.parse("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule id");
    assertThatThrownBy(() -> Acceptance.parse("=subnet-1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Acceptance.parse("s3.route.unmodeled=")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s3.route.unmodeled");
    assertThatThrownBy(() -> Acceptance.of("s3 route")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBareRuleAcceptsEveryUnverifiedFindingOfThatRuleOnly() {
    Acceptance a = Acceptance.of("s3.route.unmodeled");
    assertThat(a.accepts(finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED, "subnet-1"))).isTrue();
    assertThat(a.accepts(finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED))).isTrue();
    assertThat(a.accepts(finding("s3.route.missing", Severity.ERROR, Outcome.UNVERIFIED, "subnet-1"))).isFalse();
    assertThat(a.accepts(finding("s3.route.unmodeled", Severity.ERROR, Outcome.FAIL, "subnet-1"))).isFalse();
    assertThat(a.matches(finding("s3.route.unmodeled", Severity.ERROR, Outcome.FAIL, "subnet-1"))).isTrue();
  }

  @Test
  void aResourceLimitsTheAcceptanceToFindingsNamingIt() {
    Acceptance a = Acceptance.of("s3.route.unmodeled", "subnet-1");
    assertThat(a.accepts(finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED, "subnet-1", "tgw-1")))
        .isTrue();
    assertThat(a.accepts(finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED, "rtb-1", "subnet-1")))
        .isTrue();
    assertThat(a.accepts(finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED, "subnet-2", "tgw-1")))
        .isFalse();
    assertThat(a.accepts(finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED, "subnet-10")))
        .as("exact ids, not prefixes").isFalse();
  }

  @Test
  void onlyAnUnverifiedFindingCanBeMarkedAccepted() {
    Finding unverified = finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED, "subnet-1");
    assertThat(unverified.accepted()).isFalse();
    assertThat(unverified.withAccepted(true).accepted()).isTrue();
    Finding fail = finding("s3.route.missing", Severity.ERROR, Outcome.FAIL, "subnet-1");
    assertThatThrownBy(() -> fail.withAccepted(true)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only an UNVERIFIED finding can be accepted");
    assertThatThrownBy(() -> Finding.builder().ruleId("a").severity(Severity.ERROR).outcome(Outcome.PASS)
        .message("m").accepted(true).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptedUnverifiedErrorsNoLongerHoldTheVerdictBack() {
    Finding u1 = finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED, "subnet-1");
    Finding u2 = finding("vpc.dhcp.dns-unreachable", Severity.ERROR, Outcome.UNVERIFIED, "dopt-1");
    Finding pass = finding("vpc.mixed", Severity.ERROR, Outcome.PASS);
    assertThat(report(List.of(), u1, u2, pass).verdict()).isEqualTo(Verdict.UNVERIFIED);
    assertThat(report(List.of(Acceptance.of("s3.route.unmodeled")), u1, u2, pass).verdict())
        .as("one undecided ERROR left").isEqualTo(Verdict.UNVERIFIED);
    PreflightReport both = report(List.of(Acceptance.of("s3.route.unmodeled"),
        Acceptance.of("vpc.dhcp.dns-unreachable", "dopt-1")), u1, u2, pass);
    assertThat(both.verdict()).isEqualTo(Verdict.READY);
    assertThat(both.isReady()).isTrue();
    assertThat(both.accepted()).extracting(Finding::ruleId)
        .containsExactly("s3.route.unmodeled", "vpc.dhcp.dns-unreachable");
    assertThat(both.problems()).as("accepted findings stay in the report").hasSize(2).allMatch(Finding::accepted);
    assertThat(both.unmatchedAcceptances()).isEmpty();
  }

  @Test
  void aResourceThatIsNotNamedLeavesTheFindingUndecided() {
    Finding u1 = finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED, "subnet-1");
    PreflightReport r = report(List.of(Acceptance.of("s3.route.unmodeled", "subnet-2")), u1);
    assertThat(r.verdict()).isEqualTo(Verdict.UNVERIFIED);
    assertThat(r.accepted()).isEmpty();
    assertThat(r.unmatchedAcceptances()).containsExactly(Acceptance.of("s3.route.unmodeled", "subnet-2"));
  }

  @Test
  void oneSubnetAcceptedTheOtherStillHoldsTheVerdictBack() {
    Finding a = finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED, "subnet-1");
    Finding b = finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED, "subnet-2");
    PreflightReport r = report(List.of(Acceptance.of("s3.route.unmodeled", "subnet-1")), a, b);
    assertThat(r.verdict()).isEqualTo(Verdict.UNVERIFIED);
    assertThat(r.accepted()).extracting(f -> f.resources().get(0)).containsExactly("subnet-1");
  }

  @Test
  void aFailIsNeverAccepted() {
    Finding fail = finding("s3.route.missing", Severity.ERROR, Outcome.FAIL, "subnet-1");
    Finding u = finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED, "subnet-2");
    PreflightReport r = report(List.of(Acceptance.of("s3.route.missing"), Acceptance.of("s3.route.unmodeled")),
        fail, u);
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_READY);
    assertThat(r.failure("s3.route.missing")).get().extracting(Finding::accepted).isEqualTo(false);
    assertThat(r.unmatchedAcceptances()).containsExactly(Acceptance.of("s3.route.missing"));
  }

  @Test
  void theUsersAcceptancesDecideTheMarkNotTheRule() {
    Finding selfAccepted = finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED).withAccepted(true);
    assertThat(report(List.of(), selfAccepted).verdict()).isEqualTo(Verdict.UNVERIFIED);
    assertThat(ReportFixtures.report(selfAccepted).verdict())
        .as("a report built from findings as given keeps their marks").isEqualTo(Verdict.READY);
  }

  @Test
  void acceptedWarningsAndInfosDoNotChangeAReadyVerdict() {
    PreflightReport r = report(List.of(Acceptance.of("vpc.subnets.single-az")),
        finding("vpc.subnets.single-az", Severity.WARNING, Outcome.UNVERIFIED, "subnet-1"));
    assertThat(r.verdict()).isEqualTo(Verdict.READY);
    assertThat(r.accepted()).hasSize(1);
  }
}
