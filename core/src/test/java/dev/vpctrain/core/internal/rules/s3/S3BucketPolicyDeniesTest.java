package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.DATA;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.bucketPolicy;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.job;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.natOnly;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.policy;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.ready;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3BucketPolicyDeniesTest {
  private final S3BucketPolicyDenies rule = new S3BucketPolicyDenies();

  private static String vpceOnly(String vpce) {
    return policy("{\"Sid\":\"Access-to-specific-VPCE-only\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
        + "\"Resource\":[\"arn:aws:s3:::acme-ml-data\",\"arn:aws:s3:::acme-ml-data/*\"],"
        + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"" + vpce + "\"}}}");
  }

  @Test
  void aPolicyNamingTheJobsEndpointPasses() {
    List<Finding> f = run(rule, bucketPolicy(ready(), DATA, vpceOnly("vpce-s3")));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.PASS);
      assertThat(x.message()).isEqualTo("The bucket policies of acme-ml-data do not explicitly deny the job's requests over its S3 paths.");
    });
  }

  @Test
  void aPolicyNamingAnotherEndpointFailsWithAPasteableFix() {
    Finding f = run(rule, bucketPolicy(ready(), DATA, vpceOnly("vpce-0123456789abcdef0"))).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).containsExactly(DATA, "vpce-s3", "subnet-a", "subnet-b");
    assertThat(f.message()).startsWith("The bucket policy of acme-ml-data denies the job's requests from subnet-a, subnet-b: "
        + "s3:GetObject on arn:aws:s3:::acme-ml-data/train/* (InputDataConfig[0].DataSource.S3DataSource.S3Uri) through endpoint "
        + "vpce-s3 is explicitly denied by statement \"Access-to-specific-VPCE-only\" (Statement[0]); s3:ListBucket on");
    assertThat(f.remediation().get()).isEqualTo("In the bucket policy of acme-ml-data, add vpce-s3 to the aws:SourceVpce values of "
        + "statement \"Access-to-specific-VPCE-only\" (Statement[0]): \"Condition\": {\"StringNotEquals\": {\"aws:SourceVpce\": "
        + "[\"vpce-0123456789abcdef0\", \"vpce-s3\"]}}. Then apply it: aws s3api put-bucket-policy --bucket acme-ml-data "
        + "--policy file://bucket-policy.json.");
  }

  @Test
  void sourceIpConditionsNeverMatchEndpointTraffic() {
    String ipOnly = policy("{\"Sid\":\"OfficeOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-ml-data/*\","
        + "\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":\"192.0.2.0/24\"}}}");
    Finding f = run(rule, bucketPolicy(ready(), DATA, ipOnly)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("s3:GetObject on arn:aws:s3:::acme-ml-data/train/*").doesNotContain("ListBucket");
    assertThat(f.remediation().get()).contains("requests through a VPC endpoint carry no aws:SourceIp, so statement \"OfficeOnly\" "
        + "(Statement[0]) matches them; condition it on the endpoint instead: \"Condition\": {\"StringNotEquals\": {\"aws:SourceVpce\": \"vpce-s3\"}}");
  }

  @Test
  void throughNatTheSourceIpIsTheNatAddress() {
    String natIp = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-ml-data/*\","
        + "\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.10/32\"}}}");
    assertThat(run(rule, bucketPolicy(natOnly(), DATA, natIp)).get(0).outcome()).isEqualTo(Outcome.PASS);
    String otherIp = natIp.replace("203.0.113.10/32", "192.0.2.0/24");
    Finding f = run(rule, bucketPolicy(natOnly(), DATA, otherIp)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).contains("nat-a");
    assertThat(f.message()).contains("through NAT gateway nat-a (203.0.113.10) is explicitly denied by Statement[0]");
    assertThat(f.remediation().get()).contains("add 203.0.113.10/32 (NAT gateway nat-a) to the aws:SourceIp values of Statement[0]: "
        + "\"Condition\": {\"NotIpAddress\": {\"aws:SourceIp\": [\"192.0.2.0/24\", \"203.0.113.10/32\"]}}");
  }

  @Test
  void throughNatAnEndpointConditionDenies() {
    Finding f = run(rule, bucketPolicy(natOnly(), DATA, vpceOnly("vpce-s3"))).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.remediation().get()).contains("requires aws:SourceVpce, which requests through NAT gateway nat-a do not carry");
  }

  @Test
  void knownKeysDecide() {
    String tls = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-ml-data/*\","
        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}},"
        + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-ml-data/*\","
        + "\"Condition\":{\"NumericLessThan\":{\"s3:TlsVersion\":\"1.2\"}}},"
        + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-ml-data/*\","
        + "\"Condition\":{\"ArnNotEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::123456789012:role/SageMakerTraining\"}}}");
    assertThat(run(rule, bucketPolicy(ready(), DATA, tls)).get(0).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void listingOutsideTheAllowedPrefixIsDenied() {
    String prefixes = policy("{\"Sid\":\"OnlyVal\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:ListBucket\","
        + "\"Resource\":\"arn:aws:s3:::acme-ml-data\",\"Condition\":{\"StringNotLike\":{\"s3:prefix\":\"val/*\"}}}");
    Finding f = run(rule, bucketPolicy(ready(), DATA, prefixes)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("s3:ListBucket on arn:aws:s3:::acme-ml-data with prefix train/");
    String train = prefixes.replace("val/*", "train/*");
    assertThat(run(rule, bucketPolicy(ready(), DATA, train)).get(0).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void unknownBucketPoliciesAreUnverified() {
    var unknown = ready().bucket(BucketFacts.builder().bucket(DATA).region("us-east-1").policyState(PolicyState.UNKNOWN).build());
    Finding f = run(rule, unknown).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).isEqualTo("Whether the bucket policy of acme-ml-data denies the job's requests cannot be checked: "
        + "the bucket policy of acme-ml-data is not known: s3:GetBucketPolicy was not captured in the snapshot.");
    var failed = TestNetworks.ready().bucket(PolicyRuleFixtures.ARTIFACTS, "us-east-1").build().toBuilder()
        .addErrors(CaptureError.builder().operation("s3:GetBucketPolicy").code("AccessDenied").message("Access Denied")
            .resource(DATA).build()).build();
    Finding g = run(rule, job().build(), failed).get(0);
    assertThat(g.message()).contains("s3:GetBucketPolicy failed during capture with AccessDenied: Access Denied");
  }

  @Test
  void aMalformedBucketPolicyIsUnverifiedWithItsLocation() {
    Finding f = run(rule, bucketPolicy(ready(), DATA, "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"acme\"}]}")).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("the bucket policy of acme-ml-data cannot be read: line 1 column 59 (Statement[0].Resource): expected \"*\" or an ARN");
  }

  @Test
  void unreachableBucketsAreNotJudged() {
    var noRoute = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 100)
        .subnet("subnet-b", "us-east-1b", "10.20.2.0/24", 100).bucket(PolicyRuleFixtures.ARTIFACTS, "us-east-1");
    String denyAll = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
    Finding f = run(rule, bucketPolicy(noRoute, DATA, denyAll)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).startsWith("No request of the job reaches a bucket with a policy");
  }

  @Test
  void bucketsWithoutPoliciesPass() {
    assertThat(run(rule, ready()).get(0).message())
        .isEqualTo("None of the job's buckets (acme-ml-data, acme-ml-artifacts) has a bucket policy.");
  }

  private static String notPrincipal(String... principals) {
    return policy("{\"Sid\":\"OnlyTrainingRole\",\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"" + String.join("\",\"", principals)
        + "\"]},\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::acme-ml-data\",\"arn:aws:s3:::acme-ml-data/*\"]}");
  }

  @Test
  void aNotPrincipalDenyNamingOnlyTheRoleAndAccountDeniesTheJobsSession() {
    Finding f = run(rule, bucketPolicy(ready(), DATA,
        notPrincipal(dev.vpctrain.core.fixtures.TestJobs.ROLE, "arn:aws:iam::123456789012:root"))).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("s3:GetObject on arn:aws:s3:::acme-ml-data/train/*")
        .contains("is explicitly denied by statement \"OnlyTrainingRole\" (Statement[0])");
    assertThat(f.remediation().get()).contains("NotPrincipal, which does not exempt the job")
        .contains("\"Condition\": {\"ArnNotEquals\": {\"aws:PrincipalArn\": \"" + dev.vpctrain.core.fixtures.TestJobs.ROLE + "\"}}");
    assertThat(run(rule, bucketPolicy(ready(), DATA, notPrincipal("123456789012"))).get(0).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void theSuggestedPrincipalArnConditionLetsTheJobThrough() {
    String byCondition = policy("{\"Sid\":\"OnlyTrainingRole\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
        + "\"Resource\":[\"arn:aws:s3:::acme-ml-data\",\"arn:aws:s3:::acme-ml-data/*\"],"
        + "\"Condition\":{\"ArnNotEquals\":{\"aws:PrincipalArn\":\"" + dev.vpctrain.core.fixtures.TestJobs.ROLE + "\"}}}");
    assertThat(run(rule, bucketPolicy(ready(), DATA, byCondition)).get(0).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aNotPrincipalNamingAFixedSessionIsLeftToTheUndecidableRule() {
    String fixedSession = notPrincipal("arn:aws:sts::123456789012:assumed-role/SageMakerTraining/SageMaker",
        dev.vpctrain.core.fixtures.TestJobs.ROLE, "arn:aws:iam::123456789012:root");
    assertThat(run(rule, bucketPolicy(ready(), DATA, fixedSession)).get(0).outcome()).isEqualTo(Outcome.PASS);
    Finding u = run(new S3PolicyUndecidable(), bucketPolicy(ready(), DATA, fixedSession)).get(0);
    assertThat(u.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(u.message()).contains("Principal (role session name)").contains("\"OnlyTrainingRole\"");
    String wildcardSession = notPrincipal("arn:aws:sts::123456789012:assumed-role/SageMakerTraining/*",
        dev.vpctrain.core.fixtures.TestJobs.ROLE, "arn:aws:iam::123456789012:root");
    assertThat(run(rule, bucketPolicy(ready(), DATA, wildcardSession)).get(0).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void theCodePackageObjectIsCheckedAgainstItsBucketPolicy() {
    String codeVpce = policy("{\"Sid\":\"CodeThroughOtherVpce\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
        + "\"Resource\":[\"arn:aws:s3:::acme-ml-code\",\"arn:aws:s3:::acme-ml-code/*\"],"
        + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-0123456789abcdef0\"}}}");
    var job = job().codePackage("s3://acme-ml-code/src/sourcedir.tar.gz").build();
    Finding f = run(rule, job, bucketPolicy(ready(), "acme-ml-code", codeVpce).build()).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).startsWith("The bucket policy of acme-ml-code denies the job's requests from subnet-a, subnet-b: "
        + "s3:GetObject on arn:aws:s3:::acme-ml-code/src/sourcedir.tar.gz (HyperParameters.sagemaker_submit_directory) through "
        + "endpoint vpce-s3 is explicitly denied");
    assertThat(run(rule, job().build(), bucketPolicy(ready(), "acme-ml-code", codeVpce).build()).get(0).outcome())
        .isEqualTo(Outcome.PASS);
  }
}
