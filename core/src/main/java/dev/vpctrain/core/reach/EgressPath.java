package dev.vpctrain.core.reach;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a subnet's traffic to a destination goes: for "the internet" its default route, or for one
 * address the longest-prefix match, with NAT health when the route leads to a NAT gateway.
 */
public final class EgressPath {
  /** The kind of path. */
  public enum Kind {
    /** A working NAT gateway: the internet is reachable. */
    NAT,
    /** A NAT gateway that gives no internet path ({@link #nat()} says why). */
    NAT_UNHEALTHY,
    /**
     * A working NAT gateway whose own subnet's network ACL blocks the traffic asked about
     * ({@link #natForwarding()} says how): no NAT path for it.
     */
    NAT_BLOCKED,
    /** An internet gateway: training ENIs have no public IP, so nothing outside is reachable. */
    IGW,
    /** The destination is inside the VPC (local route). */
    LOCAL,
    /** A gateway VPC endpoint (only for AWS service addresses). */
    GATEWAY_ENDPOINT,
    /** The matching route is a blackhole. */
    BLACKHOLE,
    /** The route leaves the model: transit gateway, peering, VPN gateway, network interface, instance… */
    UNMODELED,
    /** No route matches. */
    NONE,
    /** The snapshot does not allow a decision. */
    UNKNOWN
  }

  private final Kind kind;
  private final String subnetId;
  private final String destination;
  private final EffectiveRouteTable routeTable;
  private final RouteMatch route;
  private final NatHealth nat;
  private final String detail;
  private final NatForwarding forwarding;

  EgressPath(Kind kind, String subnetId, String destination, EffectiveRouteTable routeTable, RouteMatch route,
      NatHealth nat, String detail) {
    this(kind, subnetId, destination, routeTable, route, nat, detail, null);
  }

  EgressPath(Kind kind, String subnetId, String destination, EffectiveRouteTable routeTable, RouteMatch route,
      NatHealth nat, String detail, NatForwarding forwarding) {
    this.forwarding = forwarding;
    this.kind = Objects.requireNonNull(kind);
    this.subnetId = Objects.requireNonNull(subnetId);
    this.destination = Objects.requireNonNull(destination);
    this.routeTable = Objects.requireNonNull(routeTable);
    this.route = route;
    this.nat = nat;
    this.detail = Objects.requireNonNull(detail);
  }

  public Kind kind() {
    return kind;
  }

  public String subnetId() {
    return subnetId;
  }

  /** {@code the internet} or the address asked for. */
  public String destination() {
    return destination;
  }

  public EffectiveRouteTable routeTable() {
    return routeTable;
  }

  /** The route table's id, {@code ""} when unknown. */
  public String routeTableId() {
    return routeTable.routeTableId();
  }

  /** The matching route, when one matches. */
  public Optional<RouteMatch> route() {
    return Optional.ofNullable(route);
  }

  /** The route's target id, when one matches. */
  public Optional<String> target() {
    return route().map(RouteMatch::targetId);
  }

  /** NAT health when the route leads to a NAT gateway. */
  public Optional<NatHealth> nat() {
    return Optional.ofNullable(nat);
  }

  public Optional<String> natGatewayId() {
    return nat().map(NatHealth::natGatewayId);
  }

  /** How the NAT gateway's subnet ACL treats the traffic asked about, when that was checked. */
  public Optional<NatForwarding> natForwarding() {
    return Optional.ofNullable(forwarding);
  }

  /** The NAT's public IPs on a working NAT path. */
  public List<String> publicIps() {
    return kind == Kind.NAT ? nat.publicIps() : List.of();
  }

  /** One sentence on what was found or why it is unknown. */
  public String detail() {
    return detail;
  }

  /** True when the destination is reachable as far as routing goes (NAT, local, gateway endpoint). */
  public boolean isWorking() {
    return kind == Kind.NAT || kind == Kind.LOCAL || kind == Kind.GATEWAY_ENDPOINT;
  }

  @Override
  public String toString() {
    return kind + "[" + subnetId + " -> " + destination + " via " + routeTable.routeTableId() + "]: " + detail;
  }
}
