package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointFixtures.ENDPOINT;
import static dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointFixtures.JOB;
import static dev.vpctrain.core.internal.rules.s3.S3InterfaceEndpointFixtures.working;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import org.junit.jupiter.api.Test;

/**
 * When an S3 interface endpoint is a subnet's S3 path, every condition any S3 path must meet
 * applies to it: the job subnet's ACL towards the endpoint, the endpoint's own policy, and bucket
 * policies seeing {@code aws:SourceVpce} = the interface endpoint.
 */
class S3InterfaceEndpointPathTest {
  private static final String DENY_ALL_BUT_READS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

  private static String onlyFromEndpoint(String vpce) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
        + "\"Resource\":[\"arn:aws:s3:::acme-ml-data\",\"arn:aws:s3:::acme-ml-data/*\"],"
        + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"" + vpce + "\"}}}]}";
  }

  private static TestNetworks.Builder withDataPolicy(String policy) {
    return working().bucket(BucketFacts.builder().bucket("acme-ml-data").region(TestNetworks.REGION)
        .policyState(PolicyState.PRESENT).policy(policy).build());
  }

  @Test
  void theInterfaceEndpointsPolicyIsChecked() {
    NetworkSnapshot net = working().changeEndpoint(ENDPOINT, e -> e.withPolicyDocument(DENY_ALL_BUT_READS)).build();
    Finding f = evaluate(new S3EndpointPolicyDenies(), JOB, net).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains(ENDPOINT);
  }

  @Test
  void bucketPoliciesSeeTheInterfaceEndpointAsSourceVpce() {
    Finding ok = single(new S3BucketPolicyDenies(), JOB, withDataPolicy(onlyFromEndpoint(ENDPOINT)).build());
    assertThat(ok.outcome()).isEqualTo(Outcome.PASS);
    Finding other = evaluate(new S3BucketPolicyDenies(), JOB, withDataPolicy(onlyFromEndpoint("vpce-0a1b2c3d4e5f60301")).build()).get(0);
    assertThat(other.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(other.message()).contains(ENDPOINT);
  }

  @Test
  void theJobSubnetAclTowardsTheEndpointIsChecked() {
    // the endpoint sits only in subnet-b; subnet-a's ACL lets nothing out to it
    NetworkAcl closed = NetworkAcl.builder().networkAclId("acl-0closed0000000001").vpcId(TestNetworks.VPC).isDefault(false)
        .addSubnetIds("subnet-a")
        .addEntries(AclEntry.builder().ruleNumber(100).egress(false).protocol("-1").allow(true).cidrBlock("0.0.0.0/0").build())
        .addEntries(AclEntry.builder().ruleNumber(32767).egress(true).protocol("-1").allow(false).cidrBlock("0.0.0.0/0").build())
        .build();
    NetworkSnapshot net = working().changeEndpoint(ENDPOINT, e -> e.withSubnetIds("subnet-b")).networkAcl(closed).build();
    Finding f = evaluate(new S3NaclBlocked(), JOB, net).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("S3 interface endpoint " + ENDPOINT);
  }

  @Test
  void anUnusableEndpointIsNoPathForThePolicyRules() {
    NetworkSnapshot net = working().changeEndpoint(ENDPOINT, e -> e.withPrivateDnsEnabled(false).withPolicyDocument(DENY_ALL_BUT_READS))
        .build();
    Finding f = single(new S3EndpointPolicyDenies(), JOB, net);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("No S3 request of the job passes a VPC endpoint");
  }
}
