package dev.vpctrain.core.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
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
    assertThat(reach.pathTo("subnet-a", Cidr.parseAddress("10.20.2.7")).kind()).isEqualTo(EgressPath.Kind.LOCAL);
    assertThat(reach.pathTo("subnet-a", Cidr.parseAddress("52.216.1.1")).kind()).isEqualTo(EgressPath.Kind.GATEWAY_ENDPOINT);
    assertThat(reach.pathTo("subnet-a", Cidr.parseAddress("8.8.8.8")).kind()).isEqualTo(EgressPath.Kind.NAT);
  }
}
