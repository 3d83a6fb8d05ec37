package dev.vpctrain.core.network;

import java.util.Optional;
import org.immutables.value.Value;

/** One association of a route table: the main marker, or a subnet, or an edge gateway. */
@Value.Immutable
abstract class AbstractRouteTableAssociation {
  /** {@return true for the VPC's main route table association} */
  @Value.Default
  public boolean main() {
    return false;
  }

  /** {@return {@code RouteTableAssociationId}; empty when not captured} */
  public abstract Optional<String> routeTableAssociationId();

  /** {@return {@code SubnetId} for a subnet association; empty otherwise} */
  public abstract Optional<String> subnetId();

  /** {@return {@code GatewayId} for an edge association (an internet or virtual private gateway); empty otherwise} */
  public abstract Optional<String> gatewayId();

  /** {@return lower-case association state, usually {@code associated}} */
  public abstract Optional<String> state();
}
