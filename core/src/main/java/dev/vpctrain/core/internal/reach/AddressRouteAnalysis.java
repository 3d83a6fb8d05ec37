package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTargetKind;
import dev.vpctrain.core.network.Vpc;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides {@link AddressRoute}s. The forward leg starts from the egress analysis of the address
 * ({@link Reach#pathTo(String, int, Traffic, Peer)}: route selection by longest-prefix match, NAT
 * health, the NAT subnet's ACL) and refines it with what only an address inside a VPC needs: the
 * implicit {@code local} route of every VPC CIDR, routes more specific than (or replacing) a local
 * route, and where a NAT gateway sends a private address. The return leg routes the source
 * subnet's CIDR through the destination subnet's table with {@link RouteMatcher#route(Cidr)}.
 */
final class AddressRouteAnalysis {
  private final Reach reach;
  private final NetworkSnapshot network;

  AddressRouteAnalysis(Reach reach) {
    this.reach = reach;
    this.network = reach.network();
  }

  AddressRoute analyze(String sourceSubnet, int address, String destinationSubnet, Traffic traffic, Peer destination) {
    String addr = Cidr.formatIpv4(address);
    Optional<Cidr> sourceCidr = JobPeers.subnetCidr(network, sourceSubnet);
    boolean same = destinationSubnet != null ? destinationSubnet.equals(sourceSubnet)
        : sourceCidr.map(c -> c.contains(address)).orElse(false);
    if (same) {
      AddressRoute.Leg f = new AddressRoute.Leg(sourceSubnet, addr, AddressRoute.Kind.SAME_SUBNET, reach.routeTableOf(sourceSubnet),
          List.of(), List.of(), null, addr + " is in subnet " + sourceSubnet + " itself: traffic inside one subnet crosses no route table");
      return new AddressRoute(sourceSubnet, addr, destinationSubnet, f, null);
    }
    AddressRoute.Leg forward = forward(sourceSubnet, address, traffic, destination);
    AddressRoute.Leg back = destinationSubnet == null ? null : back(destinationSubnet, sourceSubnet, sourceCidr);
    return new AddressRoute(sourceSubnet, addr, destinationSubnet, forward, back);
  }

  private AddressRoute.Leg forward(String subnet, int address, Traffic traffic, Peer destination) {
    EgressPath p = reach.pathTo(subnet, address, traffic, destination);
    String addr = p.destination();
    EffectiveRouteTable ert = p.routeTable();
    if (!ert.isKnown()) {
      return new AddressRoute.Leg(subnet, addr, AddressRoute.Kind.UNKNOWN, ert, List.of(), List.of(), p, p.detail());
    }
    RouteTable t = ert.table().get();
    Cidr host = Cidr.ipv4Host(address);
    Optional<Cidr> vpcCidr = vpcCidrCovering(t, host);
    RouteMatch m = p.route().orElse(null);
    Decision d = classify(t, host, addr, vpcCidr, m, p);
    List<RouteMatch> used = m == null || overriddenByLocal(m, vpcCidr) ? List.of() : List.of(m);
    return new AddressRoute.Leg(subnet, addr, d.kind, ert, used, d.hops, p, d.detail);
  }

  private AddressRoute.Leg back(String fromSubnet, String toSubnet, Optional<Cidr> toCidr) {
    EffectiveRouteTable ert = reach.routeTableOf(fromSubnet);
    if (toCidr.isEmpty()) {
      return new AddressRoute.Leg(fromSubnet, toSubnet, AddressRoute.Kind.UNKNOWN, ert, List.of(), List.of(), null,
          "the CIDR of " + toSubnet + " is not in the snapshot, so the route back to it from " + fromSubnet + " cannot be checked");
    }
    Cidr block = toCidr.get();
    String dest = block.toString();
    if (!ert.isKnown()) {
      return new AddressRoute.Leg(fromSubnet, dest, AddressRoute.Kind.UNKNOWN, ert, List.of(), List.of(), null,
          "the route table of " + fromSubnet + " is unknown: " + ert.unknownReason().orElse(""));
    }
    RouteTable t = ert.table().get();
    Optional<Cidr> vpcCidr = vpcCidrCovering(t, block);
    RouteMatcher.RangeRouting rr = reach.matcher(t).route(block);
    List<Decision> parts = new ArrayList<>();
    for (RouteMatch inner : rr.inner()) {
      parts.add(classify(t, inner.cidr(), block + " (its part " + inner.cidr() + ")", vpcCidr, inner, null));
    }
    parts.add(classify(t, block, dest, vpcCidr, rr.covering().orElse(null), null));
    Decision worst = parts.get(0);
    Set<RouteHop> hops = new LinkedHashSet<>();
    for (Decision d : parts) {
      hops.addAll(d.hops);
      if (rank(d) < rank(worst)) {
        worst = d;
      }
    }
    List<RouteMatch> used = new ArrayList<>(rr.inner());
    rr.covering().filter(c -> !overriddenByLocal(c, vpcCidr)).ifPresent(used::add);
    return new AddressRoute.Leg(fromSubnet, dest, worst.kind, ert, used, List.copyOf(hops), null, worst.detail);
  }

  /** NO before UNKNOWN before YES. */
  private static int rank(Decision d) {
    switch (d.kind.result()) {
      case NO:
        return 0;
      case UNKNOWN:
        return 1;
      default:
        return 2;
    }
  }

  /**
   * What route {@code m} of table {@code t} (the longest-prefix match for {@code block}, null when
   * none) means for {@code block}, which lies in the table's VPC CIDR {@code vpcCidr} when present.
   * {@code p} is the egress analysis of a forward leg (null for a return leg).
   */
  private Decision classify(RouteTable t, Cidr block, String dest, Optional<Cidr> vpcCidr, RouteMatch m, EgressPath p) {
    String rtb = t.routeTableId();
    if (m == null || overriddenByLocal(m, vpcCidr)) {
      if (vpcCidr.isPresent()) {
        return new Decision(AddressRoute.Kind.LOCAL, List.of(), "route table " + rtb + " keeps " + dest
            + " inside the VPC (the local route of VPC CIDR " + vpcCidr.get() + ")");
      }
      if (!vpcCidrsKnown(t)) {
        return new Decision(AddressRoute.Kind.UNKNOWN, List.of(), "route table " + rtb + " has no route for " + dest
            + " and the CIDRs of " + t.vpcId() + " are not in the snapshot, so whether a local route covers it is unknown");
      }
      return new Decision(AddressRoute.Kind.NONE, List.of(), "route table " + rtb + " has no route for " + dest);
    }
    if (!m.isActive()) {
      return new Decision(AddressRoute.Kind.BLACKHOLE, List.of(),
          "the route for " + dest + " in route table " + rtb + " is a blackhole: " + m.describe());
    }
    switch (m.targetKind()) {
      case LOCAL:
        return new Decision(AddressRoute.Kind.LOCAL, List.of(),
            "route table " + rtb + " keeps " + dest + " inside the VPC (local route " + m.destination() + ")");
      case INTERNET_GATEWAY:
      case EGRESS_ONLY_INTERNET_GATEWAY:
        if (vpcCidr.isEmpty()) {
          return new Decision(AddressRoute.Kind.INTERNET_GATEWAY, List.of(), "route table " + rtb + " sends " + what(block, dest)
              + " to " + S3PathAnalysis.kindName(m.targetKind()) + " " + m.targetId() + " (" + m.describe() + "); "
              + (block.isNonPublic() ? "the internet does not route private addresses"
                  : "training instances get no public IP, so an internet gateway route gives no access"));
        }
        break;
      default:
        break;
    }
    RouteHop hop = hop(m);
    if (vpcCidr.isPresent()) {
      boolean replaced = m.cidr().equals(vpcCidr.get());
      return new Decision(AddressRoute.Kind.MIDDLEBOX, List.of(hop), "route table " + rtb + " sends " + dest + " to "
          + hop.describe() + " (" + m.describe() + ")" + (replaced ? ", the target that replaced the local route of VPC CIDR "
          : ", a route more specific than the local route of VPC CIDR ") + vpcCidr.get()
          + "; what the appliance does with the traffic is not in the snapshot");
    }
    if (m.targetKind() == RouteTargetKind.NAT_GATEWAY) {
      return nat(rtb, block, dest, m, hop, p);
    }
    if (m.targetKind() == RouteTargetKind.GATEWAY_ENDPOINT && m.prefixListId().isPresent()) {
      return new Decision(AddressRoute.Kind.SERVICE_ENDPOINT, List.of(), "route table " + rtb + " sends " + dest
          + " to gateway endpoint " + m.targetId() + " (" + m.describe() + "), which carries only the traffic of its AWS service");
    }
    return new Decision(hop.leavesVpc() ? AddressRoute.Kind.HOP : AddressRoute.Kind.MIDDLEBOX, List.of(hop),
        "route table " + rtb + " sends " + dest + " to " + hop.describe() + " (" + m.describe()
            + "); the path beyond it is not in the snapshot");
  }

  /** True when {@code m} is less specific than the VPC CIDR {@code vpcCidr}, whose local route then wins (listed or not). */
  private static boolean overriddenByLocal(RouteMatch m, Optional<Cidr> vpcCidr) {
    return vpcCidr.isPresent() && m.cidr().prefixLength() < vpcCidr.get().prefixLength();
  }

  /** A route outside the VPC CIDRs to NAT gateway {@code m}: egress semantics for a public address, the gateway subnet's route for a private one. */
  private Decision nat(String rtb, Cidr block, String dest, RouteMatch m, RouteHop hop, EgressPath p) {
    String natId = m.targetId();
    NatHealth h = reach.natHealth(natId);
    if (!block.isNonPublic()) {
      if (p != null) {
        switch (p.kind()) {
          case NAT:
            return new Decision(AddressRoute.Kind.NAT, List.of(), p.detail());
          case NAT_BLOCKED:
          case NAT_UNHEALTHY:
            return new Decision(AddressRoute.Kind.NAT_BROKEN, List.of(hop), p.detail());
          default:
            return new Decision(AddressRoute.Kind.UNKNOWN, List.of(hop), p.detail());
        }
      }
      AddressRoute.Kind k = h.status() == NatHealth.Status.HEALTHY ? AddressRoute.Kind.NAT
          : h.status() == NatHealth.Status.UNHEALTHY ? AddressRoute.Kind.NAT_BROKEN : AddressRoute.Kind.UNKNOWN;
      return new Decision(k, k == AddressRoute.Kind.NAT ? List.of() : List.of(hop),
          "route table " + rtb + " sends " + dest + " to " + natId + " (" + m.describe() + "); " + h.describe());
    }
    String via = "route table " + rtb + " sends " + what(block, dest) + " to NAT gateway " + natId;
    if (h.subnetId().isEmpty()) {
      return new Decision(AddressRoute.Kind.UNKNOWN, List.of(hop), via + ", whose subnet is unknown ("
          + (h.natGateway().isEmpty() ? "the NAT gateway is not in the snapshot" : "its subnet was not captured")
          + "), so where it forwards the traffic is unknown");
    }
    String natSubnet = h.subnetId().get();
    EffectiveRouteTable ne = reach.routeTableOf(natSubnet);
    if (!ne.isKnown()) {
      return new Decision(AddressRoute.Kind.UNKNOWN, List.of(hop), via + "; the route table of its subnet " + natSubnet
          + " is unknown: " + ne.unknownReason().orElse(""));
    }
    String onward = via + ", whose subnet " + natSubnet + " has route table " + ne.routeTableId();
    Optional<RouteMatch> next = reach.matcher(ne.table().get()).route(block).covering();
    if (next.isEmpty()) {
      return new Decision(AddressRoute.Kind.NONE, List.of(), onward + " with no route for " + dest);
    }
    RouteMatch n = next.get();
    if (!n.isActive()) {
      return new Decision(AddressRoute.Kind.BLACKHOLE, List.of(), onward + ", whose route for " + dest + " is a blackhole: " + n.describe());
    }
    switch (n.targetKind()) {
      case INTERNET_GATEWAY:
        return new Decision(AddressRoute.Kind.NAT_TO_INTERNET, List.of(), onward + ", which sends it to internet gateway "
            + n.targetId() + " (" + n.describe() + "); the internet does not route private addresses");
      case LOCAL:
        return new Decision(AddressRoute.Kind.MIDDLEBOX, List.of(hop), onward + ", which keeps it in the VPC ("
            + n.describe() + "); what the NAT gateway does with it is not in the snapshot");
      default: {
        RouteHop beyond = hop(n);
        return new Decision(beyond.leavesVpc() ? AddressRoute.Kind.HOP : AddressRoute.Kind.MIDDLEBOX, List.of(hop, beyond),
            onward + ", which sends it on to " + beyond.describe() + " (" + n.describe() + "); the path beyond it is not in the snapshot");
      }
    }
  }

  /** {@code the private address 10.1.2.3} or {@code the private addresses of 10.1.0.0/16}. */
  private static String what(Cidr block, String dest) {
    String kind = block.isNonPublic() ? "the private address" : "the address";
    return block.prefixLength() == 32 ? kind + " " + dest : kind + "es of " + dest;
  }

  /** The route target as a named hop or appliance. */
  static RouteHop hop(RouteMatch m) {
    Route r = m.route();
    switch (m.targetKind()) {
      case TRANSIT_GATEWAY:
      case PEERING_CONNECTION:
      case VPN_GATEWAY:
        return RouteHop.of(m.targetKind(), S3PathAnalysis.kindName(m.targetKind()), m.targetId(), true);
      case NAT_GATEWAY:
      case NETWORK_INTERFACE:
      case INSTANCE:
        return RouteHop.of(m.targetKind(), S3PathAnalysis.kindName(m.targetKind()), m.targetId(), false);
      case GATEWAY_ENDPOINT:
        return m.prefixListId().isPresent()
            ? RouteHop.of(m.targetKind(), "gateway endpoint", m.targetId(), false)
            : RouteHop.of(m.targetKind(), "Gateway Load Balancer endpoint", m.targetId(), false);
      case OTHER: {
        String name = r.coreNetworkArn().isPresent() ? "core network" : r.carrierGatewayId().isPresent() ? "carrier gateway"
            : r.localGatewayId().isPresent() ? "local gateway" : "gateway";
        return RouteHop.of(m.targetKind(), name, m.targetId(), true);
      }
      default:
        return RouteHop.of(m.targetKind(), S3PathAnalysis.kindName(m.targetKind()), m.targetId(), true);
    }
  }

  /** The CIDR of {@code t}'s VPC that covers {@code block}: VPC CIDRs (primary and secondary) and the table's local routes. */
  private Optional<Cidr> vpcCidrCovering(RouteTable t, Cidr block) {
    for (Cidr c : vpcCidrs(t)) {
      if (c.covers(block)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private boolean vpcCidrsKnown(RouteTable t) {
    return !vpcCidrs(t).isEmpty();
  }

  private List<Cidr> vpcCidrs(RouteTable t) {
    return reach.vpcCidrs(t, this::computeVpcCidrs);
  }

  private List<Cidr> computeVpcCidrs(RouteTable t) {
    Set<Cidr> out = new LinkedHashSet<>();
    Optional<Vpc> vpc = network.vpc(t.vpcId());
    if (vpc.isPresent()) {
      vpc.get().cidrBlock().flatMap(Cidr::tryParseIpv4).ifPresent(out::add);
      vpc.get().cidrBlocks().forEach(s -> Cidr.tryParseIpv4(s).ifPresent(out::add));
    }
    for (Route r : t.routes()) {
      if (r.gatewayId().map("local"::equals).orElse(false)) {
        r.destinationCidrBlock().flatMap(Cidr::tryParseIpv4).ifPresent(out::add);
      }
    }
    return List.copyOf(out);
  }

  /** One classified route. */
  private record Decision(AddressRoute.Kind kind, List<RouteHop> hops, String detail) {}
}
