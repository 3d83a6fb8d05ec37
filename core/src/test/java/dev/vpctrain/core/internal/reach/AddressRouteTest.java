package dev.vpctrain.core.internal.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTargetKind;
import dev.vpctrain.core.network.Section;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * rules.md "Route to an address". The ready network: subnet-a (10.20.1.0/24) and subnet-b
 * (10.20.2.0/24) on rtb-private (local 10.20.0.0/16, 0.0.0.0/0 to nat-a, S3 prefix list to
 * vpce-s3); nat-a in subnet-public (10.20.100.0/24, rtb-public: 0.0.0.0/0 to the internet gateway).
 */
class AddressRouteTest {
  private static final Traffic NFS = Traffic.tcp(2049);
  private static final String ENI = "eni-0123456789abcdef0";
  private static final String PCX = "pcx-0123456789abcdef0";
  private static final String TGW = "tgw-0123456789abcdef0";

  private static AddressRoute route(NetworkSnapshot net, String from, String address) {
    return Reach.of(net).routeToAddress(from, Cidr.parseIpv4Address(address), Optional.empty(), NFS);
  }

  private static AddressRoute route(NetworkSnapshot net, String from, String address, String toSubnet) {
    return Reach.of(net).routeToAddress(from, Cidr.parseIpv4Address(address), Optional.of(toSubnet), NFS);
  }

  /** The ready network with extra routes in rtb-private. */
  private static NetworkSnapshot readyWith(Route... extra) {
    return TestNetworks.ready().routeTable("rtb-private", rt -> {
      for (Route r : extra) {
        rt.route(r);
      }
    }).build();
  }

  @Test
  void anAddressOfTheVpcIsLocal() {
    AddressRoute r = route(TestNetworks.ready().build(), "subnet-a", "10.20.2.10");
    assertThat(r.result()).isEqualTo(Tri.YES);
    assertThat(r.kind()).isEqualTo(AddressRoute.Kind.LOCAL);
    assertThat(r.forward().routeTable().routeTableId()).isEqualTo("rtb-private");
    assertThat(r.forward().detail()).contains("local route 10.20.0.0/16");
    assertThat(r.returnLeg()).isEmpty();
    assertThat(r.hops()).isEmpty();
  }

  @Test
  void everyVpcCidrHasALocalRouteEvenWhenTheTableDoesNotListIt() {
    String secondary = "10.21.0.0/16";
    NetworkSnapshot net = TestNetworks.ready().vpc(v -> v.withCidrBlocks(TestNetworks.VPC_CIDR, secondary)).build();
    AddressRoute implicit = route(net, "subnet-a", "10.21.5.5");
    assertThat(implicit.kind()).isEqualTo(AddressRoute.Kind.LOCAL);
    assertThat(implicit.forward().detail()).contains("local route of VPC CIDR " + secondary);
    assertThat(implicit.forward().routes()).isEmpty(); // 0.0.0.0/0 -> nat-a is less specific than the VPC CIDR
    // listed explicitly, as AWS lists it
    AddressRoute listed = route(readyWith(TestNetworks.route(secondary, "local")), "subnet-a", "10.21.5.5");
    assertThat(listed.kind()).isEqualTo(AddressRoute.Kind.LOCAL);
    // without the secondary CIDR the address leaves through the NAT gateway, which sends it to the internet
    AddressRoute outside = route(TestNetworks.ready().build(), "subnet-a", "10.21.5.5");
    assertThat(outside.kind()).isEqualTo(AddressRoute.Kind.NAT_TO_INTERNET);
    assertThat(outside.result()).isEqualTo(Tri.NO);
  }

  @Test
  void theLongestPrefixWins() {
    NetworkSnapshot net = readyWith(TestNetworks.route("10.99.0.0/16", PCX), TestNetworks.route("10.99.1.0/24", TGW));
    AddressRoute tgw = route(net, "subnet-a", "10.99.1.5");
    assertThat(tgw.kind()).isEqualTo(AddressRoute.Kind.HOP);
    assertThat(tgw.hops()).extracting(RouteHop::id).containsExactly(TGW);
    AddressRoute pcx = route(net, "subnet-a", "10.99.2.5");
    assertThat(pcx.hops()).extracting(RouteHop::id).containsExactly(PCX);
    assertThat(pcx.hops().get(0).describe()).isEqualTo("VPC peering connection " + PCX);
    assertThat(pcx.forward().routes()).extracting(RouteMatch::destination).containsExactly("10.99.0.0/16");
  }

