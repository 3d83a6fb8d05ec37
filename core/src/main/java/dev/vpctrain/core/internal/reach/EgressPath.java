package dev.vpctrain.core.internal.reach;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a subnet's traffic to a destination goes: for "the internet" its default route, or for one
 * address the longest-prefix match, with NAT health when the route leads to a NAT gateway.
 */
public final class EgressPath extends RoutedPath {
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
  private final String destination;

  EgressPath(Kind kind, String subnetId, String destination, EffectiveRouteTable routeTable, RouteMatch route,
      NatHealth nat, String detail) {
    this(kind, subnetId, destination, routeTable, route, nat, detail, null);
  }

  EgressPath(Kind kind, String subnetId, String destination, EffectiveRouteTable routeTable, RouteMatch route,
      NatHealth nat, String detail, NatForwarding forwarding) {
    super(subnetId, routeTable, route, nat, detail, forwarding);
    this.kind = Objects.requireNonNull(kind);
    this.destination = Objects.requireNonNull(destination);
  }

  @Override
  boolean isWorkingNat() {
    return kind == Kind.NAT;
  }

  public Kind kind() {
    return kind;
  }

  /** {@code the internet} or the address asked for. */
  public String destination() {
    return destination;
  }

  /** True when the destination is reachable as far as routing goes (NAT, local, gateway endpoint). */
  public boolean isWorking() {
    return kind == Kind.NAT || kind == Kind.LOCAL || kind == Kind.GATEWAY_ENDPOINT;
  }

  @Override
  public String toString() {
    return kind + "[" + subnetId() + " -> " + destination + " via " + routeTableId() + "]: " + detail();
  }
}
