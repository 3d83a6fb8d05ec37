package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A route table with its associations and routes ({@code DescribeRouteTables}). */
@Value.Immutable
abstract class AbstractRouteTable {
  /** {@return {@code RouteTableId}, for example {@code rtb-0123456789abcdef0}} */
  public abstract String routeTableId();

  /** {@return {@code VpcId}} */
  public abstract String vpcId();

  /** {@return {@code Associations}: the main marker, the subnets and the edge gateways it governs} */
  public abstract List<RouteTableAssociation> associations();

  /** {@return {@code Routes}, in capture order} */
  public abstract List<Route> routes();

  /** {@return {@code OwnerId}: the account that owns it; empty when not captured} */
  public abstract Optional<String> ownerId();

  /** {@return {@code Tags}; empty when it has none} */
  public abstract List<Tag> tags();

  /** {@return true when this is the VPC's main route table} */
  public boolean isMain() {
    return associations().stream().anyMatch(RouteTableAssociation::main);
  }
}