  @Test
  void eachHopOutOfTheVpcIsUnknownAndNamed() {
    Route core = Route.builder().destinationCidrBlock("10.99.0.0/16")
        .coreNetworkArn("arn:aws:networkmanager::123456789012:core-network/core-network-0123").state("active").build();
    for (Route r : new Route[] {TestNetworks.route("10.99.0.0/16", PCX), TestNetworks.route("10.99.0.0/16", TGW),
        TestNetworks.route("10.99.0.0/16", "vgw-0123456789abcdef0"), core}) {
      AddressRoute a = route(readyWith(r), "subnet-a", "10.99.3.4");
      assertThat(a.result()).as(r.targetId()).isEqualTo(Tri.UNKNOWN);
      assertThat(a.kind()).as(r.targetId()).isEqualTo(AddressRoute.Kind.HOP);
      assertThat(a.hops()).hasSize(1);
      assertThat(a.hops().get(0).leavesVpc()).isTrue();
      assertThat(a.hops().get(0).id()).isEqualTo(r.targetId());
      assertThat(a.resources()).contains(r.targetId(), "rtb-private");
      assertThat(a.describe()).contains(r.targetId()).contains("not in the snapshot");
    }
    assertThat(route(readyWith(core), "subnet-a", "10.99.3.4").hops().get(0).name()).isEqualTo("core network");
    assertThat(route(readyWith(TestNetworks.route("10.99.0.0/16", "vgw-0123456789abcdef0")), "subnet-a", "10.99.3.4")
        .hops().get(0).kind()).isEqualTo(RouteTargetKind.VPN_GATEWAY);
  }

  @Test
  void aMoreSpecificRouteInsideTheVpcIsAnAppliance() {
    for (String target : new String[] {ENI, "nat-a", "vpce-0123456789abcdef0"}) {
      AddressRoute a = route(readyWith(TestNetworks.route("10.20.2.0/24", target)), "subnet-a", "10.20.2.10");
      assertThat(a.kind()).as(target).isEqualTo(AddressRoute.Kind.MIDDLEBOX);
      assertThat(a.result()).isEqualTo(Tri.UNKNOWN);
      assertThat(a.hops()).extracting(RouteHop::id).containsExactly(target);
      assertThat(a.hops().get(0).leavesVpc()).isFalse();
      assertThat(a.describe()).contains("more specific than the local route of VPC CIDR 10.20.0.0/16");
    }
    assertThat(route(readyWith(TestNetworks.route("10.20.2.0/24", "vpce-0123456789abcdef0")), "subnet-a", "10.20.2.10")
        .hops().get(0).name()).isEqualTo("Gateway Load Balancer endpoint");
    // the rest of the VPC stays local
    assertThat(route(readyWith(TestNetworks.route("10.20.2.0/24", ENI)), "subnet-a", "10.20.3.10").kind())
        .isEqualTo(AddressRoute.Kind.LOCAL);
  }

  @Test
  void aReplacedLocalRouteIsAnAppliance() {
    NetworkSnapshot net = TestNetworks.ready().routeTable("rtb-private", rt -> rt.clearRoutes()
        .route(TestNetworks.VPC_CIDR, ENI).route("0.0.0.0/0", "nat-a")).build();
    AddressRoute a = route(net, "subnet-a", "10.20.2.10");
    assertThat(a.kind()).isEqualTo(AddressRoute.Kind.MIDDLEBOX);
    assertThat(a.hops()).extracting(RouteHop::describe).containsExactly("network interface " + ENI);
    assertThat(a.describe()).contains("replaced the local route of VPC CIDR 10.20.0.0/16");
  }

