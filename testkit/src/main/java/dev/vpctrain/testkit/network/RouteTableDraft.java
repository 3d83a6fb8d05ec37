package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTableAssociation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A route table being built. A new table gets the VPC's {@code local} route first. Route targets
 * are recognized by their prefix: {@code igw-}, {@code nat-}, {@code vpce-}, {@code tgw-},
 * {@code pcx-}, {@code eni-}, {@code i-}, {@code vgw-}, {@code eigw-}.
 */
public final class RouteTableDraft {
  final String id;
  final boolean fresh;
  private Optional<String> vpcId = Optional.empty();
  private Optional<String> owner = Optional.empty();
  private final List<RouteTableAssociation> associations = new ArrayList<>();
  private final List<Route> routes = new ArrayList<>();
  private final List<String[]> pendingAssociations = new ArrayList<>();
  private final Tags tags;

  RouteTableDraft(String id) {
    this.id = id;
    this.fresh = true;
    this.tags = new Tags(List.of());
  }

  RouteTableDraft(RouteTable t) {
    this.id = t.routeTableId();
    this.fresh = false;
    this.vpcId = Optional.of(t.vpcId());
    this.owner = t.ownerId();
    this.associations.addAll(t.associations());
    this.routes.addAll(t.routes());
    this.tags = new Tags(t.tags());
  }

  /**
   * Moves the route table to another VPC.
   *
   * @param vpcId the VPC id
   * @return this draft
   */
  public RouteTableDraft vpc(String vpcId) {
    this.vpcId = Optional.of(vpcId);
    return this;
  }

  /**
   * Makes this the VPC's main route table.
   *
   * @return this draft
   */
  public RouteTableDraft main() {
    return main(null);
  }

  /**
   * Makes this the main route table, with the given association id.
   *
   * @param associationId the association id
   * @return this draft
   */
  public RouteTableDraft main(String associationId) {
    if (!isMain()) {
      pendingAssociations.add(new String[] {null, associationId});
    }
    return this;
  }

  /**
   * Associates subnets (they stop using the main table).
   *
   * @param subnetIds the subnet ids
   * @return this draft
   */
  public RouteTableDraft associate(String... subnetIds) {
    for (String s : subnetIds) {
      associate(s, null);
    }
    return this;
  }

  /**
   * Associates one subnet with the given association id.
   *
   * @param subnetId the subnet id
   * @param associationId the association id
   * @return this draft
   */
  public RouteTableDraft associate(String subnetId, String associationId) {
    pendingAssociations.add(new String[] {subnetId, associationId});
    return this;
  }

  /**
   * Removes the association of {@code subnetId} (it falls back to the main table).
   *
   * @param subnetId the subnet id
   * @return this draft
   */
  public RouteTableDraft disassociate(String subnetId) {
    associations.removeIf(a -> a.subnetId().map(subnetId::equals).orElse(false));
    pendingAssociations.removeIf(p -> subnetId.equals(p[0]));
    return this;
  }

  /**
   * Adds an active route. {@code destination} is an IPv4 or IPv6 CIDR or a prefix list id
   * ({@code pl-…}); {@code target} a gateway, NAT gateway, endpoint or other target id.
   *
   * @param destination the destination
   * @param target the target
   * @return this draft
   */
  public RouteTableDraft route(String destination, String target) {
    routes.add(route(destination, target, "active"));
    return this;
  }

  /**
   * Adds a route whose target is gone ({@code blackhole}).
   *
   * @param destination the destination
   * @param target the target
   * @return this draft
   */
  public RouteTableDraft blackholeRoute(String destination, String target) {
    routes.add(route(destination, target, "blackhole"));
    return this;
  }

  /**
   * Adds a route as the EC2 model has it.
   *
   * @param route the route
   * @return this draft
   */
  public RouteTableDraft route(Route route) {
    routes.add(route);
    return this;
  }

  /**
   * Removes the routes to {@code destination}.
   *
   * @param destination the destination
   * @return this draft
   */
  public RouteTableDraft removeRoute(String destination) {
    routes.removeIf(r -> destinationOf(r).equals(destination));
    return this;
  }

  /**
   * Sets the owning account.
   *
   * @param accountId the AWS account id
   * @return this draft
   */
  public RouteTableDraft owner(String accountId) {
    this.owner = Optional.of(accountId);
    return this;
  }

