package dev.vpctrain.core.internal.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the route to an address over generated route tables. */
class AddressRoutePropertiesTest {
  /** Generated routes live in 172.16.0.0/12, outside the VPC (10.20.0.0/16). */
  private static final int BASE = Cidr.parseIpv4Address("172.16.0.0");

  @Provide
  Arbitrary<List<Cidr>> routes() {
    return Combinators.combine(Arbitraries.integers().between(0, (1 << 20) - 1), Arbitraries.integers().between(12, 32))
        .as((offset, length) -> Cidr.ipv4(BASE + offset, length)).list().ofMinSize(1).ofMaxSize(12);
  }

  /** The hop named for an address is the target of the longest route covering it; none covering is NO. */
  @Property(tries = 200)
  void theLongestCoveringRouteNamesTheHop(@ForAll("routes") List<Cidr> cidrs,
      @ForAll @IntRange(min = 0, max = (1 << 20) - 1) int offset) {
    Map<Cidr, String> targets = new LinkedHashMap<>();
    for (Cidr c : cidrs) {
      targets.putIfAbsent(c, String.format("pcx-%017x", targets.size()));
    }
    List<Map.Entry<Cidr, String>> entries = new ArrayList<>(targets.entrySet());
    NetworkSnapshot net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .routeTable("rtb-a", rt -> {
          rt.associate("subnet-a");
          entries.forEach(e -> rt.route(e.getKey().toString(), e.getValue()));
        }).build();
    int address = BASE + offset;
    Map.Entry<Cidr, String> expected = null;
    for (Map.Entry<Cidr, String> e : entries) {
      if (e.getKey().contains(address) && (expected == null || e.getKey().prefixLength() > expected.getKey().prefixLength())) {
        expected = e;
      }
    }
    AddressRoute r = Reach.of(net).routeToAddress("subnet-a", address, Optional.empty(), Traffic.tcp(5432));
    if (expected == null) {
      assertThat(r.kind()).isEqualTo(AddressRoute.Kind.NONE);
      assertThat(r.result()).isEqualTo(Tri.NO);
    } else {
      assertThat(r.kind()).isEqualTo(AddressRoute.Kind.HOP);
      assertThat(r.hops()).extracting(RouteHop::id).containsExactly(expected.getValue());
      assertThat(r.forward().routes().get(0).cidr()).isEqualTo(expected.getKey());
    }
  }

  /** Every address of a VPC CIDR, primary or secondary, outside the source subnet, is local both ways. */
  @Property(tries = 200)
  void everyAddressOfAVpcCidrIsLocal(@ForAll @IntRange(min = 0, max = (1 << 17) - 1) int offset) {
    NetworkSnapshot net = TestNetworks.ready().vpc(v -> v.withCidrBlocks(TestNetworks.VPC_CIDR, "10.21.0.0/16"))
        .subnet("subnet-far", "us-east-1b", "10.21.0.0/16", 10).build();
    int address = Cidr.parseIpv4Address("10.20.0.0") + offset;
    AddressRoute r = Reach.of(net).routeToAddress("subnet-a", address, Optional.empty(), Traffic.tcp(2049));
    boolean inSubnetA = Cidr.parseIpv4("10.20.1.0/24").contains(address);
    assertThat(r.kind()).isEqualTo(inSubnetA ? AddressRoute.Kind.SAME_SUBNET : AddressRoute.Kind.LOCAL);
    assertThat(r.result()).isEqualTo(Tri.YES);
    if (address >= Cidr.parseIpv4Address("10.21.0.0")) {
      AddressRoute both = Reach.of(net).routeToAddress("subnet-a", address, Optional.of("subnet-far"), Traffic.tcp(2049));
      assertThat(both.returnLeg().orElseThrow().kind()).isEqualTo(AddressRoute.Kind.LOCAL);
    }
  }
}