  @Test
  void aBlackholeOrNoRouteIsUnreachable() {
    AddressRoute bh = route(TestNetworks.ready().removeRouteTable("rtb-private").routeTable("rtb-private", rt -> rt.associate("subnet-a")
        .blackhole("10.99.0.0/16", TGW)).build(), "subnet-a", "10.99.0.2");
    assertThat(bh.kind()).isEqualTo(AddressRoute.Kind.BLACKHOLE);
    assertThat(bh.result()).isEqualTo(Tri.NO);
    assertThat(bh.resources()).contains(TGW, "rtb-private");
    assertThat(bh.describe()).contains("blackhole").contains("10.99.0.0/16 -> " + TGW);
    // rtb-private without a default route: nothing covers 10.99.0.2
    AddressRoute none = route(TestNetworks.ready().removeRouteTable("rtb-private").routeTable("rtb-private", rt -> rt.associate("subnet-a")).build(),
        "subnet-a", "10.99.0.2");
    assertThat(none.kind()).isEqualTo(AddressRoute.Kind.NONE);
    assertThat(none.describe()).isEqualTo("route table rtb-private has no route for 10.99.0.2");
  }

  @Test
  void aPrivateAddressSentToAnInternetGatewayIsUnreachable() {
    AddressRoute igw = route(TestNetworks.ready().build(), "subnet-public", "10.99.0.2");
    assertThat(igw.kind()).isEqualTo(AddressRoute.Kind.INTERNET_GATEWAY);
    assertThat(igw.result()).isEqualTo(Tri.NO);
    assertThat(igw.describe()).contains("the private address 10.99.0.2").contains(TestNetworks.IGW);
    // a public address is no better: training instances have no public IP
    AddressRoute pub = route(TestNetworks.ready().build(), "subnet-public", "8.8.8.8");
    assertThat(pub.kind()).isEqualTo(AddressRoute.Kind.INTERNET_GATEWAY);
    assertThat(pub.describe()).contains("no public IP");
  }

  @Test
  void aPrivateAddressSentToANatGatewayFollowsTheGatewaysSubnet() {
    AddressRoute toIgw = route(TestNetworks.ready().build(), "subnet-a", "10.99.0.2");
    assertThat(toIgw.kind()).isEqualTo(AddressRoute.Kind.NAT_TO_INTERNET);
    assertThat(toIgw.describe()).contains("nat-a").contains("subnet-public").contains(TestNetworks.IGW);
    // the NAT gateway's subnet sends the range to a transit gateway (a NAT in front of an overlapping network)
    NetworkSnapshot viaTgw = TestNetworks.ready().routeTable("rtb-public", rt -> rt.route("10.99.0.0/16", TGW)).build();
    AddressRoute hop = route(viaTgw, "subnet-a", "10.99.0.2");
    assertThat(hop.kind()).isEqualTo(AddressRoute.Kind.HOP);
    assertThat(hop.hops()).extracting(RouteHop::id).containsExactly("nat-a", TGW);
    // NAT gateway not in the snapshot
    AddressRoute gone = route(TestNetworks.ready().removeRouteTable("rtb-private").routeTable("rtb-private", rt -> rt.associate("subnet-a")
        .route("0.0.0.0/0", "nat-0ffffffffffffffff")).build(), "subnet-a", "10.99.0.2");
    assertThat(gone.kind()).isEqualTo(AddressRoute.Kind.UNKNOWN);
    assertThat(gone.hops()).extracting(RouteHop::id).containsExactly("nat-0ffffffffffffffff");
  }

  @Test
  void aPublicAddressThroughANatGatewayNeedsAWorkingGateway() {
    assertThat(route(TestNetworks.ready().build(), "subnet-a", "8.8.8.8").kind()).isEqualTo(AddressRoute.Kind.NAT);
    AddressRoute broken = route(TestNetworks.ready().natGateway("nat-a", "subnet-public", "failed", "203.0.113.10").build(),
        "subnet-a", "8.8.8.8");
    assertThat(broken.kind()).isEqualTo(AddressRoute.Kind.NAT_BROKEN);
    assertThat(broken.result()).isEqualTo(Tri.NO);
  }

  @Test
  void aGatewayEndpointRouteCarriesOnlyItsService() {
    AddressRoute s3 = route(TestNetworks.ready().build(), "subnet-a",
        Cidr.formatIpv4(Cidr.parseIpv4(TestNetworks.S3_CIDRS.get(0)).ipv4Network() + 1));
    assertThat(s3.kind()).isEqualTo(AddressRoute.Kind.SERVICE_ENDPOINT);
    assertThat(s3.result()).isEqualTo(Tri.UNKNOWN);
  }

