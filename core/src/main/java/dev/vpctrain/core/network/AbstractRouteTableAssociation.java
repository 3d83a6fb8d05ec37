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

  /** {@return the route table association id, or empty} */
  public abstract Optional<String> routeTableAssociationId();

  /** {@return the subnet id, or empty} */
  public abstract Optional<String> subnetId();

  /** {@return the gateway id, or empty} */
  public abstract Optional<String> gatewayId();

  /** {@return lower-case association state, usually {@code associated}} */
  public abstract Optional<String> state();
}
