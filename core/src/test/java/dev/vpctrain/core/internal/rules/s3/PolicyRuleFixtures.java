package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;

/** Networks and helpers for the policy rule tests. */
final class PolicyRuleFixtures {
  static final String DATA = "acme-ml-data";
  static final String ARTIFACTS = "acme-ml-artifacts";
  static final String VPCE = "vpce-s3";

  private PolicyRuleFixtures() {}

  /** TestNetworks.ready() (S3 through gateway endpoint vpce-s3, default route to nat-a) with both buckets known, no bucket policy. */
  static TestNetworks.Builder ready() {
    return TestNetworks.ready().bucket(DATA, TestNetworks.REGION).bucket(ARTIFACTS, TestNetworks.REGION);
  }

  /** Subnets subnet-a and subnet-b whose S3 traffic goes through NAT gateway nat-a (203.0.113.10): no S3 endpoint. */
  static TestNetworks.Builder natOnly() {
    return TestNetworks.privateVpc()
        .subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 240)
        .subnet("subnet-b", "us-east-1b", "10.20.2.0/24", 240)
        .publicSubnet("subnet-public", "us-east-1a", "10.20.100.0/24", "rtb-public")
        .natGateway("nat-a", "subnet-public", "available", "203.0.113.10")
        .routeTable("rtb-private", rt -> rt.associate("subnet-a", "subnet-b").route("0.0.0.0/0", "nat-a"))
        .securityGroup(TestNetworks.selfReferencingGroup("sg-training"))
        .bucket(DATA, TestNetworks.REGION).bucket(ARTIFACTS, TestNetworks.REGION);
  }

  /** The test job: reads s3://acme-ml-data/train/ (GetObject, ListBucket), writes s3://acme-ml-artifacts/out/ (PutObject). */
  static TrainingJobSpec.Builder job() {
    return TestJobs.job("subnet-a", "subnet-b");
  }

  static TestNetworks.Builder endpointPolicy(TestNetworks.Builder b, String json) {
    return b.changeEndpoint(VPCE, e -> e.withPolicyDocument(Optional.ofNullable(json)));
  }

  static TestNetworks.Builder bucketPolicy(TestNetworks.Builder b, String bucket, String json) {
    return b.bucket(BucketFacts.builder().bucket(bucket).region(TestNetworks.REGION).policy(json).build());
  }

  /** A policy document of {@code statements} (JSON objects separated by commas). */
  static String policy(String statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
  }

  static List<Finding> run(Rule rule, TrainingJobSpec job, NetworkSnapshot network) {
    return rule.evaluate(RuleContext.of(job, network));
  }

  static List<Finding> run(Rule rule, TestNetworks.Builder network) {
    return run(rule, job().build(), network.build());
  }
}
