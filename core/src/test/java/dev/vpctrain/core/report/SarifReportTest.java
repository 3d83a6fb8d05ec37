package dev.vpctrain.core.report;

import static dev.vpctrain.core.report.ReportFixtures.finding;
import static dev.vpctrain.core.report.ReportFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SarifReportTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final PreflightReport r = report(
      finding("s3.route.missing", Severity.ERROR, Outcome.FAIL, "subnet-1", "rtb-1"),
      finding("vpc.subnets.single-az", Severity.WARNING, Outcome.FAIL, "subnet-1"),
      finding("s3.endpoint-policy.full-access", Severity.INFO, Outcome.FAIL, "vpce-1"),
      finding("s3.route.unmodeled", Severity.ERROR, Outcome.UNVERIFIED, "subnet-2"),
      finding("vpc.tenancy.dedicated", Severity.ERROR, Outcome.PASS, "vpc-1"));

  private JsonNode render(boolean verbose) throws Exception {
    return mapper.readTree(SarifReport.render(r, "jobs/train job.json",
        Map.of("vpc.tenancy.dedicated", "The job's VPC has default instance tenancy"), verbose));
  }

  @Test
  void isASarif210LogWithOneRunOfVpctrain() throws Exception {
    JsonNode log = render(false);
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    assertThat(log.get("$schema").asText()).startsWith("https://");
    assertThat(log.get("runs")).hasSize(1);
    JsonNode driver = log.get("runs").get(0).get("tool").get("driver");
    assertThat(driver.get("name").asText()).isEqualTo("vpctrain");
    assertThat(driver.get("rules")).extracting(n -> n.get("id").asText())
        .containsExactly("vpc.tenancy.dedicated", "s3.route.missing", "s3.route.unmodeled", "vpc.subnets.single-az",
            "s3.endpoint-policy.full-access");
    assertThat(driver.get("rules").get(0).get("shortDescription").get("text").asText())
        .isEqualTo("The job's VPC has default instance tenancy");
  }

  @Test
  void everyRuleLinksItsPageUnderTheBaseUrlWhenOneIsGiven() throws Exception {
    String base = "https://example.com/vpctrain/docs/rules/";
    JsonNode rules = mapper.readTree(SarifReport.render(r, "job.json", Map.of("vpc.tenancy.dedicated", "t"),
        Optional.of(base), false)).get("runs").get(0).get("tool").get("driver").get("rules");
    assertThat(rules).hasSize(5).allSatisfy(d ->
        assertThat(d.get("helpUri").asText()).isEqualTo(base + d.get("id").asText() + ".md"));
    assertThat(render(false).get("runs").get(0).get("tool").get("driver").get("rules"))
        .noneSatisfy(d -> assertThat(d.has("helpUri")).isTrue());
    // the member follows help; everything else is as without a base URL
    String with = SarifReport.render(r, "job.json", Map.of(), Optional.of(base), true);
    String without = SarifReport.render(r, "job.json", Map.of(), true);
    assertThat(with.replaceAll(",\\s*\"helpUri\"\\s*:\\s*\"[^\"]*\"", "")).isEqualTo(without);
  }

  @Test
  void mapsSeverityToLevelAndPointsAtTheJobFile() throws Exception {
    JsonNode run = render(false).get("runs").get(0);
    JsonNode results = run.get("results");
    assertThat(results).extracting(n -> n.get("ruleId").asText() + "=" + n.get("level").asText())
        .containsExactly("s3.route.missing=error", "s3.route.unmodeled=none", "vpc.subnets.single-az=warning",
            "s3.endpoint-policy.full-access=note");
    assertThat(results.get(1).get("kind").asText()).isEqualTo("open");
    assertThat(results.get(0).has("kind")).isFalse();
    JsonNode driverRules = run.get("tool").get("driver").get("rules");
    for (JsonNode result : results) {
      assertThat(driverRules.get(result.get("ruleIndex").asInt()).get("id").asText())
          .isEqualTo(result.get("ruleId").asText());
      assertThat(result.get("message").get("text").asText()).isNotBlank();
      JsonNode physical = result.get("locations").get(0).get("physicalLocation");
      assertThat(physical.get("artifactLocation").get("uri").asText()).isEqualTo("jobs/train job.json");
      assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(1);
    }
    assertThat(results.get(0).get("locations").get(0).get("logicalLocations"))
        .extracting(n -> n.get("name").asText()).containsExactly("subnet-1", "rtb-1");
    assertThat(results.get(0).get("message").get("text").asText()).contains("Fix: fix s3.route.missing");
    assertThat(run.get("artifacts").get(0).get("location").get("uri").asText()).isEqualTo("jobs/train job.json");
    assertThat(run.get("properties").get("verdict").asText()).isEqualTo("NOT_READY");
  }

  @Test
  void verboseAddsPassResults() throws Exception {
    JsonNode results = render(true).get("runs").get(0).get("results");
    assertThat(results).hasSize(5);
    assertThat(results).filteredOn(n -> n.get("kind") != null && n.get("kind").asText().equals("pass"))
        .singleElement().satisfies(n -> assertThat(n.get("level").asText()).isEqualTo("none"));
  }
}
