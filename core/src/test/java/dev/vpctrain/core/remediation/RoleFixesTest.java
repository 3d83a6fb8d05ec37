package dev.vpctrain.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.InlinePolicy;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import dev.vpctrain.core.rules.ShapeFixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The role's part of the plan: one inline policy with the missing statements of every failing role
 * rule, which, put on the role, leaves no role rule failing; explicit denies and trust policies as advice.
 */
class RoleFixesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROLE = "SageMakerTrainingRole";
  private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  private static final String DENY_CREATE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoEnis\","
      + "\"Effect\":\"Deny\",\"Action\":\"ec2:CreateNetworkInterface\",\"Resource\":\"*\"}]}";

  private static IamRole role(String trust, InlinePolicy... inline) {
    return IamRole.builder().roleName(ROLE).arn("arn:aws:iam::123456789012:role/" + ROLE).trustPolicy(trust)
        .inlinePolicies(List.of(inline)).attachedPolicyArns(List.of()).build();
  }

  private static NetworkSnapshot network(IamRole role) {
    return ShapeFixtures.network().iam(IamEvidence.builder().roles(List.of(role)).build()).build();
  }

  private static RemediationPlan plan(TrainingJobSpec job, NetworkSnapshot net) {
    return RemediationPlanner.plan(job, net, RuleEngine.standard().evaluate(job, net));
  }

  private static List<RemediationStep> puts(RemediationPlan plan) {
    return plan.allSteps().stream().filter(s -> s.change() instanceof Change.PutRolePolicy).toList();
  }

  private static List<String> failingRoleRules(PreflightReport r) {
    return r.findings().stream().filter(f -> f.ruleId().startsWith("role.") && f.outcome() == Outcome.FAIL)
        .map(Finding::ruleId).distinct().toList();
  }

  @Test
  void oneInlinePolicyHoldsTheMissingStatementsOfEveryFailingRoleRuleAndFixesThem() throws Exception {
    TrainingJobSpec job = ShapeFixtures.job().build();
    NetworkSnapshot net = network(role(TRUST));
    PreflightReport before = RuleEngine.standard().evaluate(job, net);
    assertThat(failingRoleRules(before)).contains("role.vpc.permissions", "role.logs.access");

    RemediationPlan plan = plan(job, net);
    List<RemediationStep> puts = puts(plan);
    assertThat(puts).hasSize(1);
    RemediationStep step = puts.get(0);
    assertThat(plan.steps()).contains(step); // an ERROR rule fails: needed for READY
    assertThat(step.fixes()).containsAll(failingRoleRules(before));
    Change.PutRolePolicy put = (Change.PutRolePolicy) step.change();
    assertThat(put.roleName()).isEqualTo(ROLE);
    assertThat(put.policyName()).isEqualTo("vpctrain-sagemaker-job");
    assertThat(step.operation()).isEqualTo("iam:PutRolePolicy");
    assertThat(step.command()).startsWith("aws iam put-role-policy --role-name " + ROLE
        + " --policy-name vpctrain-sagemaker-job --policy-document");
    assertThat(plan.render()).contains("call: iam:PutRolePolicy (reversible)", "\"ec2:CreateNetworkInterface\"",
        "\"cloudwatch:PutMetricData\"");

    JsonNode doc = JSON.readTree(put.policyDocument());
    Set<String> sids = new HashSet<>();
    Set<String> statements = new HashSet<>();
    for (JsonNode s : doc.get("Statement")) {
      assertThat(sids.add(s.get("Sid").asText())).as("unique Sid %s", s.get("Sid")).isTrue();
      ObjectNode body = s.deepCopy();
      body.remove("Sid");
      assertThat(statements.add(body.toString())).as("no duplicate statement").isTrue();
      assertThat(s.get("Effect").asText()).isEqualTo("Allow");
    }

    // put on the role, the policy leaves no role rule failing
    NetworkSnapshot fixed = network(role(TRUST, InlinePolicy.of(put.policyName(), Optional.of(put.policyDocument()))));
    assertThat(failingRoleRules(RuleEngine.standard().evaluate(job, fixed))).isEmpty();
    assertThat(puts(plan(job, fixed))).isEmpty();
  }

  @Test
  void theOrderAndTheDocumentAreStable() {
    TrainingJobSpec job = ShapeFixtures.job().build();
    NetworkSnapshot net = network(role(TRUST));
    String a = ((Change.PutRolePolicy) puts(plan(job, net)).get(0).change()).policyDocument();
    String b = ((Change.PutRolePolicy) puts(plan(job, net)).get(0).change()).policyDocument();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void anExistingPolicyOfThatNameKeepsItsStatements() throws Exception {
    String mine = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Mine\",\"Effect\":\"Allow\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-ml-data/*\"}]}";
    TrainingJobSpec job = ShapeFixtures.job().build();
    NetworkSnapshot net = network(role(TRUST, InlinePolicy.of("vpctrain-sagemaker-job", Optional.of(mine))));
    Change.PutRolePolicy put = (Change.PutRolePolicy) puts(plan(job, net)).get(0).change();
    assertThat(put.currentPolicy()).contains(mine);
    JsonNode doc = JSON.readTree(put.policyDocument());
    assertThat(doc.get("Statement").get(0).get("Sid").asText()).isEqualTo("Mine");
    assertThat(doc.get("Statement").size()).isGreaterThan(1);
  }

  @Test
  void aStatementAnExplicitDenyBlocksIsFlaggedWithTheDeny() {
    TrainingJobSpec job = ShapeFixtures.job().build();
    NetworkSnapshot net = network(role(TRUST, InlinePolicy.of("guard", Optional.of(DENY_CREATE))));
    RemediationPlan plan = plan(job, net);
    List<RemediationStep> advice = new ArrayList<>();
    plan.allSteps().stream().filter(s -> s.isAdvice() && s.title().startsWith("Remove the Deny")).forEach(advice::add);
    // one per failing finding: the job's two subnets
    assertThat(advice).hasSize(2);
    assertThat(advice.get(0).title()).contains(ShapeFixtures.SUBNET_A);
    assertThat(advice.get(1).title()).contains(ShapeFixtures.SUBNET_B);
    assertThat(advice.get(0).fixes()).containsExactly("role.vpc.permissions");
    assertThat(advice.get(0).why()).contains("\"NoEnis\"", "\"guard\"", "overrides every Allow");
    assertThat(plan.steps()).containsAll(advice);
    assertThat(puts(plan)).hasSize(1); // the missing Allows are still planned
  }

  @Test
  void anUntrustedRoleIsAManualTrustPolicyStepNotAPut() {
    String untrusted = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    TrainingJobSpec job = ShapeFixtures.job().build();
    RemediationPlan plan = plan(job, network(role(untrusted)));
    RemediationStep trust = plan.allSteps().stream().filter(s -> s.fixes().contains("role.trust.sagemaker"))
        .findFirst().orElseThrow();
    assertThat(trust.isAdvice()).isTrue();
    assertThat(trust.command()).contains("aws iam update-assume-role-policy");
    assertThat(trust.why()).contains("never changes a trust policy");
    assertThat(puts(plan)).allSatisfy(s -> assertThat(s.fixes()).doesNotContain("role.trust.sagemaker"));
  }
}
