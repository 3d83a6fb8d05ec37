package dev.vpctrain.core.internal.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.NatSubnetAcls;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.Section;
import org.junit.jupiter.api.Test;

class EgressPathTest {
  @Test
  void workingNat() {
    EgressPath p = Reach.of(TestNetworks.ready().build()).internetPath("subnet-a");
    assertThat(p.kind()).isEqualTo(EgressPath.Kind.NAT);
    assertThat(p.natGatewayId()).contains("nat-a");
    assertThat(p.publicIps()).containsExactly("203.0.113.10");
    assertThat(p.isWorking()).isTrue();
  }

  @Test
  void theNatSubnetAclDecidesPerTrafficAndDestination() {
    Reach reach = Reach.of(TestNetworks.ready().networkAcl(NatSubnetAcls.hardened(NatSubnetAcls.Gap.NONE)).build());
    Peer pypi = Peer.internetHost("pypi.org");
    EgressPath https = reach.internetPath("subnet-a", Traffic.tcp(443), pypi);
    assertThat(https.kind()).isEqualTo(EgressPath.Kind.NAT);
    assertThat(https.natForwarding().get().allowed()).isTrue();
    // the hardened ACL forwards HTTPS only: TCP 8080 gets in (the ephemeral-port return rule covers it) but not out
    EgressPath other = reach.internetPath("subnet-a", Traffic.tcp(8080), Peer.internetHost("example.com"));
    assertThat(other.kind()).isEqualTo(EgressPath.Kind.NAT_BLOCKED);
    assertThat(other.isWorking()).isFalse();
    assertThat(other.natForwarding().get().denials()).hasSize(1);
    assertThat(other.detail()).contains(NatSubnetAcls.ACL_PUBLIC).contains("denies outbound TCP 8080 to example.com");
    // the route-only view is unchanged
    assertThat(reach.internetPath("subnet-a").kind()).isEqualTo(EgressPath.Kind.NAT);
  }

  @Test
  void eachOfTheFourNatSubnetAclDirectionsBlocksAlone() {
    for (NatSubnetAcls.Gap gap : NatSubnetAcls.Gap.values()) {
      Reach reach = Reach.of(TestNetworks.ready().networkAcl(NatSubnetAcls.hardened(gap)).build());
      EgressPath p = reach.internetPath("subnet-a", Traffic.tcp(443), Peer.internetHost("pypi.org"));
      assertThat(p.kind()).as(gap.name()).isEqualTo(gap == NatSubnetAcls.Gap.NONE ? EgressPath.Kind.NAT : EgressPath.Kind.NAT_BLOCKED);
    }
  }

  @Test
  void unknownNatSubnetAclIsUnknownNotNat() {
    Reach reach = Reach.of(TestNetworks.ready().without(Section.NETWORK_ACLS).build());
    EgressPath p = reach.internetPath("subnet-a", Traffic.tcp(443), Peer.internetHost("pypi.org"));
    assertThat(p.kind()).isEqualTo(EgressPath.Kind.UNKNOWN);
    assertThat(p.detail()).contains("network ACL of subnet-public is unknown");
  }

  @Test
  void publicSubnetIsIgw() {
    EgressPath p = Reach.of(TestNetworks.ready().build()).internetPath("subnet-public");
    assertThat(p.kind()).isEqualTo(EgressPath.Kind.IGW);
    assertThat(p.detail()).contains("no public IP");
  }

  @Test
  void misplacedNat() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .natGateway("nat-a", "subnet-a", "available", "203.0.113.10")
        .mainRouteTable(rt -> rt.route("0.0.0.0/0", "nat-a")).build();
    EgressPath p = Reach.of(net).internetPath("subnet-a");
    assertThat(p.kind()).isEqualTo(EgressPath.Kind.NAT_UNHEALTHY);
    assertThat(p.nat().get().problems().get(0)).contains("sends 0.0.0.0/0 to nat-a");
  }

  @Test
  void noDefaultRouteBlackholeAndTransitGateway() {
    var none = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10).build();
    assertThat(Reach.of(none).internetPath("subnet-a").kind()).isEqualTo(EgressPath.Kind.NONE);
    var bh = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .mainRouteTable(rt -> rt.blackhole("0.0.0.0/0", "nat-gone")).build();
    assertThat(Reach.of(bh).internetPath("subnet-a").kind()).isEqualTo(EgressPath.Kind.BLACKHOLE);
    var tgw = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .mainRouteTable(rt -> rt.route("0.0.0.0/0", "tgw-1")).build();
    EgressPath t = Reach.of(tgw).internetPath("subnet-a");
    assertThat(t.kind()).isEqualTo(EgressPath.Kind.UNMODELED);
    assertThat(t.detail()).contains("transit gateway tgw-1");
  }

  @Test
  void unknownNatOrTables() {
    var net = TestNetworks.ready().without(Section.NAT_GATEWAYS).build();
    assertThat(Reach.of(net).internetPath("subnet-a").kind()).isEqualTo(EgressPath.Kind.UNKNOWN);
    var noTables = TestNetworks.ready().without(Section.ROUTE_TABLES).build();
    assertThat(Reach.of(noTables).internetPath("subnet-a").kind()).isEqualTo(EgressPath.Kind.UNKNOWN);
  }

  @Test
  void pathToAnAddress() {
    Reach reach = Reach.of(TestNetworks.ready().build());
    assertThat(reach.pathTo("subnet-a", Cidr.parseIpv4Address("10.20.2.7")).kind()).isEqualTo(EgressPath.Kind.LOCAL);
    assertThat(reach.pathTo("subnet-a", Cidr.parseIpv4Address("52.216.1.1")).kind()).isEqualTo(EgressPath.Kind.GATEWAY_ENDPOINT);
    assertThat(reach.pathTo("subnet-a", Cidr.parseIpv4Address("8.8.8.8")).kind()).isEqualTo(EgressPath.Kind.NAT);
  }
}
