package dev.vpctrain.core.internal.reach;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one subnet's route table decides for a destination: the deciding route, NAT health and the
 * NAT subnet's ACL verdict when the route leads to a NAT gateway, and one sentence on it. The part
 * {@link EgressPath} and {@link S3Path} share; each adds its own kind of path.
 */
abstract class RoutedPath {
  private final String subnetId;
  private final EffectiveRouteTable routeTable;
  private final RouteMatch route;
  private final NatHealth nat;
  private final String detail;
  private final NatForwarding forwarding;

  RoutedPath(String subnetId, EffectiveRouteTable routeTable, RouteMatch route, NatHealth nat, String detail,
      NatForwarding forwarding) {
    this.subnetId = Objects.requireNonNull(subnetId);
    this.routeTable = Objects.requireNonNull(routeTable);
    this.route = route;
    this.nat = nat;
    this.detail = Objects.requireNonNull(detail);
    this.forwarding = forwarding;
  }

  /** True when the path is a working NAT gateway (its public IPs are the source addresses outside). */
  abstract boolean isWorkingNat();

  public final String subnetId() {
    return subnetId;
  }

  /** The subnet's route table (possibly unknown). */
  public final EffectiveRouteTable routeTable() {
    return routeTable;
  }

  /** The route table's id, {@code ""} when unknown. */
  public final String routeTableId() {
    return routeTable.routeTableId();
  }

  /** The deciding route, when one matches. */
  public final Optional<RouteMatch> route() {
    return Optional.ofNullable(route);
  }

  /** The route's target id ({@code igw-…}, {@code nat-…}, {@code tgw-…}, {@code vpce-…}), when a route decides. */
  public final Optional<String> target() {
    return route().map(RouteMatch::targetId);
  }

  /** NAT health when the route leads to a NAT gateway. */
  public final Optional<NatHealth> nat() {
    return Optional.ofNullable(nat);
  }

  /** The NAT gateway id when the route leads to one. */
  public final Optional<String> natGatewayId() {
    return nat().map(NatHealth::natGatewayId);
  }

  /** How the NAT gateway's subnet ACL treats the traffic asked about, when that was checked. */
  public final Optional<NatForwarding> natForwarding() {
    return Optional.ofNullable(forwarding);
  }

  /** The NAT's public IPs on a working NAT path (what S3 sees as {@code aws:SourceIp}); empty otherwise. */
  public final List<String> publicIps() {
    return isWorkingNat() ? nat.publicIps() : List.of();
  }

  /** One sentence on what was found (or why it is unknown). */
  public final String detail() {
    return detail;
  }
}
