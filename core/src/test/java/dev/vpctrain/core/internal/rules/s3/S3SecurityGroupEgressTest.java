package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.fixtures.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3SecurityGroupEgressTest {
  private final S3SecurityGroupEgress sg = new S3SecurityGroupEgress();
  private final S3NaclBlocked nacl = new S3NaclBlocked();
  private static final TrainingJobSpec JOB = TestJobs.job("subnet-a").build();

  private static SecurityGroup group(Permission... egress) {
    return SecurityGroup.builder().groupId("sg-training").vpcId(TestNetworks.VPC)
        .addIngress(Permission.builder().ipProtocol("-1").addGroupId("sg-training").build())
        .addAllEgress(List.of(egress)).build();
  }

  private static Permission tcp443(String cidr) {
    return Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443).addIpRange(cidr).build();
  }

  private static Permission tcp443ToList(String pl) {
    return Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443).addPrefixListId(pl).build();
  }

  @Test
  void egressToEverywhereOrThePrefixListOrCoveringCidrsPasses() {
    assertThat(single(sg, JOB, TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.PASS);
    assertThat(single(sg, JOB, TestNetworks.ready().securityGroup(group(tcp443ToList(TestNetworks.S3_PL))).build()).outcome())
        .isEqualTo(Outcome.PASS);
    Permission.Builder covering = Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443);
    TestNetworks.S3_CIDRS.forEach(covering::addIpRange);
    assertThat(single(sg, JOB, TestNetworks.ready().securityGroup(group(covering.build())).build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void egressOnlyInsideTheVpcFails() {
    Finding f = single(sg, JOB, TestNetworks.ready().securityGroup(group(tcp443(TestNetworks.VPC_CIDR))).build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).containsExactly("sg-training", TestNetworks.S3_PL);
    assertThat(f.message()).contains("sg-training").contains("TCP 443").contains(TestNetworks.S3_PL);
    assertThat(f.remediation().get()).contains("aws ec2 authorize-security-group-egress --group-id sg-training")
        .contains("PrefixListId=" + TestNetworks.S3_PL);
  }

  @Test
  void cidrsCoveringOnlySomeEntriesFail() {
    assertThat(single(sg, JOB, TestNetworks.ready().securityGroup(group(tcp443("52.216.0.0/15"))).build()).outcome())
        .isEqualTo(Outcome.FAIL);
  }

  @Test
  void unknownGroupsOrUnknownS3CidrsAreUnverified() {
    assertThat(single(sg, JOB, TestNetworks.ready().without(Section.SECURITY_GROUPS).build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
    var partial = TestNetworks.ready().securityGroup(group(tcp443("52.0.0.0/8"))).without(Section.PREFIX_LISTS);
    assertThat(single(sg, JOB, partial.build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
    var everywhere = TestNetworks.ready().without(Section.PREFIX_LISTS);
    assertThat(single(sg, JOB, everywhere.build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void interfaceEndpointPathNeedsEgressToTheEndpoint() {
    SecurityGroup endpointSg = SecurityGroup.builder().groupId("sg-endpoints").vpcId(TestNetworks.VPC)
        .addIngress(Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443).addIpRange(TestNetworks.VPC_CIDR).build()).build();
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 100)
        .subnet("subnet-e", "us-east-1a", "10.20.50.0/24", 100)
        .endpoint(dev.vpctrain.core.network.VpcEndpoint.builder().vpcEndpointId("vpce-if").type(dev.vpctrain.core.network.EndpointType.INTERFACE)
            .vpcId(TestNetworks.VPC).serviceName("com.amazonaws.us-east-1.s3").state("available").privateDnsEnabled(true)
            .addSubnetId("subnet-e").addGroupId("sg-endpoints").build())
        .securityGroup(endpointSg);
    assertThat(single(sg, JOB, net.securityGroup(group(tcp443(TestNetworks.VPC_CIDR))).build()).outcome()).isEqualTo(Outcome.PASS);
    // egress only to the job's own subnet: the endpoint is no S3 path, and s3.interface-endpoint.security-group
    // (not this rule) names the missing egress, so the fault is reported once
    var blocked = net.securityGroup(group(tcp443("10.20.1.0/24"))).build();
    Finding f = single(sg, JOB, blocked);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("s3.interface-endpoint");
    Finding owner = single(new S3InterfaceEndpointSecurityGroup(), JOB, blocked);
    assertThat(owner.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(owner.message()).contains("vpce-if").contains("do not let TCP 443 out");
  }

  @Test
  void otherRegionBucketNeedsPublicEgress() {
    var net = TestNetworks.ready().bucket("acme-ml-data", "us-east-1").bucket("acme-ml-artifacts", "eu-west-1")
        .securityGroup(group(tcp443ToList(TestNetworks.S3_PL)));
    Finding f = single(sg, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("S3 in eu-west-1");
  }

  @Test
  void notInVpcPasses() {
    assertThat(single(sg, TestJobs.jobWithoutVpc().build(), TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.PASS);
    assertThat(single(nacl, TestJobs.jobWithoutVpc().build(), TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.PASS);
  }
}
