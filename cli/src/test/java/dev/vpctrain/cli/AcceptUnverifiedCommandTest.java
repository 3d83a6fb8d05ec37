package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --accept-unverified} on {@code check} and {@code plan}: parsing (comma-separated and
 * repeatable, {@code RULE=RESOURCE}), usage errors, and what each output format shows. The job's
 * subnets send S3 traffic into a transit gateway ({@code scenarios/accept-tgw-route}).
 */
class AcceptUnverifiedCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path SCENARIO = Path.of("src", "test", "resources", "scenarios", "accept-tgw-route");
  private static final String JOB = SCENARIO.resolve("job.json").toString();
  private static final String NETWORK = SCENARIO.resolve("network.json").toString();
  private static final String SUBNET_A = "subnet-0a1b2c3d4e5f60101";
  private static final String TGW = "tgw-0a1b2c3d4e5f60901";

  private static Cli check(String... more) {
    List<String> args = new ArrayList<>(List.of("check", "--job", JOB, "--network", NETWORK));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static List<JsonNode> findings(Cli r, String rule) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    MAPPER.readTree(r.out).get("findings").forEach(f -> {
      if (f.get("rule").asText().equals(rule)) {
        out.add(f);
      }
    });
    return out;
  }

  private static void assertUsageError(Cli r, String message) {
    assertThat(r.code).as(r.toString()).isEqualTo(64);
    assertThat(r.err).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.out).isEmpty();
  }

  @Test
  void withoutAcceptanceTheTransitGatewayRouteIsUnverified() throws Exception {
    Cli r = check("--format", "json");
    assertThat(r.code).as(r.toString()).isEqualTo(2);
    // one finding: both subnets share the route table to the transit gateway
    assertThat(findings(r, "s3.route.unmodeled")).hasSize(1).noneMatch(f -> f.has("accepted"));
  }

  @Test
  void aBareRuleIdAcceptsItsFindingsAndTheVerdictIsReady() throws Exception {
    Cli r = check("--accept-unverified", "s3.route.unmodeled", "--format", "json");
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(MAPPER.readTree(r.out).get("verdict").asText()).isEqualTo("READY");
    assertThat(findings(r, "s3.route.unmodeled")).hasSize(1).allMatch(f ->
        f.get("outcome").asText().equals("UNVERIFIED") && f.get("accepted").asBoolean());
  }

  @Test
  void valuesAreCommaSeparatedAndRepeatable() throws Exception {
    Cli r = check("--accept-unverified", "s3.route.unmodeled=" + SUBNET_A + ",s3.packages.not-blocked",
        "--accept-unverified", "s3.route.unmodeled=subnet-0a1b2c3d4e5f60102", "--format", "json");
    assertThat(r.code).as(r.toString()).isZero();
    // each subnet accepted on its own: the two findings are accepted alike, so they are one again
    assertThat(findings(r, "s3.route.unmodeled")).singleElement().satisfies(f -> {
      assertThat(f.get("accepted").asBoolean()).isTrue();
      assertThat(f.get("resources").toString()).contains(SUBNET_A).contains("subnet-0a1b2c3d4e5f60102");
    });
    assertThat(findings(r, "s3.packages.not-blocked")).isNotEmpty().allMatch(f -> f.get("accepted").asBoolean());
    assertThat(findings(r, "egress.subnets.inconsistent")).isNotEmpty().noneMatch(f -> f.has("accepted"));
  }

  @Test
  void aResourceAcceptsOnlyTheFindingsNamingIt() throws Exception {
    Cli one = check("--accept-unverified", "s3.route.unmodeled=" + SUBNET_A, "--format", "json");
    assertThat(one.code).as(one.toString()).isEqualTo(2);
    assertThat(findings(one, "s3.route.unmodeled")).filteredOn(f -> f.path("accepted").asBoolean())
        .singleElement().satisfies(f -> assertThat(f.get("resources").get(0).asText()).isEqualTo(SUBNET_A));
    Cli gateway = check("--accept-unverified", "s3.route.unmodeled=" + TGW);
    assertThat(gateway.code).as(gateway.toString()).isZero();
    assertThat(gateway.out).startsWith("READY").contains("ERROR UNVERIFIED (accepted)  s3.route.unmodeled")
        .contains(", 1 accepted (");
  }

  @Test
  void textNamesAnAcceptanceThatMatchedNothing() {
    Cli r = check("--accept-unverified", "s3.route.unmodeled=subnet-0a1b2c3d4e5f60201,vpc.tenancy.dedicated");
    assertThat(r.code).as(r.toString()).isEqualTo(2);
    assertThat(r.out).contains("accepted s3.route.unmodeled=subnet-0a1b2c3d4e5f60201: no UNVERIFIED finding matches it")
        .contains("accepted vpc.tenancy.dedicated: no UNVERIFIED finding matches it")
        .doesNotContain("(accepted)");
  }

  @Test
  void aFailStaysAFail() throws Exception {
    Path scenario = SCENARIO.resolveSibling("accept-fail-named");
    Cli r = Cli.run("check", "--job", scenario.resolve("job.json").toString(), "--network",
        scenario.resolve("network.json").toString(), "--accept-unverified", "vpc.tenancy.dedicated");
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).startsWith("NOT_READY").contains("ERROR FAIL  vpc.tenancy.dedicated")
        .contains("accepted vpc.tenancy.dedicated: no UNVERIFIED finding matches it (a FAIL cannot be accepted)");
  }

  @Test
  void anUnknownRuleIdIsAUsageErrorOnEveryCommand() {
    assertUsageError(check("--accept-unverified", "s3.route.unmodelled"),
        "--accept-unverified: there is no rule 's3.route.unmodelled' ('vpctrain rules' lists the rule ids).");
    assertUsageError(check("--accept-unverified", "s3.route.unmodeled,nope"), "there is no rule 'nope'");
    assertUsageError(Cli.run("plan", "--job", JOB, "--network", NETWORK, "--accept-unverified", "nope"),
        "there is no rule 'nope'");
    assertUsageError(Cli.run("launch", "--job", JOB, "--network", NETWORK, "--region", "us-east-1",
        "--accept-unverified", "nope"), "there is no rule 'nope'");
  }

  @Test
  void aMalformedValueIsAUsageErrorBeforeAnyFileIsRead() {
    assertUsageError(check("--accept-unverified", "s3.route.unmodeled="),
        "--accept-unverified: expected RULE=RESOURCE with a resource id after '='");
    assertUsageError(check("--accept-unverified", "=" + SUBNET_A), "--accept-unverified: expected a rule id");
    assertUsageError(Cli.run("check", "--job", "no-such-job.json", "--network", NETWORK,
        "--accept-unverified", "nope"), "there is no rule 'nope'");
  }

  @Test
  void sarifShowsAnAcceptedFindingAsAnAcceptedExternalSuppression() throws Exception {
    Cli r = check("--accept-unverified", "s3.route.unmodeled", "--format", "sarif");
    assertThat(r.code).as(r.toString()).isZero();
    JsonNode log = MAPPER.readTree(r.out);
    SarifStructure.validate(log);
    List<JsonNode> unmodeled = new ArrayList<>();
    log.get("runs").get(0).get("results").forEach(x -> {
      if (x.get("ruleId").asText().equals("s3.route.unmodeled")) {
        unmodeled.add(x);
      }
    });
    assertThat(unmodeled).hasSize(1).allSatisfy(x -> {
      assertThat(x.get("kind").asText()).isEqualTo("open");
      assertThat(x.get("suppressions").get(0).get("kind").asText()).isEqualTo("external");
      assertThat(x.get("suppressions").get(0).get("status").asText()).isEqualTo("accepted");
    });
    assertThat(log.get("runs").get(0).get("properties").get("verdict").asText()).isEqualTo("READY");
  }

  @Test
  void planAsksToCheckAnUnverifiedRouteOnlyUntilItIsAccepted() {
    Cli open = Cli.run("plan", "--job", JOB, "--network", NETWORK);
    assertThat(open.code).as(open.toString()).isEqualTo(2);
    assertThat(open.out).startsWith("Preflight: UNVERIFIED").contains("Check s3.route.unmodeled");

    Cli accepted = Cli.run("plan", "--job", JOB, "--network", NETWORK, "--accept-unverified", "s3.route.unmodeled");
    assertThat(accepted.code).as(accepted.toString()).isZero();
    assertThat(accepted.out).startsWith("Preflight: READY").doesNotContain("s3.route.unmodeled");
  }
}
