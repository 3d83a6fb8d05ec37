package dev.vpctrain.core.internal.rules.role;

import static dev.vpctrain.core.internal.rules.role.RoleFixtures.ROLE_ARN;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.TRUST_SAGEMAKER;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.doc;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.role;
import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.rules.ShapeFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RoleTrustSagemakerTest {
  private final RoleTrustSagemaker rule = new RoleTrustSagemaker();

  private Finding judge(String trust) {
    return judge(trust, job().build());
  }

  private Finding judge(String trust, TrainingJobSpec job) {
    return rule.evaluate(context(job, RoleFixtures.network(role(trust).build()).build())).get(0);
  }

  private static String trust(String principal, String condition) {
    return doc("{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"sts:AssumeRole\""
        + (condition == null ? "" : ",\"Condition\":" + condition) + "}");
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "service string            | {\"Service\":\"sagemaker.amazonaws.com\"}                                  | PASS",
      "service in a list         | {\"Service\":[\"ec2.amazonaws.com\",\"sagemaker.amazonaws.com\"]}          | PASS",
      "everyone                  | \"*\"                                                                      | PASS",
      "AWS everyone              | {\"AWS\":\"*\"}                                                            | PASS",
      "another service           | {\"Service\":\"ec2.amazonaws.com\"}                                        | FAIL",
      "an account, not a service | {\"AWS\":\"arn:aws:iam::123456789012:root\"}                                | FAIL",
  })
  void principals(String name, String principal, Outcome expected) {
    assertThat(judge(trust(principal, null)).outcome()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "source account          | {\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}                                   | PASS",
      "other source account    | {\"StringEquals\":{\"aws:SourceAccount\":\"210987654321\"}}                                   | FAIL",
      "source ARN, any job     | {\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sagemaker:us-east-1:123456789012:training-job/*\"}} | PASS",
      "source ARN, other region| {\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sagemaker:eu-west-1:123456789012:training-job/*\"}} | FAIL",
      "source ARN, the job     | {\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:sagemaker:us-east-1:123456789012:training-job/resnet50-nightly\"}} | PASS",
      "external id             | {\"StringEquals\":{\"sts:ExternalId\":\"x\"}}                                                | UNVERIFIED",
      "organisation            | {\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc\"}}                                        | UNVERIFIED",
  })
  void conditions(String name, String condition, Outcome expected) {
    Finding f = judge(trust("{\"Service\":\"sagemaker.amazonaws.com\"}", condition));
    assertThat(f.outcome()).isEqualTo(expected);
    if (expected == Outcome.UNVERIFIED) {
      assertThat(f.message()).containsAnyOf("sts:ExternalId", "aws:PrincipalOrgID");
    }
  }

  @Test
  void aSourceArnMatchingOnlyTheNameAsWrittenIsUnverified() {
    TrainingJobSpec j = job().name("ResNet-Nightly").build();
    String exact = trust("{\"Service\":\"sagemaker.amazonaws.com\"}",
        "{\"StringEquals\":{\"aws:SourceArn\":\"arn:aws:sagemaker:us-east-1:123456789012:training-job/ResNet-Nightly\"}}");
    Finding f = judge(exact, j);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("lower-cased");
    String lower = exact.replace("ResNet-Nightly", "resnet-nightly");
    assertThat(judge(lower, j).outcome()).isEqualTo(Outcome.UNVERIFIED);
    String both = trust("{\"Service\":\"sagemaker.amazonaws.com\"}",
        "{\"StringEqualsIgnoreCase\":{\"aws:SourceArn\":\"arn:aws:sagemaker:us-east-1:123456789012:training-job/resnet-nightly\"}}");
    assertThat(judge(both, j).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void failsWithSageMakersTextAndATrustStatementToAdd() {
    Finding f = judge(trust("{\"Service\":\"ec2.amazonaws.com\"}", null));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("Could not assume role " + ROLE_ARN)
        .contains("allows principal 'sagemaker.amazonaws.com' to assume the role");
    assertThat(f.remediation().orElseThrow())
        .contains("aws iam update-assume-role-policy --role-name SageMakerTrainingRole")
        .contains("\"Service\": \"sagemaker.amazonaws.com\"")
        .contains("ec2.amazonaws.com") // the existing statement is kept
        .doesNotContain("AmazonSageMakerFullAccess");
    assertThat(f.resources()).containsExactly(ROLE_ARN);
  }

  @Test
  void anExplicitDenyFailsNamingIt() {
    String t = doc("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}",
        "{\"Sid\":\"NoServices\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}");
    Finding f = judge(t);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("NoServices");
    assertThat(f.remediation().orElseThrow()).startsWith("Remove or narrow statement \"NoServices\"");
  }

  @Test
  void passesUnevaluatedWithoutAnIamSectionAndIsUnverifiedWithoutTheRole() {
    assertThat(rule.evaluate(context(job().build())).get(0).outcome()).isEqualTo(Outcome.PASS);
    Finding f = rule.evaluate(context(job().build(),
        ShapeFixtures.network().iam(IamEvidence.builder().build()).build())).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void unverifiedWhenTheTrustPolicyIsUnknown() {
    Finding f = rule.evaluate(context(job().build(),
        RoleFixtures.network(role(TRUST_SAGEMAKER).trustPolicy(java.util.Optional.empty()).build()).build())).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("not captured");
  }
}
