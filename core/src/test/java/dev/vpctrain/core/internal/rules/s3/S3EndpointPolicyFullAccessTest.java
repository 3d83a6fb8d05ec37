package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.endpointPolicy;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.natOnly;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.policy;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.ready;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class S3EndpointPolicyFullAccessTest {
  private final S3EndpointPolicyFullAccess rule = new S3EndpointPolicyFullAccess();

  @Test
  void theDefaultPolicyIsFullAccess() {
    Finding f = run(rule, ready()).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.resources()).containsExactly("vpce-s3");
    assertThat(f.message()).startsWith("S3 endpoint vpce-s3 keeps a full-access policy");
    assertThat(f.remediation().get()).contains("\"Sid\": \"TrainingJobBuckets\"").contains("\"arn:aws:s3:::acme-ml-data\"")
        .contains("\"Sid\": \"AmazonLinuxRepositories\"").contains("modify-vpc-endpoint --vpc-endpoint-id vpce-s3");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}                                   | FAIL
      {"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"*"}                        | FAIL
      {"Effect":"Allow","Principal":"*","Action":"s3:*"}                                               | FAIL
      {"Effect":"Allow","Principal":"*","Action":"*","Resource":"arn:aws:s3:::acme-ml-data/*"}         | PASS
      {"Effect":"Allow","Principal":"*","Action":"s3:Get*","Resource":"*"}                             | PASS
      {"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"*","Resource":"*"}                | PASS
      {"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"123456789012"}}} | PASS
      {"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::packages.*.amazonaws.com/*"} | PASS
      """)
  void fullAccessIsDecidedByTheEvaluator(String statements, Outcome expected) {
    assertThat(run(rule, endpointPolicy(ready(), policy(statements))).get(0).outcome()).isEqualTo(expected);
  }

  @Test
  void noEndpointOnThePathPasses() {
    assertThat(run(rule, natOnly()).get(0).message()).isEqualTo("No S3 endpoint is on the job's S3 paths.");
  }

  @Test
  void anUnreadablePolicyIsUnverifiedInfo() {
    Finding f = run(rule, endpointPolicy(ready(), "{")).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.message()).contains("line 1 column 2: expected a member name in double quotes but the text ended");
  }
}
