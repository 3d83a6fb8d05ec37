package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.SecurityGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A security group being built. Like a new group in EC2 it starts with no inbound rule and one
 * outbound rule allowing everything to {@code 0.0.0.0/0}; {@link #clearEgress()} removes it.
 */
public final class SecurityGroupDraft {
  final String id;
  final boolean fresh;
  private Optional<String> vpcId = Optional.empty();
  private Optional<String> name = Optional.empty();
  private Optional<String> description = Optional.empty();
  private Optional<String> owner = Optional.empty();
  private final List<Permission> ingress = new ArrayList<>();
  private final List<Permission> egress = new ArrayList<>();
  private final Tags tags;

  SecurityGroupDraft(String id) {
    this.id = id;
    this.fresh = true;
    this.tags = new Tags(List.of());
    egress.add(Permissions.all("0.0.0.0/0"));
  }

  SecurityGroupDraft(SecurityGroup g) {
    this.id = g.groupId();
    this.fresh = false;
    this.vpcId = Optional.of(g.vpcId());
    this.name = g.groupName();
    this.description = g.description();
    this.owner = g.ownerId();
    this.ingress.addAll(g.ingress());
    this.egress.addAll(g.egress());
    this.tags = new Tags(g.tags());
  }

  /**
   * Moves the group to another VPC.
   *
   * @param vpcId the VPC id
   * @return this draft
   */
  public SecurityGroupDraft vpc(String vpcId) {
    this.vpcId = Optional.of(vpcId);
    return this;
  }

  /**
   * Sets the group name.
   *
   * @param groupName the group name
   * @return this draft
   */
  public SecurityGroupDraft name(String groupName) {
    this.name = Optional.of(groupName);
    return this;
  }

  /**
   * Sets the description.
   *
   * @param description the description
   * @return this draft
   */
  public SecurityGroupDraft description(String description) {
    this.description = Optional.of(description);
    return this;
  }

  /**
   * Sets the owning account.
   *
   * @param accountId the AWS account id
   * @return this draft
   */
  public SecurityGroupDraft owner(String accountId) {
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
  public SecurityGroupDraft tag(String key, String value) {
    tags.put(key, value);
    return this;
  }

  /**
   * Adds an inbound permission.
   *
   * @param permission the permission
   * @return this draft
   */
  public SecurityGroupDraft ingress(Permission permission) {
    ingress.add(permission);
    return this;
  }

  /**
   * Adds an outbound permission.
   *
   * @param permission the permission
   * @return this draft
   */
  public SecurityGroupDraft egress(Permission permission) {
    egress.add(permission);
    return this;
  }

  /**
   * All traffic from members of this group (the self-reference distributed training needs).
   *
   * @return this draft
   */
  public SecurityGroupDraft selfIngress() {
    return ingress(Permissions.all(id));
  }

  /**
   * All traffic to members of this group.
   *
   * @return this draft
   */
  public SecurityGroupDraft selfEgress() {
    return egress(Permissions.all(id));
  }

  /**
   * All traffic from {@code peer} (CIDR, {@code pl-…} or {@code sg-…}).
   *
   * @param peer the peer
   * @return this draft
   */
  public SecurityGroupDraft ingressAll(String peer) {
    return ingress(Permissions.all(peer));
  }

  /**
   * All traffic to {@code peer}.
   *
   * @param peer the peer
   * @return this draft
   */
  public SecurityGroupDraft egressAll(String peer) {
    return egress(Permissions.all(peer));
  }

  /**
   * Admits one TCP port from a peer.
   *
   * @param port the port
   * @param peer the peer
   * @return this draft
   */
  public SecurityGroupDraft ingressTcp(int port, String peer) {
    return ingress(Permissions.tcp(port, peer));
  }

  /**
   * Admits a TCP port range from a peer.
   *
   * @param fromPort the from port
   * @param toPort the to port
   * @param peer the peer
   * @return this draft
   */
  public SecurityGroupDraft ingressTcp(int fromPort, int toPort, String peer) {
    return ingress(Permissions.tcp(fromPort, toPort, peer));
  }

  /**
   * Allows one TCP port out to a peer.
   *
   * @param port the port
   * @param peer the peer
   * @return this draft
   */
  public SecurityGroupDraft egressTcp(int port, String peer) {
    return egress(Permissions.tcp(port, peer));
  }

  /**
   * Allows a TCP port range out to a peer.
   *
   * @param fromPort the from port
   * @param toPort the to port
   * @param peer the peer
   * @return this draft
   */
  public SecurityGroupDraft egressTcp(int fromPort, int toPort, String peer) {
    return egress(Permissions.tcp(fromPort, toPort, peer));
  }

  /**
   * Removes every inbound permission.
   *
   * @return this draft
   */
  public SecurityGroupDraft clearIngress() {
    ingress.clear();
    return this;
  }

  /**
   * Removes every outbound permission (including the default allow-all).
   *
   * @return this draft
   */
  public SecurityGroupDraft clearEgress() {
    egress.clear();
    return this;
  }

  Optional<String> vpcId() {
    return vpcId;
  }

  SecurityGroup build(String vpc, String defaultOwner) {
    return SecurityGroup.builder()
        .groupId(id)
        .vpcId(vpc)
        .groupName(fresh && name.isEmpty() ? Optional.of(id) : name)
        .description(fresh && description.isEmpty() ? Optional.of("Security group " + id) : description)
        .ownerId(fresh && owner.isEmpty() ? Optional.of(defaultOwner) : owner)
        .ingress(ingress)
        .egress(egress)
        .tags(tags.list())
        .build();
  }
}
