package dev.vpctrain.core.report;

import static dev.vpctrain.core.report.ReportFixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How text, JSON and SARIF show accepted UNVERIFIED findings and acceptances that matched nothing. */
class AcceptedRenderingTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final List<Finding> findings = List.of(
      finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED, "subnet-1", "tgw-1"),
      finding("vpc.subnets.single-az", Severity.WARNING, Outcome.FAIL, "subnet-1"));
  private final PreflightReport accepted = PreflightReport.of("job-1", "us-east-1", findings, 2,
      List.of(Acceptance.of("s3.route.unmodeled", "tgw-1")));
  private final PreflightReport plain = PreflightReport.of("job-1", "us-east-1", findings, 2);

  @Test
  void jsonMarksTheAcceptedFindingOnlyAndKeepsOtherOutputsUnchanged() throws Exception {
    JsonNode doc = mapper.readTree(JsonReport.render(accepted, false));
    assertThat(doc.get("verdict").asText()).isEqualTo("READY");
    JsonNode first = doc.get("findings").get(0);
    assertThat(fields(first)).containsExactly("rule", "severity", "outcome", "accepted", "resources", "message",
        "remediation", "doc");
    assertThat(first.get("accepted").isBoolean()).isTrue();
    assertThat(first.get("accepted").asBoolean()).isTrue();
    assertThat(doc.get("findings").get(1).has("accepted")).isFalse();
    String before = JsonReport.render(plain, false);
    assertThat(before).doesNotContain("accepted");
    assertThat(JsonReport.render(PreflightReport.of("job-1", "us-east-1", findings, 2, List.of()), false))
        .isEqualTo(before);
  }

  @Test
  void textMarksTheFindingAndCountsItApart() {
    String text = TextReport.render(accepted, false);
    assertThat(text).startsWith("READY  job job-1 in us-east-1: 0 errors, 1 warning, 0 unverified, 0 infos, 1 accepted "
        + "(2 rules evaluated)\n");
    assertThat(text).contains("ERROR UNVERIFIED (accepted)  s3.route.unmodeled\n");
    assertThat(text).contains("  accepted: you vouched for what the snapshot cannot show");
    assertThat(text).doesNotContain("no UNVERIFIED finding matches");
    assertThat(TextReport.render(plain, false))
        .startsWith("UNVERIFIED  job job-1 in us-east-1: 0 errors, 1 warning, 1 unverified, 0 infos (2 rules evaluated)\n")
        .doesNotContain("accepted");
  }

  @Test
  void textListsAcceptancesThatMatchedNothing() {
    List<Finding> withFail = new ArrayList<>(findings);
    withFail.add(finding("s3.route.missing", Severity.ERROR, Outcome.FAIL, "subnet-2"));
    PreflightReport r = PreflightReport.of("job-1", "us-east-1", withFail, 3,
        List.of(Acceptance.of("s3.route.unmodeled", "subnet-9"), Acceptance.of("s3.route.missing")));
    String text = TextReport.render(r, false);
    assertThat(text).startsWith("NOT_READY");
    assertThat(text).contains("\naccepted s3.route.unmodeled=subnet-9: no UNVERIFIED finding matches it\n");
    assertThat(text).contains("\naccepted s3.route.missing: no UNVERIFIED finding matches it "
        + "(a FAIL cannot be accepted)\n");
    assertThat(text).doesNotContain("(accepted)");
  }

  @Test
  void sarifCarriesAnAcceptedExternalSuppression() throws Exception {
    JsonNode log = mapper.readTree(SarifReport.render(accepted, "job.json", Map.of(), false));
    JsonNode results = log.get("runs").get(0).get("results");
    JsonNode unmodeled = results.get(0);
    assertThat(unmodeled.get("ruleId").asText()).isEqualTo("s3.route.unmodeled");
    assertThat(unmodeled.get("kind").asText()).isEqualTo("open");
    assertThat(unmodeled.get("level").asText()).isEqualTo("none");
    JsonNode suppressions = unmodeled.get("suppressions");
    assertThat(suppressions).hasSize(1);
    assertThat(suppressions.get(0).get("kind").asText()).isEqualTo("external");
    assertThat(suppressions.get(0).get("status").asText()).isEqualTo("accepted");
    assertThat(suppressions.get(0).get("justification").asText()).contains("s3.route.unmodeled");
    assertThat(unmodeled.get("properties").get("accepted").asBoolean()).isTrue();
    assertThat(results.get(1).has("suppressions")).isFalse();
    assertThat(results.get(1).get("properties").has("accepted")).isFalse();
    assertThat(log.get("runs").get(0).get("properties").get("verdict").asText()).isEqualTo("READY");
    assertThat(SarifReport.render(plain, "job.json", Map.of(), false)).doesNotContain("suppressions")
        .doesNotContain("accepted");
  }

  private static List<String> fields(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
