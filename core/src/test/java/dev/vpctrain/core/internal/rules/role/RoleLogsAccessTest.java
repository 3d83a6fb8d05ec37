package dev.vpctrain.core.internal.rules.role;

import static dev.vpctrain.core.internal.rules.role.RoleFixtures.ROLE_ARN;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.TRUST_SAGEMAKER;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.doc;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.role;
import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleLogsAccessTest {
  private static final String GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/TrainingJobs";
  private static final String METRICS = "{\"Effect\":\"Allow\",\"Action\":\"cloudwatch:PutMetricData\",\"Resource\":\"*\"}";

  private final RoleLogsAccess rule = new RoleLogsAccess();

  private Finding judge(String... statements) {
    NetworkSnapshot n = RoleFixtures.network(role(TRUST_SAGEMAKER, doc(statements)).build()).build();
    List<Finding> out = rule.evaluate(context(job().build(), n));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  private static String logs(String resource) {
    return "{\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogGroup\",\"logs:DescribeLogStreams\","
        + "\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"" + resource + "\"}";
  }

  @Test
  void isAWarningAndIsNotEvaluatedWithoutAnIamSection() {
    assertThat(rule.severity()).isEqualTo(Severity.WARNING);
    NetworkSnapshot n = RoleFixtures.network(role(TRUST_SAGEMAKER).build()).build().withIam(Optional.empty());
    assertThat(rule.evaluate(context(job().build(), n))).singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("Not evaluated"));
  }

  @Test
  void passesWithTheManagedPolicysScopeOrTheCommonColonStarForm() {
    assertThat(judge(logs("arn:aws:logs:*:*:log-group:/aws/sagemaker/*"), METRICS).outcome()).isEqualTo(Outcome.PASS);
    assertThat(judge(logs(GROUP + ":*"), METRICS).outcome()).isEqualTo(Outcome.PASS);
    assertThat(judge("{\"Effect\":\"Allow\",\"Action\":[\"logs:*\",\"cloudwatch:*\"],\"Resource\":\"*\"}").outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void failsNamingTheMissingActionsWithTheStatementToAttach() {
    Finding f = judge(logs(GROUP + ":*"));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("cloudwatch:PutMetricData on *").doesNotContain("logs:");
    assertThat(f.resources()).containsExactly(ROLE_ARN);
    assertThat(f.remediation().orElseThrow()).contains("--policy-name vpctrain-sagemaker-logs")
        .contains("\"Action\": \"cloudwatch:PutMetricData\"").contains("\"Resource\": \"*\"");

    Finding streamsOnly = judge(logs(GROUP + ":log-stream:other-job/*"), METRICS);
    assertThat(streamsOnly.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(streamsOnly.message()).contains("logs:CreateLogGroup on " + GROUP + ":")
        .contains("logs:PutLogEvents on " + GROUP + ":log-stream:resnet50-nightly/algo-*");
    assertThat(streamsOnly.remediation().orElseThrow()).contains("\"Resource\": \"" + GROUP + ":*\"");
  }

  @Test
  void anExplicitDenyFails() {
    Finding f = judge(logs("*"), METRICS, "{\"Effect\":\"Deny\",\"Action\":\"logs:PutLogEvents\",\"Resource\":\"*\"}");
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.remediation().orElseThrow()).startsWith("Change the Deny statement");
  }

  @Test
  void aConditionOnTheMetricNamespaceIsUnverified() {
    Finding f = judge(logs(GROUP + ":*"), "{\"Effect\":\"Allow\",\"Action\":\"cloudwatch:PutMetricData\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"cloudwatch:namespace\":\"/aws/sagemaker/TrainingJobs\"}}}");
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("cloudwatch:namespace");
  }
}
