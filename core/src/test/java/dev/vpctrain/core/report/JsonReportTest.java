package dev.vpctrain.core.report;

import static dev.vpctrain.core.report.ReportFixtures.finding;
import static dev.vpctrain.core.report.ReportFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final PreflightReport r = report(
      finding("vpc.subnets.single-az", Severity.WARNING, Outcome.FAIL, "subnet-1"),
      finding("vpc.tenancy.dedicated", Severity.ERROR, Outcome.PASS, "vpc-1"),
      finding("s3.route.missing", Severity.ERROR, Outcome.FAIL, "subnet-1", "rtb-1"),
      Finding.builder().ruleId("s3.route.unmodeled").severity(Severity.ERROR).outcome(Outcome.UNVERIFIED)
          .message("Route \"0.0.0.0/0\" → tgw-1\nleaves the snapshot").build());

  @Test
  void hasExactlyTheDocumentedMembers() throws Exception {
    JsonNode doc = mapper.readTree(JsonReport.render(r, false));
    assertThat(fields(doc)).containsExactly("schema", "job", "region", "verdict", "findings", "rulesEvaluated");
    assertThat(doc.get("schema").asText()).isEqualTo("vpctrain-report/1");
    assertThat(doc.get("job").asText()).isEqualTo("job-1");
    assertThat(doc.get("region").asText()).isEqualTo("us-east-1");
    assertThat(doc.get("verdict").asText()).isEqualTo("NOT_READY");
    assertThat(doc.get("rulesEvaluated").asInt()).isEqualTo(4);
    JsonNode first = doc.get("findings").get(0);
    assertThat(fields(first)).containsExactly("rule", "severity", "outcome", "resources", "message", "remediation",
        "doc");
    assertThat(first.get("rule").asText()).isEqualTo("s3.route.missing");
    assertThat(first.get("severity").asText()).isEqualTo("ERROR");
    assertThat(first.get("outcome").asText()).isEqualTo("FAIL");
    assertThat(first.get("resources")).extracting(JsonNode::asText).containsExactly("subnet-1", "rtb-1");
    assertThat(first.get("remediation").asText()).isEqualTo("fix s3.route.missing");
    assertThat(first.get("doc").asText()).isEqualTo(dev.vpctrain.core.BuildInfo.ruleDocUrl("s3.route.missing"));
  }

  @Test
  void listsProblemsErrorsFirstAndPassesOnlyWhenVerbose() throws Exception {
    JsonNode quiet = mapper.readTree(JsonReport.render(r, false)).get("findings");
    assertThat(quiet).extracting(n -> n.get("rule").asText())
        .containsExactly("s3.route.missing", "s3.route.unmodeled", "vpc.subnets.single-az");
    JsonNode verbose = mapper.readTree(JsonReport.render(r, true)).get("findings");
    assertThat(verbose).extracting(n -> n.get("outcome").asText())
        .containsExactly("FAIL", "UNVERIFIED", "PASS", "FAIL");
  }

  @Test
  void escapesMessagesAndWritesNullForAMissingRemediation() throws Exception {
    JsonNode unverified = mapper.readTree(JsonReport.render(r, false)).get("findings").get(1);
    assertThat(unverified.get("message").asText()).isEqualTo("Route \"0.0.0.0/0\" → tgw-1\nleaves the snapshot");
    assertThat(unverified.get("remediation").isNull()).isTrue();
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
