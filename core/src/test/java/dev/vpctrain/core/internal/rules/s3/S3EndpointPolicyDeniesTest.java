package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.ARTIFACTS;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.DATA;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.VPCE;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.endpointPolicy;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.job;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.natOnly;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.policy;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.ready;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3EndpointPolicyDeniesTest {
  private final S3EndpointPolicyDenies rule = new S3EndpointPolicyDenies();

  @Test
  void defaultFullAccessPolicyPasses() {
    List<Finding> f = run(rule, ready());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.PASS);
      assertThat(x.message()).isEqualTo("The policy of vpce-s3 allows every S3 request of the job.");
    });
  }

  @Test
  void aPolicyWithoutTheOutputBucketFailsNamingEndpointBucketAndAction() {
    String onlyData = policy("{\"Sid\":\"Data\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],"
        + "\"Resource\":[\"arn:aws:s3:::acme-ml-data\",\"arn:aws:s3:::acme-ml-data/*\"]}");
    List<Finding> f = run(rule, endpointPolicy(ready(), onlyData));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.resources()).containsExactly(VPCE, ARTIFACTS, "subnet-a", "subnet-b");
      assertThat(x.message()).isEqualTo("The policy of S3 endpoint vpce-s3 on the S3 path of subnet-a, subnet-b does not let "
          + TestJobs.ROLE + " make the job's requests: s3:PutObject on arn:aws:s3:::acme-ml-artifacts/out/* "
          + "(OutputDataConfig.S3OutputPath) is not allowed: no statement allows it.");
      assertThat(x.remediation().get())
          .startsWith("Add a statement for the job's buckets to the policy of vpce-s3 (keep the statements other workloads in the "
              + "VPC need). A complete policy for this job:\n{")
          .contains("\"arn:aws:s3:::acme-ml-artifacts/*\"")
          .contains("\"s3:PutObject\"")
          .endsWith("aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-s3 --policy-document file://endpoint-policy.json");
    });
  }

  @Test
  void anExplicitDenyIsNamedWithItsSidAndIndex() {
    String denyList = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
        + "{\"Sid\":\"NoListing\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:List*\",\"Resource\":\"*\"}");
    Finding f = run(rule, endpointPolicy(ready(), denyList)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("s3:ListBucket on arn:aws:s3:::acme-ml-data with prefix train/ "
        + "(InputDataConfig[0].DataSource.S3DataSource.S3Uri) is explicitly denied by statement \"NoListing\" (Statement[1])");
    assertThat(f.remediation().get()).contains("remove or narrow statement \"NoListing\" (Statement[1])");
  }

  @Test
  void theRecommendedPolicyFixesTheFinding() {
    String onlyData = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::acme-ml-data/*\"}");
    var network = endpointPolicy(ready(), onlyData);
    RuleContext ctx = RuleContext.of(job().build(), network.build());
    assertThat(rule.evaluate(ctx).get(0).outcome()).isEqualTo(Outcome.FAIL);
    String recommended = dev.vpctrain.core.internal.rules.policy.RecommendedPolicies.s3EndpointPolicy(ctx);
    assertThat(run(rule, endpointPolicy(ready(), recommended)).get(0).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void principalsAreMatchedAgainstTheJobRole() {
    String roleOnly = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + TestJobs.ROLE + "\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}");
    assertThat(run(rule, endpointPolicy(ready(), roleOnly)).get(0).outcome()).isEqualTo(Outcome.PASS);
    String otherRole = roleOnly.replace("role/SageMakerTraining", "role/Other");
    assertThat(run(rule, endpointPolicy(ready(), otherRole))).singleElement()
        .satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.FAIL));
  }

  @Test
  void conditionsOnThePathKeysUseTheEndpoint() {
    String sameEndpoint = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-s3\",\"aws:SourceVpc\":\"vpc-0a1b2c3d4e5f60001\"},"
        + "\"Null\":{\"aws:SourceIp\":\"true\"},\"Bool\":{\"aws:SecureTransport\":\"true\"}}}");
    assertThat(run(rule, endpointPolicy(ready(), sameEndpoint)).get(0).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void unknownKeysAreLeftToTheUndecidableRule() {
    String org = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc\"}}}");
    Finding f = run(rule, endpointPolicy(ready(), org)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("allows 0 of the S3 requests of the job; 3 depend on keys whose values cannot be known "
        + "(see s3.policy.undecidable)");
  }

  @Test
  void aMalformedPolicyIsUnverifiedWithItsLocation() {
    String broken = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0\"}}}]}";
    Finding f = run(rule, endpointPolicy(ready(), broken)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.resources()).containsExactly(VPCE, "subnet-a", "subnet-b");
    assertThat(f.message()).isEqualTo("The endpoint policy on the S3 path of subnet-a, subnet-b cannot be checked: the policy of "
        + "endpoint vpce-s3 cannot be read: line 1 column 128 (Statement[0].Condition.IpAddress.aws:SourceIp): "
        + "expected an IP address or CIDR block such as \"203.0.113.0/24\" for IpAddress but found \"10.0.0\".");
  }

  @Test
  void anEndpointWithoutPolicyDocumentHasTheDefaultFullAccessPolicy() {
    assertThat(run(rule, endpointPolicy(ready(), null)).get(0).outcome()).isEqualTo(Outcome.PASS);
    assertThat(run(new S3EndpointPolicyFullAccess(), endpointPolicy(ready(), null)).get(0).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void unknownEndpointsSectionIsUnverified() {
    Finding f = run(rule, ready().without(Section.VPC_ENDPOINTS)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void noEndpointOnThePathPasses() {
    assertThat(run(rule, natOnly())).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.PASS);
      assertThat(x.message()).isEqualTo("No S3 request of the job passes a VPC endpoint, so no endpoint policy applies.");
    });
  }

  @Test
  void jobsWithoutVpcOrS3Pass() {
    assertThat(run(rule, TestJobs.jobWithoutVpc().build(), ready().build()).get(0).message()).isEqualTo("The job does not run in a VPC.");
    var noS3 = job().inputChannels(List.of()).outputPath(null).build();
    assertThat(run(rule, noS3, ready().build()).get(0).message()).isEqualTo("The job touches no S3 location.");
  }

  @Test
  void bucketsOfOtherRegionsDoNotUseTheEndpoint() {
    var net = ready().bucket(DATA, "eu-west-1").bucket(ARTIFACTS, "eu-west-1");
    String nothing = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}");
    assertThat(run(rule, endpointPolicy(net, nothing)).get(0).outcome()).isEqualTo(Outcome.PASS);
  }

  private static final String DATA_AND_ARTIFACTS = policy("{\"Sid\":\"JobBuckets\",\"Effect\":\"Allow\",\"Principal\":\"*\","
      + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\",\"s3:PutObject\"],\"Resource\":[\"arn:aws:s3:::acme-ml-data\","
      + "\"arn:aws:s3:::acme-ml-data/*\",\"arn:aws:s3:::acme-ml-artifacts\",\"arn:aws:s3:::acme-ml-artifacts/*\"]}");

  @Test
  void theCodePackageIsARequestOfTheJob() {
    var job = job().codePackage("s3://acme-ml-code/resnet50/source/sourcedir.tar.gz").build();
    var withCode = ready().bucket("acme-ml-code", dev.vpctrain.core.fixtures.TestNetworks.REGION);
    assertThat(run(rule, job().build(), endpointPolicy(withCode, DATA_AND_ARTIFACTS).build()).get(0).outcome()).isEqualTo(Outcome.PASS);
    Finding f = run(rule, job, endpointPolicy(withCode, DATA_AND_ARTIFACTS).build()).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).contains("acme-ml-code");
    assertThat(f.message()).contains("s3:GetObject on arn:aws:s3:::acme-ml-code/resnet50/source/sourcedir.tar.gz "
        + "(HyperParameters.sagemaker_submit_directory) is not allowed").doesNotContain("s3:ListBucket on arn:aws:s3:::acme-ml-code");
    String objectOnly = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\",\"s3:PutObject\"],"
        + "\"Resource\":[\"arn:aws:s3:::acme-ml-data\",\"arn:aws:s3:::acme-ml-data/*\",\"arn:aws:s3:::acme-ml-artifacts/*\","
        + "\"arn:aws:s3:::acme-ml-code/resnet50/source/sourcedir.tar.gz\"]}");
    assertThat(run(rule, job, endpointPolicy(withCode, objectOnly).build()).get(0).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void anEndpointPolicyDenyWithNotPrincipalNamingOnlyTheRoleAppliesToTheJob() {
    String notPrincipal = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
        + "{\"Sid\":\"OnlyTheRole\",\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"" + TestJobs.ROLE + "\",\"arn:aws:iam::123456789012:root\"]},"
        + "\"Action\":\"s3:*\",\"Resource\":\"*\"}");
    Finding f = run(rule, endpointPolicy(ready(), notPrincipal)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("explicitly denied by statement \"OnlyTheRole\" (Statement[1])");
    assertThat(f.remediation().get()).contains("a NotPrincipal naming the role or the account does not exempt the role's sessions");
  }
}
