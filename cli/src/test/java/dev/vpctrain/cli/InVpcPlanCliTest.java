package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.remediation.RemediationPlan;
import dev.vpctrain.core.remediation.RemediationPlanner;
import dev.vpctrain.core.remediation.RemediationStep;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vpctrain plan} for a file-system channel: an FSx for Lustre file system whose security
 * group lacks TCP 988, behind a job-subnet ACL that passes returns only on 1024-65535. The plan
 * needs the {@code fs.fsx.security-group} and {@code fs.nacl.blocked} findings, so the plan tests
 * run once those rules are in the catalogue (they are skipped before).
 */
class InVpcPlanCliTest {
  private static final String FIXTURE = "/plan/fsx-lustre-blocked/";
  private static final String JOB_SG = "sg-0a1b2c3d4e5f60401";
  private static final String FSX_SG = "sg-0a1b2c3d4e5f60405";
  private static final String JOB_ACL = "acl-0a1b2c3d4e5f60002";

  @TempDir
  Path dir;

  private Path file(String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = InVpcPlanCliTest.class.getResourceAsStream(FIXTURE + name)) {
      assertThat(in).as(FIXTURE + name).isNotNull();
      Files.copy(in, p);
    }
    return p;
  }

  private static void assumeFileSystemRules() {
    Set<String> ids = RuleCatalogue.standard().stream().map(Rule::id).collect(Collectors.toSet());
    assumeTrue(ids.containsAll(List.of("fs.fsx.security-group", "fs.nacl.blocked")),
        "the fs.* rules are not in the catalogue yet (they are merged from the rule branches)");
  }

  @Test
  void theFixtureIsAValidJobAndBundle() throws Exception {
    Cli r = Cli.run("check", "--job", file("job.json").toString(), "--network", file("network.json").toString());
    assertThat(r.code).as(r.toString()).isIn(0, 1, 2);
    assertThat(r.err).as(r.toString()).doesNotContain("Exception", "error:");
  }

  /**
   * The same plan from the findings those rules give (built by hand, so this part runs before
   * the rules are merged): what the CLI tests below expect follows from the fixture.
   */
  @Test
  void theFixturesFindingsGiveTheGroupRulesAndOneAclEntry() throws Exception {
    TrainingJobSpec job = JobFile.read(file("job.json"));
    NetworkSnapshot net = SnapshotBundle.read(file("network.json"));
    String fs = "fs-0a1b2c3d4e5f60801";
    List<Finding> findings = new ArrayList<>();
    for (String subnet : List.of("subnet-0a1b2c3d4e5f60101", "subnet-0a1b2c3d4e5f60102")) {
      findings.add(fail("fs.fsx.security-group", subnet, fs, FSX_SG, JOB_SG));
      findings.add(fail("fs.nacl.blocked", subnet, fs, JOB_ACL));
    }
    RemediationPlan plan = RemediationPlanner.plan(job, net, PreflightReport.of(job.name(), "us-east-1", findings, 2));
    List<String> commands = plan.steps().stream().map(RemediationStep::command).toList();
    assertThat(commands).containsExactlyInAnyOrder(
        "aws ec2 authorize-security-group-ingress --group-id " + FSX_SG
            + " --ip-permissions IpProtocol=tcp,FromPort=988,ToPort=988,UserIdGroupPairs=[{GroupId=" + FSX_SG + "}]",
        "aws ec2 authorize-security-group-ingress --group-id " + FSX_SG
            + " --ip-permissions IpProtocol=tcp,FromPort=988,ToPort=988,UserIdGroupPairs=[{GroupId=" + JOB_SG + "}]",
        "aws ec2 authorize-security-group-ingress --group-id " + JOB_SG
            + " --ip-permissions IpProtocol=tcp,FromPort=988,ToPort=988,UserIdGroupPairs=[{GroupId=" + FSX_SG + "}]",
        "aws ec2 authorize-security-group-ingress --group-id " + JOB_SG
            + " --ip-permissions IpProtocol=tcp,FromPort=1018,ToPort=1023,UserIdGroupPairs=[{GroupId=" + FSX_SG + "}]",
        "aws ec2 authorize-security-group-egress --group-id " + JOB_SG
            + " --ip-permissions IpProtocol=tcp,FromPort=988,ToPort=988,UserIdGroupPairs=[{GroupId=" + FSX_SG + "}]",
        "aws ec2 authorize-security-group-egress --group-id " + JOB_SG
            + " --ip-permissions IpProtocol=tcp,FromPort=1018,ToPort=1023,UserIdGroupPairs=[{GroupId=" + FSX_SG + "}]",
        "aws ec2 create-network-acl-entry --network-acl-id " + JOB_ACL + " --ingress --rule-number 32766 --protocol tcp"
            + " --port-range From=512,To=1023 --cidr-block 10.20.3.0/24 --rule-action allow");
  }

  private static Finding fail(String rule, String... resources) {
    return Finding.builder().ruleId(rule).severity(Severity.ERROR).outcome(Outcome.FAIL).message(rule + " fails")
        .resources(List.of(resources)).build();
  }

  @Test
  void planAddsPort988ToTheFsxGroupAndAnAclEntryForTheLustreReturns() throws Exception {
    assumeFileSystemRules();
    Cli r = Cli.run("plan", "--job", file("job.json").toString(), "--network", file("network.json").toString());
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).as(r.toString()).contains(
        "fixes: fs.fsx.security-group",
        "aws ec2 authorize-security-group-ingress --group-id " + FSX_SG
            + " --ip-permissions IpProtocol=tcp,FromPort=988,ToPort=988,UserIdGroupPairs=[{GroupId=" + JOB_SG + "}]",
        "aws ec2 authorize-security-group-ingress --group-id " + FSX_SG
            + " --ip-permissions IpProtocol=tcp,FromPort=988,ToPort=988,UserIdGroupPairs=[{GroupId=" + FSX_SG + "}]",
        "fixes: fs.nacl.blocked",
        "call: ec2:CreateNetworkAclEntry (reversible)",
        "aws ec2 create-network-acl-entry --network-acl-id " + JOB_ACL + " --ingress --rule-number 32766 --protocol tcp"
            + " --port-range From=512,To=1023 --cidr-block 10.20.3.0/24 --rule-action allow");
    // the FSx group already admits 1018-1023 from the job: that rule is not added again
    assertThat(r.out).doesNotContain("--group-id " + FSX_SG
        + " --ip-permissions IpProtocol=tcp,FromPort=1018,ToPort=1023,UserIdGroupPairs=[{GroupId=" + JOB_SG + "}]");
  }

  @Test
  void planAsJsonListsTheAclEntryOnceAmongTheRequiredSteps() throws Exception {
    assumeFileSystemRules();
    Cli r = Cli.run("plan", "--job", file("job.json").toString(), "--network", file("network.json").toString(),
        "--format", "json");
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    JsonNode steps = new ObjectMapper().readTree(r.out).get("steps");
    List<JsonNode> acl = new ArrayList<>();
    steps.forEach(s -> {
      if (s.path("operation").asText().equals("ec2:CreateNetworkAclEntry")) {
        acl.add(s);
      }
    });
    assertThat(acl).singleElement().satisfies(s -> {
      assertThat(s.get("fixes").get(0).asText()).isEqualTo("fs.nacl.blocked");
      assertThat(s.get("reversible").asBoolean()).isTrue();
      assertThat(s.get("command").asText()).contains("--network-acl-id " + JOB_ACL, "From=512,To=1023");
    });
  }
}
