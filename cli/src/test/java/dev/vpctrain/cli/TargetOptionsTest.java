package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Declared in-VPC targets on the command line: {@code --requires [label=]ADDR|CIDR|sg-…|eni-…:PORTS},
 * a malformed item is a usage error naming it, and {@code --accept-unverified target.unmodeled=LABEL}
 * accepts the finding of the target so labelled ({@code scenarios/target-peering}: the address lies
 * behind a peering connection).
 */
class TargetOptionsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path SCENARIO = Path.of("src", "test", "resources", "scenarios", "target-peering");
  private static final String JOB = SCENARIO.resolve("job.json").toString();
  private static final String NETWORK = SCENARIO.resolve("network.json").toString();

  private static Cli check(String... more) {
    List<String> args = new ArrayList<>(List.of("check", "--job", JOB, "--network", NETWORK));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static void assertUsage(Cli r, String... texts) {
    assertThat(r.code).as(r.toString()).isEqualTo(64);
    assertThat(r.err).as(r.toString()).contains(texts).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.out).isEmpty();
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

  @Test
  void aMalformedTargetIsAUsageErrorNamingTheItem() {
    assertUsage(check("--requires", "db=sg-xyz:5432"), "--requires", "'db=sg-xyz:5432'", "sg- and 8 or 17 hex digits");
    assertUsage(check("--requires", "10.1.2.3:99999"), "--requires", "'10.1.2.3:99999'", "1-65535");
    assertUsage(check("--requires", "db.internal:5432"), "--requires", "'db.internal:5432'", "--requires-internet");
    assertUsage(check("--requires", "10.1.2.3:5432/sctp"), "--requires", "'10.1.2.3:5432/sctp'", "tcp or udp");
    assertUsage(check("--requires", "bad label=10.1.2.3:5432"), "--requires", "label");
    assertUsage(check("--requires", "sts,10.1.0.0/33:443"), "--requires", "'10.1.0.0/33:443'");
  }

  @Test
  void aTargetBehindAPeeringConnectionIsUnverifiedAndAcceptedByItsLabel() throws Exception {
    Cli r = check("--requires", "analytics=172.31.5.10:5432", "--format", "json");
    assertThat(r.code).as(r.toString()).isEqualTo(2);
    assertThat(findings(r, "target.unmodeled")).isNotEmpty().allMatch(f -> f.get("outcome").asText().equals("UNVERIFIED")
        && f.get("resources").toString().contains("\"analytics\"") && !f.has("accepted"));

    Cli accepted = check("--requires", "analytics=172.31.5.10:5432", "--accept-unverified", "target.unmodeled=analytics",
        "--format", "json");
    assertThat(accepted.code).as(accepted.toString()).isZero();
    assertThat(MAPPER.readTree(accepted.out).get("verdict").asText()).isEqualTo("READY");
    assertThat(findings(accepted, "target.unmodeled")).isNotEmpty().allMatch(f -> f.path("accepted").asBoolean(false));
  }

  @Test
  void anAcceptanceNamingAnotherLabelLeavesTheTargetUnverified() throws Exception {
    Cli r = check("--requires", "analytics=172.31.5.10:5432", "--accept-unverified", "target.unmodeled=billing",
        "--format", "json");
    assertThat(r.code).as(r.toString()).isEqualTo(2);
    assertThat(findings(r, "target.unmodeled")).noneMatch(f -> f.path("accepted").asBoolean(false));
  }

  @Test
  void anUnlabelledTargetIsAcceptedByItsValue() {
    Cli r = check("--requires", "172.31.5.10:5432", "--accept-unverified", "target.unmodeled=172.31.5.10",
        "--format", "json");
    assertThat(r.code).as(r.toString()).isZero();
  }

  @Test
  void planAdmitsTheJobGroupInTheDatabaseGroup() {
    Path rds = Path.of("src", "test", "resources", "scenarios", "target-rds-by-sg");
    Cli r = Cli.run("plan", "--job", rds.resolve("job.json").toString(), "--network", rds.resolve("network.json").toString(),
        "--requires", "features=sg-0a1b2c3d4e5f60403:5432");
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).contains("target.security-group.ingress")
        .contains("aws ec2 authorize-security-group-ingress --group-id sg-0a1b2c3d4e5f60403 --ip-permissions "
            + "IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=sg-0a1b2c3d4e5f60401}]");
    Path fixed = Path.of("src", "test", "resources", "scenarios", "target-rds-by-sg-fixed");
    Cli none = Cli.run("plan", "--job", rds.resolve("job.json").toString(), "--network",
        fixed.resolve("network.json").toString(), "--requires", "features=sg-0a1b2c3d4e5f60403:5432");
    assertThat(none.out).doesNotContain("authorize-security-group-ingress");
  }
}
