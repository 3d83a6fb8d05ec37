package dev.vpctrain.core.network;

import java.util.Optional;
import org.immutables.value.Value;

/** One association of a route table: the main marker, or a subnet, or an edge gateway. */
@Value.Immutable
abstract class AbstractRouteTableAssociation {
  @Value.Default
  public boolean main() {
    return false;
  }

  public abstract Optional<String> routeTableAssociationId();

  public abstract Optional<String> subnetId();

  public abstract Optional<String> gatewayId();

  /** Lower-case association state, usually {@code associated}. */
  public abstract Optional<String> state();
}
