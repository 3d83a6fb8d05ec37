package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vpctrain plan} for the execution role: one {@code put-role-policy} step with the missing
 * statements, trust-policy failures as a manual step, and {@code apply --include-iam} on the command line.
 */
class RolePlanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path scenario(String name, String file) throws IOException {
    Path p = dir.resolve(name + "-" + file);
    try (InputStream in = RolePlanCommandTest.class.getResourceAsStream("/scenarios/" + name + "/" + file)) {
      assertThat(in).as(name + "/" + file).isNotNull();
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void planPutsOneInlinePolicyWithTheMissingStatements() throws Exception {
    Cli r = Cli.run("plan", "--job", scenario("role-trust-untrusted", "job.json").toString(),
        "--network", scenario("role-vpc-permissions", "network.json").toString());
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).contains("Put inline policy vpctrain-sagemaker-job on role", "fixes: role.vpc.permissions",
        "call: iam:PutRolePolicy (reversible)", "aws iam put-role-policy --role-name ",
        "--policy-name vpctrain-sagemaker-job --policy-document file://role-policy.json", "policy change:",
        "\"ec2:CreateNetworkInterface\"", "--include-iam");
  }

  @Test
  void planAsJsonCarriesTheRolePolicyDocument() throws Exception {
    Cli r = Cli.run("plan", "--job", scenario("role-trust-untrusted", "job.json").toString(),
        "--network", scenario("role-vpc-permissions", "network.json").toString(), "--format", "json");
    JsonNode step = null;
    for (JsonNode s : JSON.readTree(r.out).get("steps")) {
      if (s.path("operation").asText().equals("iam:PutRolePolicy")) {
        step = s;
      }
    }
    assertThat(step).as(r.out).isNotNull();
    JsonNode doc = JSON.readTree(step.get("policyAfter").asText());
    assertThat(doc.get("Statement").isArray()).isTrue();
    assertThat(doc.toString()).contains("ec2:CreateNetworkInterface");
    assertThat(step.get("fixes").toString()).contains("role.vpc.permissions");
  }

  @Test
  void anUntrustedRoleIsAManualStep() throws Exception {
    Cli r = Cli.run("plan", "--job", scenario("role-trust-untrusted", "job.json").toString(),
        "--network", scenario("role-trust-untrusted", "network.json").toString());
    assertThat(r.out).as(r.toString()).contains("Fix role.trust.sagemaker", "aws iam update-assume-role-policy",
        "vpctrain never changes a trust policy");
    assertThat(r.out).doesNotContain("iam:UpdateAssumeRolePolicy");
  }

  @Test
  void applyOffersIncludeIam() throws Exception {
    Cli r = Cli.run("apply", "--help");
    assertThat(r.out.replaceAll("\\s+", " ")).contains("--include-iam", "PutRolePolicy", "Trust policies are never changed");
  }
}
