package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A route table with its associations and routes ({@code DescribeRouteTables}). */
@Value.Immutable
abstract class AbstractRouteTable {
  /** {@return the route table id} */
  public abstract String routeTableId();

  /** {@return the VPC id} */
  public abstract String vpcId();

  /** {@return the associations} */
  public abstract List<RouteTableAssociation> associations();

  /** {@return the routes} */
  public abstract List<Route> routes();

  /** {@return the owner id, or empty} */
  public abstract Optional<String> ownerId();

  /** {@return the tags} */
  public abstract List<Tag> tags();

  /** {@return true when this is the VPC's main route table} */
  public boolean isMain() {
    return associations().stream().anyMatch(RouteTableAssociation::main);
  }
}
