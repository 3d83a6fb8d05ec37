package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.outcomes;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3NaclBlockedTest {
  private final S3NaclBlocked nacl = new S3NaclBlocked();
  private static final TrainingJobSpec JOB = TestJobs.job("subnet-a").build();

  private static NetworkAcl acl(AclEntry... entries) {
    return NetworkAcl.builder().networkAclId("acl-custom").vpcId(TestNetworks.VPC).addSubnetId("subnet-a").addAllEntries(List.of(entries)).build();
  }

  private static AclEntry entry(int n, boolean egress, String proto, Integer from, Integer to, String cidr, boolean allow) {
    AclEntry.Builder b = AclEntry.builder().ruleNumber(n).egress(egress).protocol(proto).cidrBlock(cidr).allow(allow);
    if (from != null) {
      b.portFrom(from).portTo(to);
    }
    return b.build();
  }

  @Test
  void defaultAclPasses() {
    assertThat(single(nacl, JOB, TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aclDenyingOutboundHttpsFails() {
    var net = TestNetworks.ready().networkAcl(acl(
        entry(100, true, "6", 443, 443, TestNetworks.VPC_CIDR, true),
        entry(100, false, "-1", null, null, "0.0.0.0/0", true)));
    Finding f = single(nacl, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).containsExactly("subnet-a", "acl-custom", TestNetworks.S3_PL);
    assertThat(f.message()).contains("subnet-a (us-east-1a)").contains("acl-custom").contains("outbound");
    assertThat(f.remediation().get()).contains("aws ec2 create-network-acl-entry --network-acl-id acl-custom --egress --port-range From=443,To=443");
  }

  @Test
  void aclDenyingReturnTrafficFails() {
    var net = TestNetworks.ready().networkAcl(acl(
        entry(100, true, "-1", null, null, "0.0.0.0/0", true),
        entry(90, false, "6", 1024, 65535, "52.216.0.0/15", false),
        entry(100, false, "-1", null, null, "0.0.0.0/0", true)));
    Finding f = single(nacl, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("rule 90").contains("inbound");
    assertThat(f.remediation().get()).contains("--ingress --port-range From=1024,To=65535").contains("numbered below 90");
  }

  @Test
  void unknownS3CidrsWithAPartialDenyAreUnverified() {
    var net = TestNetworks.ready().without(Section.PREFIX_LISTS).networkAcl(acl(
        entry(90, true, "6", 443, 443, "52.216.0.0/15", false),
        entry(100, true, "-1", null, null, "0.0.0.0/0", true),
        entry(100, false, "-1", null, null, "0.0.0.0/0", true)));
    assertThat(outcomes(evaluate(nacl, JOB, net.build()))).containsExactly(Outcome.UNVERIFIED);
  }

  @Test
  void unknownAclsAreUnverified() {
    Finding f = single(nacl, JOB, TestNetworks.ready().failed(Section.NETWORK_ACLS, "UnauthorizedOperation").build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("ec2:DescribeNetworkAcls failed");
  }
}
