package dev.vpctrain.core.internal.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.NatSubnetAcls;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3PathTest {
  private static TestNetworks.Builder oneSubnet() {
    return TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 200);
  }

  private static S3Path path(TestNetworks.Builder b) {
    return Reach.of(b.build()).s3Path("subnet-a");
  }

  @Test
  void gatewayEndpointRouteInTheExplicitTable() {
    S3Path p = path(oneSubnet().routeTable("rtb-a", rt -> rt.associate("subnet-a").route("0.0.0.0/0", TestNetworks.IGW))
        .s3GatewayEndpoint("vpce-s3", "rtb-a"));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.GATEWAY_ENDPOINT);
    assertThat(p.endpointId()).contains("vpce-s3");
    assertThat(p.routeTableId()).isEqualTo("rtb-a");
    assertThat(p.sourceVpce()).contains("vpce-s3");
    assertThat(p.sourceVpc()).contains(TestNetworks.VPC);
    assertThat(p.publicIps()).isEmpty();
    assertThat(p.isWorking()).isTrue();
  }

  @Test
  void gatewayEndpointRouteInTheMainTable() {
    S3Path p = path(oneSubnet().s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.GATEWAY_ENDPOINT);
    assertThat(p.routeTable().source()).isEqualTo(EffectiveRouteTable.Source.MAIN);
  }

  @Test
  void anEndpointOnAnotherTableDoesNotServe() {
    S3Path p = path(oneSubnet().routeTable("rtb-a", rt -> rt.associate("subnet-a")).s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.NONE);
    assertThat(p.detail()).contains("rtb-a").contains("no route for S3");
  }

  @Test
  void natPathWhenHealthy() {
    S3Path p = Reach.of(TestNetworks.ready().removeRouteTable("x").build()).s3Path("subnet-a");
    assertThat(p.kind()).isEqualTo(S3Path.Kind.GATEWAY_ENDPOINT);
    var net = TestNetworks.ready().routeTable("rtb-nat-only", rt -> rt.associate("subnet-c").route("0.0.0.0/0", "nat-a"))
        .subnet("subnet-c", "us-east-1c", "10.20.3.0/24", 100).build();
    S3Path nat = Reach.of(net).s3Path("subnet-c");
    assertThat(nat.kind()).isEqualTo(S3Path.Kind.NAT);
    assertThat(nat.natGatewayId()).contains("nat-a");
    assertThat(nat.publicIps()).containsExactly("203.0.113.10");
    assertThat(nat.sourceVpce()).isEmpty();
  }

  @Test
  void unhealthyNat() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 200)
        .subnet("subnet-p", "us-east-1a", "10.20.100.0/24", 200)
        .natGateway("nat-a", "subnet-p", "available", "203.0.113.10")
        .routeTable("rtb-a", rt -> rt.associate("subnet-a").route("0.0.0.0/0", "nat-a"));
    S3Path p = path(net);
    assertThat(p.kind()).isEqualTo(S3Path.Kind.NAT_UNHEALTHY);
    assertThat(p.detail()).contains("no 0.0.0.0/0 route");
    assertThat(p.isWorking()).isFalse();
  }

  @Test
  void igwOnly() {
    S3Path p = path(oneSubnet().routeTable("rtb-a", rt -> rt.associate("subnet-a").route("0.0.0.0/0", TestNetworks.IGW)));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.IGW_ONLY);
    assertThat(p.target()).contains(TestNetworks.IGW);
  }

  @Test
  void blackholeGatewayEndpointRoute() {
    S3Path p = path(oneSubnet().routeTable("rtb-a", rt -> rt.associate("subnet-a").blackhole(TestNetworks.S3_PL, "vpce-gone")));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.BLACKHOLE);
    assertThat(p.route().get().describe()).isEqualTo(TestNetworks.S3_PL + " -> vpce-gone (blackhole)");
  }

  @Test
  void blackholeDefaultRoute() {
    S3Path p = path(oneSubnet().routeTable("rtb-a", rt -> rt.associate("subnet-a").blackhole("0.0.0.0/0", "nat-gone")));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.BLACKHOLE);
  }

  @Test
  void endpointRouteToADeletedOrPendingEndpoint() {
    var deleted = oneSubnet().routeTable("rtb-a", rt -> rt.associate("subnet-a").route(TestNetworks.S3_PL, "vpce-gone"));
    assertThat(path(deleted).kind()).isEqualTo(S3Path.Kind.BLACKHOLE);
    var pending = oneSubnet().s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB)
        .changeEndpoint("vpce-s3", e -> e.withState("pending"));
    assertThat(path(pending).kind()).isEqualTo(S3Path.Kind.BLACKHOLE);
    assertThat(path(pending).detail()).contains("is pending");
  }

  @Test
  void transitGatewayIsUnmodeled() {
    S3Path p = path(oneSubnet().routeTable("rtb-a", rt -> rt.associate("subnet-a").route("0.0.0.0/0", "tgw-1")));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.UNMODELED);
    assertThat(p.detail()).contains("transit gateway tgw-1");
  }

  @Test
  void peeringVgwEniAndInstanceAreUnmodeled() {
    for (String target : new String[] {"pcx-1", "vgw-1", "eni-1", "i-0123"}) {
      S3Path p = path(oneSubnet().routeTable("rtb-a", rt -> rt.associate("subnet-a").route("0.0.0.0/0", target)));
      assertThat(p.kind()).as(target).isEqualTo(S3Path.Kind.UNMODELED);
    }
  }

  @Test
  void aMoreSpecificRouteInsideS3RangesOverridesTheEndpointForItsPart() {
    S3Path p = path(oneSubnet().s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB)
        .mainRouteTable(rt -> rt.route("52.216.0.0/16", "tgw-1")));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.UNMODELED);
    assertThat(p.target()).contains("tgw-1");
  }

  @Test
  void noRouteAtAll() {
    S3Path p = path(oneSubnet());
    assertThat(p.kind()).isEqualTo(S3Path.Kind.NONE);
    assertThat(p.route()).isEmpty();
  }

  /** A job group allowing all egress, and an S3 interface endpoint in subnet-a guarded by a group admitting HTTPS from it. */
  private static TestNetworks.Builder withS3InterfaceEndpoint(TestNetworks.Builder b, boolean privateDns) {
    return b.securityGroup(TestNetworks.selfReferencingGroup("sg-training"))
        .securityGroup(SecurityGroup.builder().groupId("sg-endpoints").vpcId(TestNetworks.VPC)
            .addIngress(Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443).addGroupId("sg-training").build()).build())
        .interfaceEndpoint("vpce-if", "s3", privateDns, "subnet-a")
        .changeEndpoint("vpce-if", e -> e.withGroupIds("sg-endpoints"));
  }

  private static S3Path jobPath(TestNetworks.Builder b) {
    return Reach.of(b.build(), List.of("sg-training")).s3Path("subnet-a");
  }

  @Test
  void interfaceEndpointWithPrivateDnsAndOpenGroupsServes() {
    S3Path p = jobPath(withS3InterfaceEndpoint(oneSubnet(), true));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.INTERFACE_ENDPOINT);
    assertThat(p.isWorking()).isTrue();
    assertThat(p.sourceVpce()).contains("vpce-if");
    assertThat(p.interfaceEndpoint().get().usable()).isEqualTo(Tri.YES);
  }

  @Test
  void withoutTheJobsGroupsTheEndpointsSecurityGroupsAreUndecidable() {
    S3Path p = path(withS3InterfaceEndpoint(oneSubnet(), true));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.UNKNOWN);
    assertThat(p.detail()).contains("the job's security groups are not known");
  }

  @Test
  void interfaceEndpointWithoutPrivateDnsIsAnUnusableOnlyPath() {
    S3Path p = jobPath(withS3InterfaceEndpoint(oneSubnet(), false));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.INTERFACE_ENDPOINT_UNUSABLE);
    assertThat(p.isWorking()).isFalse();
    assertThat(p.sourceVpce()).isEmpty();
    assertThat(p.detail()).contains("private DNS of interface endpoint vpce-if is off");
    assertThat(p.interfaceEndpoint().get().dns()).isEqualTo(Tri.NO);
  }

  @Test
  void vpcDnsAttributesOffMakeTheEndpointUnusable() {
    S3Path hostnames = jobPath(withS3InterfaceEndpoint(oneSubnet(), true).vpc(v -> v.withEnableDnsHostnames(false)));
    assertThat(hostnames.kind()).isEqualTo(S3Path.Kind.INTERFACE_ENDPOINT_UNUSABLE);
    assertThat(hostnames.detail()).contains("enableDnsHostnames off");
    S3Path support = jobPath(withS3InterfaceEndpoint(oneSubnet(), true).vpc(v -> v.withEnableDnsSupport(false)));
    assertThat(support.kind()).isEqualTo(S3Path.Kind.INTERFACE_ENDPOINT_UNUSABLE);
    assertThat(support.detail()).contains("enableDnsSupport off");
  }

  @Test
  void unknownVpcAttributesLeaveTheEndpointPathUnknown() {
    S3Path p = jobPath(withS3InterfaceEndpoint(oneSubnet(), true).without(Section.VPC_ATTRIBUTES));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.UNKNOWN);
    assertThat(p.interfaceEndpoint().get().dns()).isEqualTo(Tri.UNKNOWN);
  }

  @Test
  void endpointGroupsThatDoNotAdmitTheJobMakeTheEndpointUnusableEvenWithANatRoute() {
    TestNetworks.Builder b = withS3InterfaceEndpoint(oneSubnet(), true)
        .publicSubnet("subnet-public", "us-east-1a", "10.20.100.0/24", "rtb-public")
        .natGateway("nat-a", "subnet-public", "available", "203.0.113.10")
        .mainRouteTable(rt -> rt.route("0.0.0.0/0", "nat-a"))
        .securityGroup(SecurityGroup.builder().groupId("sg-endpoints").vpcId(TestNetworks.VPC).build());
    S3Path p = jobPath(b);
    assertThat(p.kind()).isEqualTo(S3Path.Kind.INTERFACE_ENDPOINT_UNUSABLE);
    assertThat(p.detail()).contains("whatever the routes say").contains("do not admit TCP 443");
  }

  @Test
  void withPrivateDnsOffAWorkingNatRouteDecides() {
    TestNetworks.Builder b = withS3InterfaceEndpoint(oneSubnet(), false)
        .publicSubnet("subnet-public", "us-east-1a", "10.20.100.0/24", "rtb-public")
        .natGateway("nat-a", "subnet-public", "available", "203.0.113.10")
        .mainRouteTable(rt -> rt.route("0.0.0.0/0", "nat-a"));
    S3Path p = jobPath(b);
    assertThat(p.kind()).isEqualTo(S3Path.Kind.NAT);
    assertThat(p.notes()).anyMatch(n -> n.contains("vpce-if") && n.contains("private DNS"));
    assertThat(p.interfaceEndpoint()).isPresent();
  }

  @Test
  void aNatGatewayWhoseSubnetAclBlocksHttpsIsNoS3Path() {
    for (NatSubnetAcls.Gap gap : NatSubnetAcls.Gap.values()) {
      S3Path p = Reach.of(NatSubnetAcls.natOnly().networkAcl(NatSubnetAcls.hardened(gap)).build()).s3Path("subnet-a");
      if (gap == NatSubnetAcls.Gap.NONE) {
        assertThat(p.kind()).as(gap.name()).isEqualTo(S3Path.Kind.NAT);
        assertThat(p.natForwarding().get().allowed()).isTrue();
      } else {
        assertThat(p.kind()).as(gap.name()).isEqualTo(S3Path.Kind.NAT_BLOCKED);
        assertThat(p.isWorking()).isFalse();
        assertThat(p.publicIps()).isEmpty();
        assertThat(p.natForwarding().get().denials()).hasSize(1);
        assertThat(p.detail()).contains(NatSubnetAcls.ACL_PUBLIC);
      }
    }
  }

  @Test
  void anUnknownNatSubnetAclLeavesTheS3PathUnknown() {
    S3Path p = Reach.of(NatSubnetAcls.natOnly().without(Section.NETWORK_ACLS).build()).s3Path("subnet-a");
    assertThat(p.kind()).isEqualTo(S3Path.Kind.UNKNOWN);
    assertThat(p.detail()).contains("network ACL");
  }

  @Test
  void theGatewayEndpointIsPreferredToAnInterfaceEndpoint() {
    S3Path p = path(oneSubnet().interfaceEndpoint("vpce-if", "s3", true, "subnet-a").s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.GATEWAY_ENDPOINT);
  }

  @Test
  void unknownPrefixListCidrsTakeTheEndpointRouteAsCoveringS3AndSaySo() {
    S3Path p = path(oneSubnet().s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB)
        .mainRouteTable(rt -> rt.route("0.0.0.0/0", TestNetworks.IGW)).without(Section.PREFIX_LISTS));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.GATEWAY_ENDPOINT);
    assertThat(p.notes()).anyMatch(n -> n.contains("CIDRs are unknown") && n.contains("taken to cover S3"));
  }

  @Test
  void unknownPrefixListCidrsFallBackToTheDefaultRoute() {
    S3Path p = path(oneSubnet().mainRouteTable(rt -> rt.route("0.0.0.0/0", TestNetworks.IGW)).without(Section.PREFIX_LISTS));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.IGW_ONLY);
    S3Path none = path(oneSubnet().without(Section.PREFIX_LISTS));
    assertThat(none.kind()).isEqualTo(S3Path.Kind.NONE);
  }

  @Test
  void unknownPrefixListCidrsWithAPublicSpecificRouteAreUndecidable() {
    S3Path p = path(oneSubnet().mainRouteTable(rt -> rt.route("0.0.0.0/0", "nat-a").route("52.0.0.0/8", "tgw-1"))
        .without(Section.PREFIX_LISTS));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.UNKNOWN);
    assertThat(p.detail()).contains("52.0.0.0/8 -> tgw-1");
  }

  @Test
  void unknownPrefixListAndUnknownEndpointsAreUndecidable() {
    S3Path p = path(oneSubnet().s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB).without(Section.PREFIX_LISTS, Section.VPC_ENDPOINTS));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.UNKNOWN);
    assertThat(p.detail()).contains(TestNetworks.S3_PL + " -> vpce-s3");
  }

  @Test
  void aPrefixListWithoutCidrsIsRecognisedById() {
    S3Path p = path(oneSubnet().s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB)
        .prefixList(PrefixList.builder().prefixListId(TestNetworks.S3_PL).prefixListName("com.amazonaws.us-east-1.s3").build())
        .without(Section.VPC_ENDPOINTS));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.GATEWAY_ENDPOINT);
  }

  @Test
  void aDynamoDbEndpointDoesNotServeS3() {
    S3Path p = path(oneSubnet().gatewayEndpoint("vpce-ddb", "dynamodb", TestNetworks.DDB_PL, TestNetworks.MAIN_RTB));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.NONE);
    S3Path unknownCidrs = path(oneSubnet().gatewayEndpoint("vpce-ddb", "dynamodb", TestNetworks.DDB_PL, TestNetworks.MAIN_RTB)
        .without(Section.PREFIX_LISTS));
    assertThat(unknownCidrs.kind()).isEqualTo(S3Path.Kind.NONE);
  }

  @Test
  void missingEndpointSectionMakesAFailingRouteUndecidable() {
    S3Path p = path(oneSubnet().without(Section.VPC_ENDPOINTS));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.UNKNOWN);
    assertThat(p.detail()).contains("ec2:DescribeVpcEndpoints was not captured");
  }

  @Test
  void unknownRouteTables() {
    S3Path p = path(oneSubnet().without(Section.ROUTE_TABLES));
    assertThat(p.kind()).isEqualTo(S3Path.Kind.UNKNOWN);
    assertThat(p.detail()).contains("ec2:DescribeRouteTables");
  }

  @Test
  void otherRegionIgnoresEndpointsAndUsesTheDefaultRoute() {
    var net = TestNetworks.ready().build();
    Reach reach = Reach.of(net);
    assertThat(reach.s3Path("subnet-a").kind()).isEqualTo(S3Path.Kind.GATEWAY_ENDPOINT);
    S3Path other = reach.s3Path("subnet-a", "eu-west-1");
    assertThat(other.kind()).isEqualTo(S3Path.Kind.NAT);
    assertThat(other.region()).isEqualTo("eu-west-1");
    S3Path endpointOnly = path(oneSubnet().s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB));
    assertThat(Reach.of(oneSubnet().s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB).build()).s3Path("subnet-a", "eu-west-1").kind())
        .isEqualTo(S3Path.Kind.NONE);
    assertThat(endpointOnly.kind()).isEqualTo(S3Path.Kind.GATEWAY_ENDPOINT);
  }

  @Test
  void pathsAreComputedOnce() {
    Reach reach = Reach.of(TestNetworks.ready().build());
    assertThat(reach.s3Path("subnet-a")).isSameAs(reach.s3Path("subnet-a"));
    assertThat(reach.internetPath("subnet-a")).isSameAs(reach.internetPath("subnet-a"));
  }
}
