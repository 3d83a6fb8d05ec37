package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.aws.testing.SimulatedOrganization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vpctrain audit} end to end against a simulated organisation on loopback: each format, the exit codes. */
class AuditWireCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static SimulatedOrganization org;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    System.setProperty("aws.accessKeyId", "AKIDMANAGEMENT");
    System.setProperty("aws.secretAccessKey", "secret");
    org = SimulatedOrganization.builder().accounts(5).regions("us-east-1").jobsPerRegion(8).pageSize(3)
        .denyAssumeRole(String.format("%012d", 111100000003L)).start();
  }

  @AfterAll
  static void stop() {
    org.close();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  static Cli audit(String... extra) {
    List<String> args = new ArrayList<>(List.of("audit", "--organization", "--regions", "us-east-1",
        "--endpoint-url", org.endpoint().toString(), "--no-color"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void jsonLinesStreamOneRecordALineThenTheSummary() throws Exception {
    Cli r = audit("--format", "jsonl");
    assertThat(r.code).as(r.toString()).isEqualTo(ExitCodes.AWS_UNAVAILABLE); // an account could not be read
    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.out.split("\n")) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).last().satisfies(s -> {
      assertThat(s.get("type").asText()).isEqualTo("summary");
      assertThat(s.get("complete").asBoolean()).isFalse();
      assertThat(s.get("accounts").asInt()).isEqualTo(5);
      assertThat(s.get("jobs").asInt()).isEqualTo(4 * 8);
    });
    assertThat(lines).filteredOn(n -> n.get("type").asText().equals("gap")).singleElement()
        .satisfies(g -> assertThat(g.get("reason").asText()).isEqualTo("ROLE_NOT_ASSUMABLE"));
    assertThat(lines).filteredOn(n -> n.get("type").asText().equals("job")).hasSize(32).allSatisfy(j -> {
      assertThat(j.get("account").asText()).matches("\\d{12}");
      assertThat(j.get("verdict").asText()).isIn("READY", "NOT_READY", "UNVERIFIED");
      assertThat(j.has("findings")).isTrue();
    });
  }

  @Test
  void aCompleteAuditExitsWithTheWorstVerdict() {
    Path accounts = dir.resolve("accounts.txt");
    try {
      Files.writeString(accounts, String.format("%012d%n%012d%n", 111100000001L, 111100000002L));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Cli r = Cli.run("audit", "--accounts", accounts.toString(), "--regions", "us-east-1", "--endpoint-url",
        org.endpoint().toString(), "--no-color");
    assertThat(r.out).contains("Audit complete: 2 account(s), 2 account-region(s) read, 16 job(s)");
    assertThat(r.code).as(r.toString()).isIn(ExitCodes.NOT_READY, ExitCodes.UNVERIFIED);
  }

  @Test
  void theOtherFormatsCarryTheSameRecords() throws Exception {
    Cli json = audit("--format", "json");
    JsonNode doc = JSON.readTree(json.out);
    assertThat(doc.get("schema").asText()).isEqualTo("vpctrain-audit/1");
    assertThat(doc.get("records")).hasSize(33);
    assertThat(doc.get("summary").get("jobs").asInt()).isEqualTo(32);

    Cli csv = audit("--format", "csv");
    String[] rows = csv.out.split("\r\n");
    assertThat(rows[0]).isEqualTo("type,account,region,job,kind,status,verdict,rules,vpc,failure_reason,detail");
    assertThat(rows).hasSize(1 + 33);

    Cli sarif = audit("--format", "sarif");
    JsonNode run = JSON.readTree(sarif.out).get("runs").get(0);
    assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("vpctrain");
    assertThat(run.get("invocations").get(0).get("executionSuccessful").asBoolean()).isFalse();
    assertThat(run.get("results")).isNotEmpty();
    assertThat(run.get("results").get(0).get("locations").get(0).get("logicalLocations").get(0)
        .get("fullyQualifiedName").asText()).matches("\\d{12}/us-east-1/\\w+/.+");

    Cli text = audit();
    assertThat(text.out).contains("UNREAD  111100000003: role not assumable: sts:AssumeRole")
        .contains("Audit INCOMPLETE: 5 account(s)").contains("By rule (jobs with a finding):");
  }

  @Test
  void outputToAFileAndShards() throws Exception {
    Path out = dir.resolve("audit.jsonl");
    Cli r = audit("--format", "jsonl", "-o", out.toString(), "--shard", "1/2");
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("vpctrain: wrote " + out);
    Cli other = audit("--format", "jsonl", "--shard", "2/2");
    List<String> lines = new ArrayList<>(Files.readAllLines(out));
    lines.addAll(List.of(other.out.split("\n")));
    long jobs = lines.stream().filter(l -> l.contains("\"type\":\"job\"")).count();
    assertThat(jobs).isEqualTo(32);
  }
}
