package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The route between a source subnet and one IPv4 address (rules.md "Route to an address"): the
 * forward leg from the source subnet's route table to the address and, when the destination's
 * subnet is known, the return leg from that subnet's route table to the source subnet's CIDR.
 * Three-valued: YES (local or same subnet), NO (no route, blackhole, an internet gateway for an
 * address it cannot reach), UNKNOWN (a hop out of the VPC or an appliance, named in
 * {@link #hops()}, or data missing). Immutable.
 */
public final class AddressRoute {
  /** How one leg is routed. */
  public enum Kind {
    /** Source and destination are in one subnet: no route table is crossed. */
    SAME_SUBNET(Tri.YES),
    /** A {@code local} route (explicit, or the implicit one of a VPC CIDR). */
    LOCAL(Tri.YES),
    /** A public address through a working NAT gateway. */
    NAT(Tri.YES),
    /** A NAT gateway, network interface, instance or Gateway Load Balancer endpoint (a replaced local route included). */
    MIDDLEBOX(Tri.UNKNOWN),
    /** Peering, transit gateway, virtual private gateway, core network or another gateway out of the VPC. */
    HOP(Tri.UNKNOWN),
    /** A gateway endpoint route: it carries only its AWS service's traffic (S3, DynamoDB). */
    SERVICE_ENDPOINT(Tri.UNKNOWN),
    /** The matching route is a blackhole. */
    BLACKHOLE(Tri.NO),
    /** No route covers the destination (or the NAT gateway on the way has none onwards). */
    NONE(Tri.NO),
    /** An internet gateway: the source has no public address, and a private destination is not on the internet. */
    INTERNET_GATEWAY(Tri.NO),
    /** A private address sent to a NAT gateway whose own subnet sends it to an internet gateway. */
    NAT_TO_INTERNET(Tri.NO),
    /** A public address through a NAT gateway that gives no path (unhealthy, or its subnet's ACL blocks the traffic). */
    NAT_BROKEN(Tri.NO),
    /** The snapshot does not allow a decision. */
    UNKNOWN(Tri.UNKNOWN);

    private final Tri result;

    Kind(Tri result) {
      this.result = result;
    }

    /** What this kind means for reachability. */
    public Tri result() {
      return result;
    }
  }

  /** One direction: a subnet's route table towards a destination (an address, or a subnet's CIDR for returns). */
  public static final class Leg {
    private final String fromSubnet;
    private final String destination;
    private final Kind kind;
    private final EffectiveRouteTable routeTable;
    private final List<RouteMatch> routes;
    private final List<RouteHop> hops;
    private final EgressPath path;
    private final String detail;

    Leg(String fromSubnet, String destination, Kind kind, EffectiveRouteTable routeTable, List<RouteMatch> routes,
        List<RouteHop> hops, EgressPath path, String detail) {
      this.fromSubnet = Objects.requireNonNull(fromSubnet);
      this.destination = Objects.requireNonNull(destination);
      this.kind = Objects.requireNonNull(kind);
      this.routeTable = Objects.requireNonNull(routeTable);
      this.routes = List.copyOf(routes);
      this.hops = List.copyOf(hops);
      this.path = path;
      this.detail = Objects.requireNonNull(detail);
    }

    /** The subnet whose route table decides this leg. */
    public String fromSubnet() {
      return fromSubnet;
    }

    /** The destination as written: an address or a CIDR. */
    public String destination() {
      return destination;
    }

    public Kind kind() {
      return kind;
    }

    public Tri result() {
      return kind.result();
    }

    /** The route table of {@link #fromSubnet()} (possibly unknown; looked up even for {@link Kind#SAME_SUBNET}). */
    public EffectiveRouteTable routeTable() {
      return routeTable;
    }

    /** The routes that carry the destination, most preferred first (empty when none or not needed). */
    public List<RouteMatch> routes() {
      return routes;
    }

    /** The hops and appliances the snapshot cannot see beyond, in path order. */
    public List<RouteHop> hops() {
      return hops;
    }

    /**
     * For a forward leg: the egress analysis of the address ({@link Reach#pathTo}), whose route,
     * NAT health and NAT subnet ACL this leg was decided from; empty for a return leg and for
     * {@link Kind#SAME_SUBNET}.
     */
    public Optional<EgressPath> path() {
      return Optional.ofNullable(path);
    }

    /** One sentence on what was found, naming route table, route and target. */
    public String detail() {
      return detail;
    }

    @Override
    public String toString() {
      return kind + "[" + fromSubnet + " -> " + destination + "]: " + detail;
    }
  }

  private final String sourceSubnet;
  private final String address;
  private final String destinationSubnet;
  private final Leg forward;
  private final Leg back;

  AddressRoute(String sourceSubnet, String address, String destinationSubnet, Leg forward, Leg back) {
    this.sourceSubnet = Objects.requireNonNull(sourceSubnet);
    this.address = Objects.requireNonNull(address);
    this.destinationSubnet = destinationSubnet;
    this.forward = Objects.requireNonNull(forward);
    this.back = back;
  }

  public String sourceSubnet() {
    return sourceSubnet;
  }

  /** The destination address (dotted quad). */
  public String address() {
    return address;
  }

  /** The destination's subnet, when the caller knew it. */
  public Optional<String> destinationSubnet() {
    return Optional.ofNullable(destinationSubnet);
  }

  /** Source subnet to the address. */
  public Leg forward() {
    return forward;
  }

  /** Destination subnet back to the source subnet's CIDR; empty when the destination subnet is unknown or is the source. */
  public Optional<Leg> returnLeg() {
    return Optional.ofNullable(back);
  }

  /** Both legs: NO when either is, else UNKNOWN when either is. */
  public Tri result() {
    return back == null ? forward.result() : forward.result().and(back.result());
  }

  public boolean reachable() {
    return result() == Tri.YES;
  }

  /** The leg that decides: the first that is NO, else the first UNKNOWN, else the forward leg. */
  public Leg deciding() {
    if (back == null || forward.result() == Tri.NO) {
      return forward;
    }
    if (back.result() == Tri.NO) {
      return back;
    }
    return forward.result() == Tri.UNKNOWN || back.result() != Tri.UNKNOWN ? forward : back;
  }

  /** The kind of the deciding leg. */
  public Kind kind() {
    return deciding().kind();
  }

  /** Every hop and appliance on either leg, forward first, each once. */
  public List<RouteHop> hops() {
    Set<RouteHop> out = new LinkedHashSet<>(forward.hops());
    if (back != null) {
      out.addAll(back.hops());
    }
    return List.copyOf(out);
  }

  /** The ids a finding names: route tables of the legs and the hops. */
  public List<String> resources() {
    Set<String> out = new LinkedHashSet<>();
    for (Leg l : legs()) {
      if (l.routeTable().isKnown()) {
        out.add(l.routeTable().routeTableId());
      }
      l.hops().forEach(h -> out.add(h.id()));
      l.routes().stream().filter(r -> !r.isActive()).forEach(r -> out.add(r.targetId()));
    }
    return List.copyOf(out);
  }

  /** The forward leg, then the return leg when checked. */
  public List<Leg> legs() {
    List<Leg> out = new ArrayList<>(2);
    out.add(forward);
    if (back != null) {
      out.add(back);
    }
    return out;
  }

  /** One sentence: the deciding leg's detail, prefixed with "on the way back" for the return leg. */
  public String describe() {
    Leg d = deciding();
    return d == back ? "on the way back, " + d.detail() : d.detail();
  }

  @Override
  public String toString() {
    return result() + ": " + describe();
  }
}