  @Test
  void theMainTableGovernsASubnetWithoutAnExplicitAssociation() {
    // subnet-c has no association: the main table (local route only) has no route out
    NetworkSnapshot net = TestNetworks.ready().subnet("subnet-c", "us-east-1a", "10.20.3.0/24", 10).build();
    AddressRoute main = route(net, "subnet-c", "10.99.0.2");
    assertThat(main.forward().routeTable().source()).isEqualTo(EffectiveRouteTable.Source.MAIN);
    assertThat(main.forward().routeTable().routeTableId()).isEqualTo(TestNetworks.MAIN_RTB);
    assertThat(main.kind()).isEqualTo(AddressRoute.Kind.NONE);
    AddressRoute explicit = route(net, "subnet-a", "10.99.0.2");
    assertThat(explicit.forward().routeTable().source()).isEqualTo(EffectiveRouteTable.Source.EXPLICIT);
    assertThat(explicit.kind()).isEqualTo(AddressRoute.Kind.NAT_TO_INTERNET);
  }

  @Test
  void theReturnPathIsCheckedWhenTheDestinationSubnetIsKnown() {
    // subnet-db (10.20.9.0/24) has its own table, which sends subnet-a's range to a firewall ENI
    NetworkSnapshot net = TestNetworks.ready().subnet("subnet-db", "us-east-1a", "10.20.9.0/24", 10)
        .routeTable("rtb-db", rt -> rt.associate("subnet-db").route("10.20.1.0/24", ENI)).build();
    AddressRoute ab = route(net, "subnet-a", "10.20.9.5", "subnet-db");
    assertThat(ab.forward().kind()).isEqualTo(AddressRoute.Kind.LOCAL);
    assertThat(ab.returnLeg()).isPresent();
    assertThat(ab.returnLeg().get().destination()).isEqualTo("10.20.1.0/24");
    assertThat(ab.returnLeg().get().kind()).isEqualTo(AddressRoute.Kind.MIDDLEBOX);
    assertThat(ab.result()).isEqualTo(Tri.UNKNOWN);
    assertThat(ab.deciding()).isSameAs(ab.returnLeg().get());
    assertThat(ab.describe()).startsWith("on the way back, route table rtb-db sends 10.20.1.0/24 to network interface " + ENI);
    assertThat(ab.resources()).contains("rtb-private", "rtb-db", ENI);
    // a route for only part of the job subnet's range also decides
    NetworkSnapshot half = TestNetworks.ready().subnet("subnet-db", "us-east-1a", "10.20.9.0/24", 10)
        .routeTable("rtb-db", rt -> rt.associate("subnet-db").blackhole("10.20.1.128/25", ENI)).build();
    AddressRoute h = route(half, "subnet-a", "10.20.9.5", "subnet-db");
    assertThat(h.result()).isEqualTo(Tri.NO);
    assertThat(h.kind()).isEqualTo(AddressRoute.Kind.BLACKHOLE);
    assertThat(h.describe()).contains("10.20.1.128/25");
    // the plain case: local both ways
    AddressRoute plain = route(TestNetworks.ready().build(), "subnet-a", "10.20.2.5", "subnet-b");
    assertThat(plain.result()).isEqualTo(Tri.YES);
    assertThat(plain.returnLeg().get().kind()).isEqualTo(AddressRoute.Kind.LOCAL);
  }

