package dev.vpctrain.core.internal.rules.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterfaceEndpointPolicyTest {
  private final InterfaceEndpointPolicy rule = new InterfaceEndpointPolicy();
  private static final TrainingJobSpec JOB = TestJobs.job("subnet-a", "subnet-b").requires(AwsService.STS, AwsService.LOGS).build();

  private static TestNetworks.Builder withEndpoints(String stsPolicy) {
    return TestNetworks.ready()
        .interfaceEndpoint("vpce-sts", "sts", true, "subnet-a", "subnet-b")
        .interfaceEndpoint("vpce-logs", "logs", true, "subnet-a", "subnet-b")
        .changeEndpoint("vpce-sts", e -> e.withPolicyDocument(Optional.ofNullable(stsPolicy)));
  }

  private static String policy(String statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
  }

  private List<Finding> run(TrainingJobSpec job, TestNetworks.Builder net) {
    return rule.evaluate(RuleContext.of(job, net.build()));
  }

  @Test
  void endpointsWithoutOrWithTheDefaultPolicyPass() {
    String full = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}");
    for (String p : new String[] {null, full}) {
      assertThat(run(JOB, withEndpoints(p))).singleElement().satisfies(f -> {
        assertThat(f.outcome()).isEqualTo(Outcome.PASS);
        assertThat(f.message()).isEqualTo("The policies of vpce-logs, vpce-sts let " + TestJobs.ROLE + " use [logs, sts].");
      });
    }
  }

  @Test
  void aPolicyForAnotherRoleDeniesTheJob() {
    String other = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/Other\"},\"Action\":\"sts:*\",\"Resource\":\"*\"}");
    assertThat(run(JOB, withEndpoints(other))).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(f.resources()).containsExactly("vpce-sts");
      assertThat(f.message()).isEqualTo("The policy of interface endpoint vpce-sts (com.amazonaws.us-east-1.sts) denies " + TestJobs.ROLE
          + ": no statement allows it any sts action.");
      assertThat(f.remediation().get()).contains("\"AWS\": \"" + TestJobs.ROLE + "\"").contains("\"Action\": \"sts:*\"")
          .contains("modify-vpc-endpoint --vpc-endpoint-id vpce-sts");
    });
  }

  @Test
  void anExplicitDenyIsNamed() {
    String deny = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"},"
        + "{\"Sid\":\"NoTraining\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
        + "\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/SageMaker*\"}}}");
    Finding f = run(JOB, withEndpoints(deny)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).endsWith("every sts action is explicitly denied by statement \"NoTraining\" (Statement[1]).");
    assertThat(f.remediation().get()).contains("remove or narrow statement \"NoTraining\" (Statement[1])");
  }

  @Test
  void allowingSomeActionsOfTheServiceIsEnough() {
    String some = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"sts:AssumeRole\",\"sts:GetCallerIdentity\"],"
        + "\"Resource\":\"arn:aws:iam::123456789012:role/Data*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-sts\"}}}");
    assertThat(run(JOB, withEndpoints(some)).get(0).outcome()).isEqualTo(Outcome.PASS);
    String otherService = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"logs:*\",\"Resource\":\"*\"}");
    assertThat(run(JOB, withEndpoints(otherService)).get(0).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void unknownKeysMakeItUnverified() {
    String org = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-1\"}}}");
    Finding f = run(JOB, withEndpoints(org)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("aws:PrincipalOrgID");
  }

  @Test
  void malformedPoliciesAreUnverifiedWithTheirLocation() {
    Finding f = run(JOB, withEndpoints("{\"Statement\":[{\"Effect\":\"Allow\"}]}")).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).isEqualTo("The policy of interface endpoint vpce-sts (com.amazonaws.us-east-1.sts) cannot be read: "
        + "line 1 column 15 (Statement[0]): missing required member \"Action\" (or \"NotAction\").");
  }

  @Test
  void endpointsThatDoNotServeAreIgnored() {
    String denyAll = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}");
    var net = withEndpoints(denyAll).changeEndpoint("vpce-sts", e -> e.withPrivateDnsEnabled(false));
    assertThat(run(JOB, net).get(0).outcome()).isEqualTo(Outcome.PASS);
    var noEndpoints = TestNetworks.ready();
    assertThat(run(JOB, noEndpoints).get(0).message()).contains("No interface endpoint in vpc-0a1b2c3d4e5f60001 serves");
  }

  @Test
  void notApplicableAndUnknownCases() {
    assertThat(run(TestJobs.job("subnet-a").build(), withEndpoints(null)).get(0).message())
        .isEqualTo("The job names no AWS service reached through an interface endpoint.");
    assertThat(run(TestJobs.job("subnet-a").requires(AwsService.IAM).build(), withEndpoints(null)).get(0).outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(run(JOB, withEndpoints(null).without(Section.VPC_ENDPOINTS)).get(0).outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(run(TestJobs.job("subnet-x").requires(AwsService.STS).vpc(v -> v.securityGroups("sg-x")).build(), withEndpoints(null))
        .get(0).outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @ParameterizedTest
  @CsvSource({"sts,sts", "monitoring,cloudwatch", "ecr.api,ecr", "ecr.dkr,ecr", "sagemaker.runtime,sagemaker", "secretsmanager,secretsmanager",
      "logs,logs", "kms,kms", "ssm,ssm", "glue,glue"})
  void iamPrefixes(String endpoint, String prefix) {
    assertThat(InterfaceEndpointPolicy.iamPrefix(AwsService.of(endpoint))).isEqualTo(prefix);
  }
}
