package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A route table with its associations and routes ({@code DescribeRouteTables}). */
@Value.Immutable
abstract class AbstractRouteTable {
  public abstract String routeTableId();

  public abstract String vpcId();

  public abstract List<RouteTableAssociation> associations();

  public abstract List<Route> routes();

  public abstract Optional<String> ownerId();

  public abstract List<Tag> tags();

  /** True when this is the VPC's main route table. */
  public boolean isMain() {
    return associations().stream().anyMatch(RouteTableAssociation::main);
  }
}
