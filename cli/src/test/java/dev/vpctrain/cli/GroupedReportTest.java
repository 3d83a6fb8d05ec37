package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.core.BuildInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario {@code report-shared-route-table}: three job subnets behind one route table without a
 * route to S3 are one finding in every format, naming the route table and the three subnets, with
 * one remediation; its {@code doc} and SARIF's {@code helpUri} are under the build's docs URL.
 */
class GroupedReportTest {
  private static final String DIR = "src/test/resources/scenarios/report-shared-route-table/";
  private static final List<String> SUBNETS = List.of("subnet-0a1b2c3d4e5f60101", "subnet-0a1b2c3d4e5f60102",
      "subnet-0a1b2c3d4e5f60103");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Cli check(String format) {
    return Cli.run("check", "--job", DIR + "job.json", "--network", DIR + "network.json", "--format", format);
  }

  @Test
  void jsonHasOneFindingForTheRouteTable() throws Exception {
    Cli r = check("json");
    assertThat(r.code).as(r.toString()).isEqualTo(ExitCodes.NOT_READY);
    List<JsonNode> missing = new ArrayList<>();
    MAPPER.readTree(r.out).get("findings").forEach(f -> {
      if (f.get("rule").asText().equals("s3.route.missing")) {
        missing.add(f);
      }
    });
    assertThat(missing).hasSize(1);
    JsonNode f = missing.get(0);
    List<String> resources = new ArrayList<>();
    f.get("resources").forEach(x -> resources.add(x.asText()));
    List<String> expected = new ArrayList<>(SUBNETS);
    expected.add("rtb-0a1b2c3d4e5f60011");
    assertThat(resources).containsExactlyElementsOf(expected);
    assertThat(f.get("message").asText()).startsWith("Subnets subnet-0a1b2c3d4e5f60101 (us-east-1a), "
        + "subnet-0a1b2c3d4e5f60102 (us-east-1b) and subnet-0a1b2c3d4e5f60103 (us-east-1c) have no route to S3, "
        + "and no S3 interface endpoint with private DNS serves the VPC: route table rtb-0a1b2c3d4e5f60011 has no route");
    assertThat(f.get("remediation").asText()).contains("--route-table-ids rtb-0a1b2c3d4e5f60011");
    assertThat(f.get("doc").asText()).isEqualTo(BuildInfo.docsBaseUrl() + "s3.route.missing.md").startsWith("https://");
  }

  @Test
  void sarifHasOneResultNamingEveryResource() throws Exception {
    Cli r = check("sarif");
    JsonNode run = MAPPER.readTree(r.out).get("runs").get(0);
    List<JsonNode> results = new ArrayList<>();
    run.get("results").forEach(x -> {
      if (x.get("ruleId").asText().equals("s3.route.missing")) {
        results.add(x);
      }
    });
    assertThat(results).hasSize(1);
    List<String> names = new ArrayList<>();
    results.get(0).get("locations").get(0).get("logicalLocations").forEach(l -> names.add(l.get("name").asText()));
    assertThat(names).containsAll(SUBNETS).contains("rtb-0a1b2c3d4e5f60011");
    run.get("tool").get("driver").get("rules").forEach(d ->
        assertThat(d.get("helpUri").asText()).isEqualTo(BuildInfo.ruleDocUrl(d.get("id").asText())));
  }

  @Test
  void textHasOneBlockWithOneFix() {
    Cli r = check("text");
    assertThat(r.out.split("ERROR FAIL  s3.route.missing", -1)).hasSize(2);
    assertThat(r.out.split("  fix: ", -1)).hasSize(2);
    assertThat(r.out).startsWith("NOT_READY  job resnet50-nightly in us-east-1: 1 error, 0 warnings, 0 unverified");
  }
}