  /**
   * Adds a tag.
   *
   * @param key the tag key
   * @param value the tag value
   * @return this draft
   */
  public RouteTableDraft tag(String key, String value) {
    tags.put(key, value);
    return this;
  }

  boolean isMain() {
    return associations.stream().anyMatch(RouteTableAssociation::main)
        || pendingAssociations.stream().anyMatch(p -> p[0] == null);
  }

  boolean associates(String subnetId) {
    return associations.stream().anyMatch(a -> a.subnetId().map(subnetId::equals).orElse(false))
        || pendingAssociations.stream().anyMatch(p -> subnetId.equals(p[0]));
  }

  List<String> associatedSubnets() {
    List<String> out = new ArrayList<>();
    associations.forEach(a -> a.subnetId().ifPresent(out::add));
    pendingAssociations.forEach(p -> {
      if (p[0] != null) {
        out.add(p[0]);
      }
    });
    return out;
  }

  boolean hasRouteTo(String destination) {
    return routes.stream().anyMatch(r -> destinationOf(r).equals(destination));
  }

  /** Turns routes to {@code targetId} into blackholes (their target was deleted). */
  void blackhole(String targetId) {
    routes.replaceAll(r -> r.targetId().equals(targetId) ? r.withState("blackhole") : r);
  }

  /** Removes routes to {@code targetId} (a deleted gateway endpoint takes its routes along). */
  void removeRoutesTo(String targetId) {
    routes.removeIf(r -> r.targetId().equals(targetId));
  }

  void addEndpointRoute(String prefixListId, String endpointId) {
    if (!hasRouteTo(prefixListId)) {
      routes.add(route(prefixListId, endpointId, "active"));
    }
  }

  Optional<String> vpcId() {
    return vpcId;
  }

  RouteTable build(String vpc, List<String> vpcCidrs, String defaultOwner, Supplier<String> newAssociationId) {
    List<Route> all = new ArrayList<>();
    if (fresh) {
      for (String cidr : vpcCidrs) {
        if (!hasRouteTo(cidr)) {
          all.add(Route.builder().destinationCidrBlock(cidr).gatewayId("local").state("active")
              .origin("CreateRouteTable").build());
        }
      }
    }
    all.addAll(routes);
    for (String[] p : pendingAssociations) {
      RouteTableAssociation.Builder a = RouteTableAssociation.builder()
          .main(p[0] == null)
          .routeTableAssociationId(p[1] != null ? p[1] : newAssociationId.get())
          .state("associated");
      if (p[0] != null) {
        a.subnetId(p[0]);
      }
      associations.add(a.build());
    }
    pendingAssociations.clear();
    return RouteTable.builder()
        .routeTableId(id)
        .vpcId(vpc)
        .associations(associations)
        .routes(all)
        .ownerId(fresh && owner.isEmpty() ? Optional.of(defaultOwner) : owner)
        .tags(tags.list())
        .build();
  }

  static String destinationOf(Route r) {
    return r.destinationCidrBlock().or(r::destinationIpv6CidrBlock).or(r::destinationPrefixListId).orElse("");
  }

  static Route route(String destination, String target, String state) {
    Route.Builder b = Route.builder().state(state).origin("CreateRoute");
    if (destination.startsWith("pl-")) {
      b.destinationPrefixListId(destination);
    } else if (destination.contains(":")) {
      b.destinationIpv6CidrBlock(destination);
    } else if (destination.contains("/")) {
      b.destinationCidrBlock(destination);
    } else {
      throw new IllegalArgumentException(
          "expected a route destination such as 0.0.0.0/0, ::/0 or pl-… but was '" + destination + "'");
    }
    if (target.startsWith("nat-")) {
      b.natGatewayId(target);
    } else if (target.startsWith("tgw-")) {
      b.transitGatewayId(target);
    } else if (target.startsWith("pcx-")) {
      b.vpcPeeringConnectionId(target);
    } else if (target.startsWith("eni-")) {
      b.networkInterfaceId(target);
    } else if (target.startsWith("i-")) {
      b.instanceId(target);
    } else if (target.startsWith("eigw-")) {
      b.egressOnlyInternetGatewayId(target);
    } else {
      b.gatewayId(target);
    }
    return b.build();
  }
}
