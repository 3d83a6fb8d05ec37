package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.RouteTargetKind;
import org.immutables.value.Value;

/**
 * A route target the snapshot cannot see beyond: a hop that leaves the VPC (peering connection,
 * transit gateway, virtual private gateway, core network) or an appliance inside it (NAT gateway,
 * network interface, Gateway Load Balancer endpoint). Rules name it ("UNVERIFIED via pcx-…") so
 * users can accept it by id.
 */
@Value.Immutable
abstract class AbstractRouteHop {
  /** The route target's kind. */
  @Value.Parameter
  public abstract RouteTargetKind kind();

  /** For messages: {@code VPC peering connection}, {@code Gateway Load Balancer endpoint}, {@code core network}. */
  @Value.Parameter
  public abstract String name();

  /** The target's id ({@code pcx-…}, {@code tgw-…}, {@code vpce-…}, a core network ARN). */
  @Value.Parameter
  public abstract String id();

  /** True for a hop out of the VPC, false for an appliance inside it. */
  @Value.Parameter
  public abstract boolean leavesVpc();

  /** {@code VPC peering connection pcx-…}. */
  public String describe() {
    return name() + " " + id();
  }

  @Override
  public String toString() {
    return describe();
  }
}
