package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.endpointPolicy;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.job;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.natOnly;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.policy;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.ready;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.policy.RecommendedPolicies;
import org.junit.jupiter.api.Test;

class S3PackagesNotBlockedTest {
  private final S3PackagesNotBlocked rule = new S3PackagesNotBlocked();

  @Test
  void theDefaultPolicyDoesNotBlock() {
    Finding f = run(rule, ready()).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.resources()).containsExactly("vpce-s3", "subnet-a", "subnet-b");
    assertThat(f.message()).isEqualTo("The policy of S3 endpoint vpce-s3 (used by subnet-a, subnet-b) does not block the Amazon Linux "
        + "repositories: s3:GetObject on packages.us-east-1.amazonaws.com by an anonymous caller is allowed by Statement[0].");
  }

  @Test
  void itIsAWarningWhenTheSpecAsksToBlock() {
    Finding f = run(rule, job().blockPackageRepositories().build(), ready().build()).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void theRecommendedPolicyBlocks() {
    RuleContext ctx = RuleContext.of(job().build(), ready().build());
    String recommended = RecommendedPolicies.s3EndpointPolicy(ctx);
    Finding f = run(rule, endpointPolicy(ready(), recommended)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).isEqualTo("The policy of S3 endpoint vpce-s3 blocks the Amazon Linux repositories.");
  }

  @Test
  void anAllowListBlocksImplicitly() {
    String jobOnly = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::acme-ml-data/*\",\"arn:aws:s3:::acme-ml-artifacts/*\"]}");
    assertThat(run(rule, endpointPolicy(ready(), jobOnly)).get(0).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aDenyOfOnlyOneRepositoryDoesNotBlock() {
    String partial = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::packages.*.amazonaws.com/*\"}");
    Finding f = run(rule, endpointPolicy(ready(), partial)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("repo.us-east-1.amazonaws.com");
  }

  @Test
  void aRoleOnlyPolicyStillLetsTheRoleFetch() {
    String roleOnly = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/SageMakerTraining\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}");
    Finding f = run(rule, endpointPolicy(ready(), roleOnly)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("by a session of arn:aws:iam::123456789012:role/SageMakerTraining");
  }

  @Test
  void natPathsDoNotBlock() {
    Finding f = run(rule, natOnly()).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).containsExactly("nat-a", "subnet-a", "subnet-b");
    assertThat(f.remediation().get()).contains("aws ec2 create-vpc-endpoint");
  }

  @Test
  void noPathMeansNothingReachable() {
    var isolated = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 100)
        .subnet("subnet-b", "us-east-1b", "10.20.2.0/24", 100);
    assertThat(run(rule, isolated).get(0).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void anUndecidablePolicyIsUnverified() {
    String org = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-1\"}}}");
    Finding f = run(rule, endpointPolicy(ready(), org)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("aws:PrincipalOrgID");
  }
}
