package dev.vpctrain.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings of one cause become one finding in the report ({@link Grouping}). */
class FindingGroupsTest {
  private static final String GROUP = "Subnets " + Grouping.SUBJECTS + " have no route to S3: their route table rtb-1 has none.";

  private static Finding missing(String subnet, String fix) {
    return Finding.builder().ruleId("s3.route.missing").severity(Severity.ERROR).outcome(Outcome.FAIL)
        .message("Subnet " + subnet + " has no route to S3: its route table rtb-1 has none.")
        .resources(List.of(subnet, "rtb-1")).remediation(fix)
        .grouping(Grouping.of(subnet + " (az)", GROUP)).build();
  }

  private static PreflightReport report(Finding... findings) {
    return PreflightReport.of("job", "us-east-1", List.of(findings), 1);
  }

  @Test
  void threeSubnetsOfOneCauseAreOneFindingNamingThemAndTheTable() {
    PreflightReport r = report(missing("subnet-a", "fix rtb-1"), missing("subnet-b", "fix rtb-1"),
        missing("subnet-c", "fix rtb-1"));
    assertThat(r.problems()).hasSize(1);
    Finding f = r.problems().get(0);
    assertThat(f.resources()).containsExactly("subnet-a", "subnet-b", "subnet-c", "rtb-1");
    assertThat(f.message()).isEqualTo("Subnets subnet-a (az), subnet-b (az) and subnet-c (az) have no route to S3: "
        + "their route table rtb-1 has none.");
    assertThat(f.remediation()).hasValue("fix rtb-1");
    assertThat(f.grouping().orElseThrow().subjects()).hasSize(3);
  }

  @Test
  void aFindingAloneKeepsItsOwnMessage() {
    Finding a = missing("subnet-a", "fix rtb-1");
    assertThat(report(a).problems()).containsExactly(a);
  }

  @Test
  void anotherRemediationIsAnotherCause() {
    PreflightReport r = report(missing("subnet-a", "fix rtb-1"), missing("subnet-b", "fix rtb-2"));
    assertThat(r.problems()).hasSize(2);
    assertThat(r.problems()).allSatisfy(f -> assertThat(f.message()).startsWith("Subnet subnet-"));
  }

  @Test
  void findingsWithoutGroupingAreNeverMerged() {
    Finding plain = missing("subnet-a", "fix").withGrouping(java.util.Optional.empty());
    assertThat(report(plain, plain).problems()).hasSize(2);
  }

  @Test
  void anAcceptanceOfOneSubnetSplitsTheGroup() {
    Finding a = missing("subnet-a", "x").withOutcome(Outcome.UNVERIFIED);
    Finding b = missing("subnet-b", "x").withOutcome(Outcome.UNVERIFIED);
    PreflightReport one = PreflightReport.of("job", "us-east-1", List.of(a, b), 1,
        List.of(Acceptance.of("s3.route.missing", "subnet-a")));
    assertThat(one.problems()).extracting(Finding::accepted).containsExactly(true, false);
    assertThat(one.verdict()).isEqualTo(Verdict.UNVERIFIED);
    PreflightReport all = PreflightReport.of("job", "us-east-1", List.of(a, b), 1,
        List.of(Acceptance.of("s3.route.missing")));
    assertThat(all.problems()).singleElement().satisfies(f -> {
      assertThat(f.accepted()).isTrue();
      assertThat(f.resources()).containsExactly("subnet-a", "subnet-b", "rtb-1");
    });
    assertThat(all.verdict()).isEqualTo(Verdict.READY);
  }

  @Test
  void mergingIsIdempotent() {
    PreflightReport r = report(missing("subnet-a", "f"), missing("subnet-b", "f"));
    PreflightReport again = PreflightReport.of("job", "us-east-1", r.findings(), 1);
    assertThat(again.findings()).isEqualTo(r.findings());
    PreflightReport more = PreflightReport.of("job", "us-east-1",
        List.of(r.findings().get(0), missing("subnet-c", "f")), 1);
    assertThat(more.findings()).singleElement().extracting(Finding::message).asString()
        .startsWith("Subnets subnet-a (az), subnet-b (az) and subnet-c (az) have");
  }

  @Test
  void aGroupMessageMustListItsSubjects() {
    assertThatThrownBy(() -> Grouping.of("subnet-a", "Subnets have no route."))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Grouping.SUBJECTS);
  }
}
