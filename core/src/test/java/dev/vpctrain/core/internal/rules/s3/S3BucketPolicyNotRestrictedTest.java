package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.ARTIFACTS;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.DATA;
import static dev.vpctrain.core.internal.rules.s3.PolicyRuleFixtures.bucketPolicy;
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
import java.util.List;
import org.junit.jupiter.api.Test;

class S3BucketPolicyNotRestrictedTest {
  private final S3BucketPolicyNotRestricted rule = new S3BucketPolicyNotRestricted();

  private static Finding forBucket(List<Finding> findings, String bucket) {
    return findings.stream().filter(f -> f.resources().contains(bucket)).findFirst().orElseThrow();
  }

  @Test
  void bucketsWithoutPolicyAreNotRestricted() {
    List<Finding> f = run(rule, ready());
    assertThat(f).hasSize(2);
    Finding data = forBucket(f, DATA);
    assertThat(data.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(data.severity()).isEqualTo(Severity.INFO);
    assertThat(data.message()).isEqualTo("Bucket acme-ml-data has no bucket policy, so it does not restrict access to the job's VPC or endpoint.");
    assertThat(data.remediation().get()).contains("\"StringNotEquals\": {\n").contains("\"aws:SourceVpce\": \"vpce-s3\"")
        .contains("put-bucket-policy --bucket acme-ml-data");
  }

  @Test
  void anEndpointRestrictionPasses() {
    String vpce = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::acme-ml-data\",\"arn:aws:s3:::acme-ml-data/*\"],"
        + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-s3\"}}}");
    assertThat(forBucket(run(rule, bucketPolicy(ready(), DATA, vpce)), DATA).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void anAllowOnlyPolicyIsNotARestriction() {
    String allow = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"123456789012\"},\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-ml-data/*\"}");
    Finding f = forBucket(run(rule, bucketPolicy(ready(), DATA, allow)), DATA);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).isEqualTo("The bucket policy of acme-ml-data does not restrict access to the job's VPC or endpoint: the job's "
        + "s3:GetObject on arn:aws:s3:::acme-ml-data/train/* (InputDataConfig[0].DataSource.S3DataSource.S3Uri) is not denied when it "
        + "comes through another VPC endpoint (vpce-00000000000000000 of vpc-00000000000000000).");
  }

  @Test
  void aVpcRestrictionThatLetsTheInternetInIsNotEnough() {
    String vpcOnlyWhenPresent = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::acme-ml-data\",\"arn:aws:s3:::acme-ml-data/*\"],"
        + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpc\":\"vpc-0a1b2c3d4e5f60001\"},\"Null\":{\"aws:SourceVpc\":\"false\"}}}");
    Finding f = forBucket(run(rule, bucketPolicy(ready(), DATA, vpcOnlyWhenPresent)), DATA);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("from the internet (198.51.100.7)");
  }

  @Test
  void aRestrictionOfObjectsOnlyLeavesListingOpen() {
    String objects = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-ml-data/*\","
        + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-s3\"}}}");
    Finding f = forBucket(run(rule, bucketPolicy(ready(), DATA, objects)), DATA);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("s3:ListBucket on arn:aws:s3:::acme-ml-data with prefix train/");
  }

  @Test
  void anOrgRestrictionIsUndecidable() {
    String org = policy("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-ml-data*\","
        + "\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalOrgID\":\"o-1\"}}}");
    Finding f = forBucket(run(rule, bucketPolicy(ready(), DATA, org)), DATA);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("aws:PrincipalOrgID");
  }

  @Test
  void theRecommendedPolicyRestrictsAndDoesNotDenyTheJob() {
    for (TestNetworks.Builder net : List.of(ready(), natOnly())) {
      RuleContext ctx = RuleContext.of(job().build(), net.build());
      String data = RecommendedPolicies.bucketPolicyRestrictedTo(ctx, DATA, pathEndpoints(net), pathIps(net));
      String artifacts = RecommendedPolicies.bucketPolicyRestrictedTo(ctx, ARTIFACTS, pathEndpoints(net), pathIps(net));
      TestNetworks.Builder fixed = bucketPolicy(bucketPolicy(net, DATA, data), ARTIFACTS, artifacts);
      assertThat(run(rule, fixed)).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
      assertThat(run(new S3BucketPolicyDenies(), fixed)).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
    }
  }

  @Test
  void bothEndpointAndNatAddressesAreKeptInTheRecommendation() {
    var mixed = ready().subnet("subnet-c", "us-east-1c", "10.20.3.0/24", 100)
        .routeTable("rtb-nat", rt -> rt.associate("subnet-c").route("0.0.0.0/0", "nat-a"));
    var spec = job().vpc(v -> v.subnets("subnet-a", "subnet-c")).build();
    Finding f = forBucket(rule.evaluate(RuleContext.of(spec, mixed.build())), DATA);
    assertThat(f.remediation().get()).contains("StringNotEqualsIfExists").contains("NotIpAddressIfExists").contains("203.0.113.10/32");
    RuleContext ctx = RuleContext.of(spec, mixed.build());
    String data = RecommendedPolicies.bucketPolicyRestrictedTo(ctx, DATA, List.of("vpce-s3"), List.of("203.0.113.10"));
    var fixed = bucketPolicy(mixed, DATA, data).build();
    assertThat(forBucket(rule.evaluate(RuleContext.of(spec, fixed)), DATA).outcome()).isEqualTo(Outcome.PASS);
    assertThat(new S3BucketPolicyDenies().evaluate(RuleContext.of(spec, fixed))).allSatisfy(x -> assertThat(x.outcome()).isEqualTo(Outcome.PASS));
  }

  private static List<String> pathEndpoints(TestNetworks.Builder net) {
    return net == null ? List.of() : net.build().vpcEndpoints().get().isEmpty() ? List.of() : List.of("vpce-s3");
  }

  private static List<String> pathIps(TestNetworks.Builder net) {
    return net.build().vpcEndpoints().get().isEmpty() ? List.of("203.0.113.10") : List.of();
  }
}
