package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.Subnet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A network interface being built: what holds an address inside the VPC (a database, a mount
 * target, a file server). Defaults: type {@code interface}, status {@code in-use}, not requester
 * managed; VPC and Availability Zone follow its subnet; a new interface without an address gets
 * the next free one of the subnet (from {@code .100} up).
 */
public final class NetworkInterfaceDraft {
  final String id;
  final boolean fresh;
  private Optional<String> subnetId = Optional.empty();
  private Optional<String> vpcId = Optional.empty();
  private Optional<String> az = Optional.empty();
  private Optional<String> azId = Optional.empty();
  private Optional<String> owner = Optional.empty();
  private final List<String> addresses = new ArrayList<>();
  private final List<Cidr> prefixes = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();
  private Optional<String> type = Optional.of("interface");
  private Optional<String> status = Optional.of("in-use");
  private Optional<Boolean> requesterManaged = Optional.of(false);
  private Optional<String> description = Optional.empty();

  NetworkInterfaceDraft(String id) {
    this.id = id;
    this.fresh = true;
  }

  NetworkInterfaceDraft(NetworkInterface n) {
    this.id = n.networkInterfaceId();
    this.fresh = false;
    this.subnetId = Optional.of(n.subnetId());
    this.vpcId = Optional.of(n.vpcId());
    this.az = n.availabilityZone();
    this.azId = n.availabilityZoneId();
    this.owner = n.ownerId();
    this.addresses.addAll(n.privateIpAddresses());
    this.prefixes.addAll(n.ipv4Prefixes());
    this.groups.addAll(n.groupIds());
    this.type = n.interfaceType();
    this.status = n.status();
    this.requesterManaged = n.requesterManaged();
    this.description = n.description();
  }

  /**
   * Its subnet; VPC and Availability Zone follow.
   *
   * @param subnetId the subnet id
   * @return this draft
   */
  public NetworkInterfaceDraft subnet(String subnetId) {
    this.subnetId = Optional.of(subnetId);
    return this;
  }

  /**
   * Adds private IPv4 addresses; the first one of the interface is its primary address.
   *
   * @param privateIps the private IPs
   * @return this draft
   */
  public NetworkInterfaceDraft address(String... privateIps) {
    for (String ip : privateIps) {
      if (!Cidr.isIpv4Address(ip)) {
        throw new IllegalArgumentException("network interface " + id + ": expected an IPv4 address but was \"" + ip + "\"");
      }
      if (!addresses.contains(ip)) {
        addresses.add(ip);
      }
    }
    return this;
  }

  /**
   * Delegates an IPv4 prefix ({@code 10.20.3.16/28}): the interface holds each of its addresses.
   *
   * @param cidr the CIDR block
   * @return this draft
   */
  public NetworkInterfaceDraft prefix(String cidr) {
    prefixes.add(Cidr.parseIpv4(cidr));
    return this;
  }

  /**
   * Replaces its security groups.
   *
   * @param groupIds the group ids
   * @return this draft
   */
  public NetworkInterfaceDraft securityGroups(String... groupIds) {
    groups.clear();
    groups.addAll(Arrays.asList(groupIds));
    return this;
  }

  /**
   * {@code InterfaceType}: {@code interface} (default), {@code efs}, {@code natGateway}, … (any text is kept).
   *
   * @param interfaceType the interface type
   * @return this draft
   */
  public NetworkInterfaceDraft type(String interfaceType) {
    this.type = Optional.of(interfaceType);
    return this;
  }

  /**
   * {@code in-use} (default), {@code available}, …
   *
   * @param status the status
   * @return this draft
   */
  public NetworkInterfaceDraft status(String status) {
    this.status = Optional.of(status);
    return this;
  }

  /**
   * True when an AWS service manages it (an RDS instance's, a mount target's).
   *
   * @param managed the managed
   * @return this draft
   */
  public NetworkInterfaceDraft requesterManaged(boolean managed) {
    this.requesterManaged = Optional.of(managed);
    return this;
  }

  /**
   * Sets the description.
   *
   * @param description the description
   * @return this draft
   */
  public NetworkInterfaceDraft description(String description) {
    this.description = Optional.of(description);
    return this;
  }

  /**
   * Sets the owning account.
   *
   * @param accountId the AWS account id
   * @return this draft
   */
  public NetworkInterfaceDraft owner(String accountId) {
    this.owner = Optional.of(accountId);
    return this;
  }

  Optional<String> subnetId() {
    return subnetId;
  }

  List<String> addresses() {
    return addresses;
  }

  List<String> groups() {
    return groups;
  }

  /** The interface; {@code subnet} is its subnet when the network has it, {@code nextFree} gives a new one its address. */
  NetworkInterface build(Optional<Subnet> subnet, String defaultOwner, java.util.function.Supplier<String> nextFree) {
    String sid = subnetId.orElseThrow(() -> new IllegalArgumentException(
        "network interface " + id + " needs its subnet: call subnet(\"subnet-…\") on it"));
    if (fresh && addresses.isEmpty() && prefixes.isEmpty()) {
      addresses.add(nextFree.get());
    }
    String vpc = subnet.map(Subnet::vpcId).or(() -> vpcId).orElseThrow(() -> new IllegalArgumentException(
        "network interface " + id + " sits in subnet " + sid + ", which the network does not have"));
    return NetworkInterface.builder()
        .networkInterfaceId(id)
        .subnetId(sid)
        .vpcId(vpc)
        .availabilityZone(fresh && subnet.isPresent() ? subnet.get().availabilityZone() : az)
        .availabilityZoneId(fresh && subnet.isPresent() ? subnet.get().availabilityZoneId() : azId)
        .ownerId(fresh && owner.isEmpty() ? Optional.of(defaultOwner) : owner)
        .privateIpAddresses(addresses)
        .ipv4Prefixes(prefixes)
        .groupIds(groups)
        .interfaceType(type)
        .status(status)
        .requesterManaged(requesterManaged)
        .description(description)
        .build();
  }
}
