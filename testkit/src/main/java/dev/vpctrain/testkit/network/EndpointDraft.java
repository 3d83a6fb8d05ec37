package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.VpcEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A VPC endpoint being built. A new endpoint is {@code available} with the default full-access
 * policy EC2 gives it. A gateway endpoint adds its prefix-list route to each of its route tables.
 */
public final class EndpointDraft {
  /** The policy EC2 gives an endpoint created without one. */
  public static final String FULL_ACCESS_POLICY =
      "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  final String id;
  final boolean fresh;
  final EndpointType type;
  final String serviceName;
  private Optional<String> vpcId = Optional.empty();
  private Optional<String> state = Optional.of("available");
  private Optional<String> policy = Optional.empty();
  private boolean policySet;
  private final List<String> routeTables = new ArrayList<>();
  private final List<String> subnets = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();
  private final List<String> networkInterfaces = new ArrayList<>();
  private boolean privateDns;
  private Optional<String> owner = Optional.empty();
  private final Tags tags;

  EndpointDraft(String id, EndpointType type, String serviceName) {
    this.id = id;
    this.fresh = true;
    this.type = type;
    this.serviceName = serviceName;
    this.privateDns = type == EndpointType.INTERFACE;
    this.tags = new Tags(List.of());
  }

  EndpointDraft(VpcEndpoint e) {
    this.id = e.vpcEndpointId();
    this.fresh = false;
    this.type = e.type();
    this.serviceName = e.serviceName();
    this.vpcId = Optional.of(e.vpcId());
    this.state = e.state();
    this.policy = e.policyDocument();
    this.policySet = true;
    this.routeTables.addAll(e.routeTableIds());
    this.subnets.addAll(e.subnetIds());
    this.groups.addAll(e.groupIds());
    this.networkInterfaces.addAll(e.networkInterfaceIds());
    this.privateDns = e.privateDnsEnabled();
    this.owner = e.ownerId();
    this.tags = new Tags(e.tags());
  }

  /**
   * Moves the endpoint to another VPC.
   *
   * @param vpcId the VPC id
   * @return this draft
   */
  public EndpointDraft vpc(String vpcId) {
    this.vpcId = Optional.of(vpcId);
    return this;
  }

  /**
   * {@code available}, {@code pending}, {@code deleting}, {@code failed}…
   *
   * @param state the state
   * @return this draft
   */
  public EndpointDraft state(String state) {
    this.state = Optional.of(state);
    return this;
  }

  /**
   * The endpoint policy JSON.
   *
   * @param policyJson the policy document (JSON)
   * @return this draft
   */
  public EndpointDraft policy(String policyJson) {
    this.policy = Optional.of(policyJson);
    this.policySet = true;
    return this;
  }

  /**
   * Gateway endpoints: the route tables that get its route (added to those already there).
   *
   * @param routeTableIds the route table ids
   * @return this draft
   */
  public EndpointDraft routeTables(String... routeTableIds) {
    for (String r : routeTableIds) {
      if (!routeTables.contains(r)) {
        routeTables.add(r);
      }
    }
    return this;
  }

  /**
   * Gateway endpoints: stop routing {@code routeTableId} through it.
   *
   * @param routeTableId the route table id
   * @return this draft
   */
  public EndpointDraft removeRouteTable(String routeTableId) {
    routeTables.remove(routeTableId);
    return this;
  }

  /**
   * Interface endpoints: the subnets it has a network interface in.
   *
   * @param subnetIds the subnet ids
   * @return this draft
   */
  public EndpointDraft subnets(String... subnetIds) {
    subnets.addAll(Arrays.asList(subnetIds));
    return this;
  }

  /**
   * Interface endpoints: its security groups.
   *
   * @param groupIds the group ids
   * @return this draft
   */
  public EndpointDraft securityGroups(String... groupIds) {
    groups.addAll(Arrays.asList(groupIds));
    return this;
  }

  /**
   * Interface endpoints: private DNS (on by default for new interface endpoints).
   *
   * @param enabled true to turn it on
   * @return this draft
   */
  public EndpointDraft privateDns(boolean enabled) {
    this.privateDns = enabled;
    return this;
  }

  /**
   * Sets the owning account.
   *
   * @param accountId the AWS account id
   * @return this draft
   */
  public EndpointDraft owner(String accountId) {
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
  public EndpointDraft tag(String key, String value) {
    tags.put(key, value);
    return this;
  }

  List<String> routeTableIds() {
    return routeTables;
  }

  Optional<String> vpcId() {
    return vpcId;
  }

  VpcEndpoint build(String vpc, String defaultOwner, Supplier<String> newInterfaceId) {
    if (fresh && type == EndpointType.INTERFACE && networkInterfaces.size() < subnets.size()) {
      while (networkInterfaces.size() < subnets.size()) {
        networkInterfaces.add(newInterfaceId.get());
      }
    }
    return VpcEndpoint.builder()
        .vpcEndpointId(id)
        .type(type)
        .vpcId(vpc)
        .serviceName(serviceName)
        .state(state)
        .policyDocument(fresh && !policySet ? Optional.of(FULL_ACCESS_POLICY) : policy)
        .routeTableIds(type == EndpointType.GATEWAY ? routeTables : List.of())
        .subnetIds(type == EndpointType.GATEWAY ? List.of() : subnets)
        .groupIds(type == EndpointType.GATEWAY ? List.of() : groups)
        .privateDnsEnabled(type != EndpointType.GATEWAY && privateDns)
        .networkInterfaceIds(networkInterfaces)
        .ownerId(fresh && owner.isEmpty() ? Optional.of(defaultOwner) : owner)
        .tags(tags.list())
        .build();
  }
}