  @Test
  void aReturnPathThroughPeeringIsNamed() {
    // the forward route crosses pcx-…; the peer VPC's subnet routes the job range back over the same connection
    NetworkSnapshot net = TestNetworks.ready()
        .routeTable("rtb-private", rt -> rt.route("172.31.0.0/16", PCX))
        .subnet(dev.vpctrain.core.network.Subnet.builder().subnetId("subnet-peer").vpcId("vpc-0fffffffffffffff1")
            .cidrBlock("172.31.5.0/24").build())
        .routeTable("rtb-peer", rt -> rt.vpc("vpc-0fffffffffffffff1").clearRoutes().associate("subnet-peer")
            .route("172.31.0.0/16", "local").route("10.20.0.0/16", PCX))
        .build();
    AddressRoute r = route(net, "subnet-a", "172.31.5.9", "subnet-peer");
    assertThat(r.result()).isEqualTo(Tri.UNKNOWN);
    assertThat(r.forward().kind()).isEqualTo(AddressRoute.Kind.HOP);
    assertThat(r.returnLeg().get().kind()).isEqualTo(AddressRoute.Kind.HOP);
    assertThat(r.hops()).extracting(RouteHop::id).containsExactly(PCX);
    // no route back at all
    NetworkSnapshot oneWay = TestNetworks.ready()
        .routeTable("rtb-private", rt -> rt.route("172.31.0.0/16", PCX))
        .subnet(dev.vpctrain.core.network.Subnet.builder().subnetId("subnet-peer").vpcId("vpc-0fffffffffffffff1")
            .cidrBlock("172.31.5.0/24").build())
        .routeTable("rtb-peer", rt -> rt.vpc("vpc-0fffffffffffffff1").clearRoutes().associate("subnet-peer")
            .route("172.31.0.0/16", "local"))
        .build();
    AddressRoute back = route(oneWay, "subnet-a", "172.31.5.9", "subnet-peer");
    assertThat(back.result()).isEqualTo(Tri.NO);
    assertThat(back.deciding()).isSameAs(back.returnLeg().get());
    assertThat(back.describe()).isEqualTo("on the way back, route table rtb-peer has no route for 10.20.1.0/24");
  }

  @Test
  void oneSubnetCrossesNoRouteTable() {
    NetworkSnapshot net = TestNetworks.ready().without(Section.ROUTE_TABLES).build();
    AddressRoute byCidr = route(net, "subnet-a", "10.20.1.77");
    assertThat(byCidr.kind()).isEqualTo(AddressRoute.Kind.SAME_SUBNET);
    assertThat(byCidr.result()).isEqualTo(Tri.YES);
    assertThat(byCidr.returnLeg()).isEmpty();
    AddressRoute bySubnet = route(net, "subnet-a", "10.20.1.77", "subnet-a");
    assertThat(bySubnet.kind()).isEqualTo(AddressRoute.Kind.SAME_SUBNET);
    assertThat(bySubnet.returnLeg()).isEmpty();
  }

  @Test
  void missingRouteTablesAreUnknown() {
    NetworkSnapshot net = TestNetworks.ready().without(Section.ROUTE_TABLES).build();
    AddressRoute r = route(net, "subnet-a", "10.20.2.10");
    assertThat(r.result()).isEqualTo(Tri.UNKNOWN);
    assertThat(r.kind()).isEqualTo(AddressRoute.Kind.UNKNOWN);
    assertThat(r.describe()).contains("route table of subnet-a is unknown");
    AddressRoute back = route(TestNetworks.ready().build(), "subnet-a", "10.20.9.5", "subnet-nowhere");
    assertThat(back.forward().kind()).isEqualTo(AddressRoute.Kind.LOCAL);
    assertThat(back.result()).isEqualTo(Tri.UNKNOWN);
    assertThat(back.describe()).contains("subnet-nowhere");
  }

  @Test
  void withoutVpcCidrsAMissingRouteIsUnknown() {
    NetworkSnapshot net = TestNetworks.ready().without(Section.VPCS)
        .routeTable("rtb-private", rt -> rt.clearRoutes()).build();
    AddressRoute r = route(net, "subnet-a", "10.20.2.10");
    assertThat(r.kind()).isEqualTo(AddressRoute.Kind.UNKNOWN);
    assertThat(r.describe()).contains("whether a local route covers it is unknown");
  }

  @Test
  void theAnalysisIsComputedOnce() {
    Reach reach = Reach.of(TestNetworks.ready().build());
    AddressRoute a = reach.routeToAddress("subnet-a", Cidr.parseIpv4Address("10.20.2.10"), Optional.empty(), NFS);
    assertThat(reach.routeToAddress("subnet-a", Cidr.parseIpv4Address("10.20.2.10"), Optional.empty(), NFS)).isSameAs(a);
  }
}
