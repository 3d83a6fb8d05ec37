package dev.vpctrain.core.internal.reach;

import static dev.vpctrain.core.fixtures.TestNetworks.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTargetKind;
import dev.vpctrain.core.network.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteMatcherTest {
  private final NetworkSnapshot network = TestNetworks.privateVpc().build();

  private RouteMatcher matcher(Route... routes) {
    return RouteMatcher.compile(RouteTable.builder().routeTableId("rtb-x").vpcId(TestNetworks.VPC).addAllRoutes(java.util.Arrays.asList(routes)).build(), network);
  }

  @Test
  void longestPrefixWins() {
    RouteMatcher m = matcher(
        route("10.20.0.0/16", "local"),
        route("0.0.0.0/0", "nat-a"),
        route("172.31.0.0/16", "pcx-1"),
        route("172.31.5.0/24", "tgw-1"));
    assertThat(m.match("10.20.3.4").get().targetKind()).isEqualTo(RouteTargetKind.LOCAL);
    assertThat(m.match("172.31.9.9").get().targetId()).isEqualTo("pcx-1");
    assertThat(m.match("172.31.5.9").get().targetId()).isEqualTo("tgw-1");
    assertThat(m.match("8.8.8.8").get().targetId()).isEqualTo("nat-a");
    assertThat(m.defaultRoute().get().targetId()).isEqualTo("nat-a");
  }

  @Test
  void noRouteMeansEmpty() {
    RouteMatcher m = matcher(route("10.20.0.0/16", "local"));
    assertThat(m.match("8.8.8.8")).isEmpty();
    assertThat(m.defaultRoute()).isEmpty();
  }

  @Test
  void blackholeRoutesStillMatch() {
    RouteMatcher m = matcher(route("10.20.0.0/16", "local"), route("0.0.0.0/0", "nat-gone", "blackhole"));
    RouteMatch hit = m.match("1.1.1.1").get();
    assertThat(hit.isActive()).isFalse();
    assertThat(hit.describe()).isEqualTo("0.0.0.0/0 -> nat-gone (blackhole)");
  }

  @Test
  void prefixListRoutesAreExpandedThroughTheSnapshot() {
    RouteMatcher m = matcher(route("10.20.0.0/16", "local"), route("0.0.0.0/0", "igw-1"), route(TestNetworks.S3_PL, "vpce-s3"));
    RouteMatch s3 = m.match("52.217.1.1").get();
    assertThat(s3.targetId()).isEqualTo("vpce-s3");
    assertThat(s3.prefixListId()).contains(TestNetworks.S3_PL);
    assertThat(s3.cidr()).isEqualTo(Cidr.parseIpv4("52.216.0.0/15"));
    assertThat(s3.destination()).isEqualTo(TestNetworks.S3_PL);
    assertThat(m.match("52.218.1.1").get().targetId()).isEqualTo("igw-1");
    assertThat(m.unexpandedPrefixListRoutes()).isEmpty();
    assertThat(m.routesToPrefixList(TestNetworks.S3_PL)).hasSize(1);
  }

  @Test
  void aStaticRouteBeatsAnEquallySpecificPrefixListRoute() {
    RouteMatcher m = matcher(route(TestNetworks.S3_PL, "vpce-s3"), route("52.216.0.0/15", "tgw-1"));
    assertThat(m.match("52.216.0.1").get().targetId()).isEqualTo("tgw-1");
    assertThat(m.match("54.231.0.1").get().targetId()).isEqualTo("vpce-s3");
  }

  @Test
  void aMoreSpecificStaticRouteInsideAPrefixListCidrWinsForItsPart() {
    RouteMatcher m = matcher(route(TestNetworks.S3_PL, "vpce-s3"), route("52.216.8.0/24", "tgw-1"));
    RouteMatcher.RangeRouting rr = m.route(Cidr.parseIpv4("52.216.0.0/15"));
    assertThat(rr.covering().get().targetId()).isEqualTo("vpce-s3");
    assertThat(rr.inner()).extracting(RouteMatch::targetId).containsExactly("tgw-1");
    assertThat(rr.isUniform()).isFalse();
    assertThat(m.route(Cidr.parseIpv4("54.231.0.0/16")).isUniform()).isTrue();
  }

  @Test
  void propagatedRoutesLoseTiesToStaticRoutes() {
    Route propagated = Route.builder().destinationCidrBlock("172.31.0.0/24").gatewayId("vgw-1").origin("EnableVgwRoutePropagation").build();
    RouteMatcher m = matcher(propagated, route("172.31.0.0/24", "igw-1"));
    assertThat(m.match("172.31.0.5").get().targetId()).isEqualTo("igw-1");
  }

  @Test
  void unknownPrefixListsAreReportedNotGuessed() {
    NetworkSnapshot noLists = TestNetworks.privateVpc().without(Section.PREFIX_LISTS).build();
    RouteTable t = RouteTable.builder().routeTableId("rtb-x").vpcId(TestNetworks.VPC)
        .addAllRoutes(List.of(route(TestNetworks.S3_PL, "vpce-s3"), route("0.0.0.0/0", "nat-a"))).build();
    RouteMatcher m = RouteMatcher.compile(t, noLists);
    assertThat(m.unexpandedPrefixListRoutes()).extracting(Route::targetId).containsExactly("vpce-s3");
    assertThat(m.match("52.216.0.1").get().targetId()).isEqualTo("nat-a");
  }

  @Test
  void ipv6RoutesAreIgnored() {
    Route v6 = Route.builder().destinationIpv6CidrBlock("::/0").egressOnlyInternetGatewayId("eigw-1").build();
    RouteMatcher m = matcher(v6, route("10.20.0.0/16", "local"));
    assertThat(m.entries()).hasSize(1);
    assertThat(m.match("8.8.8.8")).isEmpty();
    assertThat(List.of(m.table().routes().size())).containsExactly(2);
  }
}
