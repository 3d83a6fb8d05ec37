package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.DATA;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.bucketPolicy;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.endpointPolicy;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.job;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.policy;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.ready;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.report.Verdict;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3PolicyUndecidableTest {
  private final S3PolicyUndecidable rule = new S3PolicyUndecidable();

  private static final String ORG_DENY = policy("{\"Sid\":\"OrgOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
      + "\"Resource\":[\"arn:aws:s3:::acme-ml-data\",\"arn:aws:s3:::acme-ml-data/*\"],"
      + "\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}}");

  @Test
  void decidedPoliciesPass() {
    assertThat(run(rule, ready())).singleElement().satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
  }

  @Test
  void aBucketPolicyDenyOnTheOrgIdIsUnverified() {
    List<Finding> f = run(rule, bucketPolicy(ready(), DATA, ORG_DENY));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.resources()).containsExactly(DATA, "subnet-a", "subnet-b");
      assertThat(x.message()).startsWith("Whether the bucket policy of acme-ml-data denies the job's requests depends on "
          + "aws:PrincipalOrgID in the Deny statement \"OrgOnly\" (Statement[0]), whose value cannot be known from the snapshot: "
          + "s3:GetObject on arn:aws:s3:::acme-ml-data/train/* (InputDataConfig[0].DataSource.S3DataSource.S3Uri) through endpoint vpce-s3;");
      assertThat(x.remediation().get()).contains("aws organizations describe-organization").contains("account 123456789012");
    });
  }

  @Test
  void anEndpointAllowOnTheVpcSourceIpIsUnverified() {
    String vpcIp = policy("{\"Sid\":\"FromSubnets\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"IpAddress\":{\"aws:VpcSourceIp\":\"10.20.0.0/16\"}}}");
    Finding f = run(rule, endpointPolicy(ready(), vpcIp)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.resources()).first().isEqualTo("vpce-s3");
    assertThat(f.message()).startsWith("Whether the policy of S3 endpoint vpce-s3 allows the job's requests depends on aws:VpcSourceIp in "
        + "the Allow statement \"FromSubnets\" (Statement[0])");
    assertThat(f.remediation().get()).contains("private IP the training instance gets in subnet-a, subnet-b");
  }

  @Test
  void anUnknownAllowInABucketPolicyDoesNotMatter() {
    String orgAllow = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-ml-data/*\","
        + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}}");
    assertThat(run(rule, bucketPolicy(ready(), DATA, orgAllow)).get(0).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aSessionPrincipalIsUndecidable() {
    String session = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:sts::123456789012:assumed-role/SageMakerTraining/SageMaker\"},"
        + "\"Action\":\"s3:*\",\"Resource\":\"*\"}");
    Finding f = run(rule, endpointPolicy(ready(), session)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("depends on Principal (role session name)");
    assertThat(f.remediation().get()).contains("aws:PrincipalArn");
  }

  @Test
  void theVerdictIsUnverifiedNotReady() {
    PreflightReport report = RuleEngine.builder().rules(List.of(new S3EndpointPolicyDenies(), new S3BucketPolicyDenies(), rule)).build()
        .evaluate(job().build(), bucketPolicy(ready(), DATA, ORG_DENY).build());
    assertThat(report.verdict()).isEqualTo(Verdict.UNVERIFIED);
  }
}
