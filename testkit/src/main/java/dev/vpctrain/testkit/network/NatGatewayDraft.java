package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.NatGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A NAT gateway being built: {@code available} and {@code public} unless told otherwise. */
public final class NatGatewayDraft {
  final String id;
  final boolean fresh;
  private Optional<String> subnetId = Optional.empty();
  private Optional<String> vpcId = Optional.empty();
  private Optional<String> state = Optional.of("available");
  private Optional<String> connectivity = Optional.of("public");
  private final List<String> publicIps = new ArrayList<>();
  private final List<String> privateIps = new ArrayList<>();
  private final Tags tags;

  NatGatewayDraft(String id) {
    this.id = id;
    this.fresh = true;
    this.tags = new Tags(List.of());
  }

  NatGatewayDraft(NatGateway n) {
    this.id = n.natGatewayId();
    this.fresh = false;
    this.subnetId = n.subnetId();
    this.vpcId = n.vpcId();
    this.state = n.state();
    this.connectivity = n.connectivityType();
    this.publicIps.addAll(n.publicIps());
    this.privateIps.addAll(n.privateIps());
    this.tags = new Tags(n.tags());
  }

  /**
   * The (public) subnet it sits in; its VPC follows.
   *
   * @param subnetId the subnet id
   * @return this draft
   */
  public NatGatewayDraft subnet(String subnetId) {
    this.subnetId = Optional.of(subnetId);
    return this;
  }

  /**
   * {@code pending}, {@code available}, {@code deleting}, {@code deleted}, {@code failed}.
   *
   * @param state the state
   * @return this draft
   */
  public NatGatewayDraft state(String state) {
    this.state = Optional.of(state);
    return this;
  }

  /**
   * A private NAT gateway (no internet access).
   *
   * @return this draft
   */
  public NatGatewayDraft privateConnectivity() {
    this.connectivity = Optional.of("private");
    return this;
  }

  /**
   * Sets the public IP address.
   *
   * @param ip the IP
   * @return this draft
   */
  public NatGatewayDraft publicIp(String ip) {
    publicIps.add(ip);
    return this;
  }

  /**
   * Sets the private IP address.
   *
   * @param ip the IP
   * @return this draft
   */
  public NatGatewayDraft privateIp(String ip) {
    privateIps.add(ip);
    return this;
  }

  /**
   * Adds a tag.
   *
   * @param key the tag key
   * @param value the tag value
   * @return this draft
   */
  public NatGatewayDraft tag(String key, String value) {
    tags.put(key, value);
    return this;
  }

  Optional<String> subnetId() {
    return subnetId;
  }

  NatGateway build(Optional<String> vpcOfSubnet) {
    return NatGateway.builder()
        .natGatewayId(id)
        .subnetId(subnetId)
        .vpcId(vpcId.isPresent() && !fresh ? vpcId : vpcOfSubnet.or(() -> vpcId))
        .state(state)
        .connectivityType(connectivity)
        .publicIps(fresh && publicIps.isEmpty() && connectivity.map("public"::equals).orElse(true)
            ? List.of("203.0.113.10") : publicIps)
        .privateIps(privateIps)
        .tags(tags.list())
        .build();
  }
}
