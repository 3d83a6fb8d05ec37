package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.Subnet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An EFS mount target being built: the file system's address in one subnet. Defaults: state
 * {@code available}, the next free address of the subnet, a network interface of type {@code efs}
 * (managed by EFS) holding the address and the mount target's security groups, as EFS creates it.
 */
public final class EfsMountTargetDraft {
  final String id;
  final String fileSystemId;
  final boolean fresh;
  private Optional<String> subnetId = Optional.empty();
  private Optional<String> vpcId = Optional.empty();
  private Optional<String> az = Optional.empty();
  private Optional<String> azId = Optional.empty();
  private Optional<String> state = Optional.of("available");
  private Optional<String> ip = Optional.empty();
  private Optional<String> eni = Optional.empty();
  private Optional<String> owner = Optional.empty();
  /** Its security groups ({@code DescribeMountTargetSecurityGroups}); empty when unknown. */
  private Optional<List<String>> groups = Optional.empty();
  /** True once changed through this draft: its network interface follows the change. */
  boolean touched;

  EfsMountTargetDraft(String id, String fileSystemId) {
    this.id = id;
    this.fileSystemId = fileSystemId;
    this.fresh = true;
    this.groups = Optional.of(new ArrayList<>());
  }

  EfsMountTargetDraft(EfsMountTarget m, Optional<List<String>> groups) {
    this.id = m.mountTargetId();
    this.fileSystemId = m.fileSystemId();
    this.fresh = false;
    this.subnetId = m.subnetId();
    this.vpcId = m.vpcId();
    this.az = m.availabilityZoneName();
    this.azId = m.availabilityZoneId();
    this.state = m.lifeCycleState();
    this.ip = m.ipAddress();
    this.eni = m.networkInterfaceId();
    this.owner = m.ownerId();
    this.groups = groups.map(ArrayList::new);
  }

  /**
   * The subnet it sits in (one mount target per Availability Zone); VPC and zone follow.
   *
   * @param subnetId the subnet id
   * @return this draft
   */
  public EfsMountTargetDraft subnet(String subnetId) {
    this.subnetId = Optional.of(subnetId);
    this.touched = true;
    return this;
  }

  /**
   * Its IPv4 address (default: the next free one of the subnet).
   *
   * @param address the IP address
   * @return this draft
   */
  public EfsMountTargetDraft ipAddress(String address) {
    this.ip = Optional.of(address);
    this.touched = true;
    return this;
  }

  /**
   * The id of its network interface (default: a new {@code eni-…}).
   *
   * @param networkInterfaceId the network interface id
   * @return this draft
   */
  public EfsMountTargetDraft networkInterface(String networkInterfaceId) {
    this.eni = Optional.of(networkInterfaceId);
    this.touched = true;
    return this;
  }

  /**
   * Replaces its security groups (up to five; EFS requires at least one).
   *
   * @param groupIds the group ids
   * @return this draft
   */
  public EfsMountTargetDraft securityGroups(String... groupIds) {
    this.groups = Optional.of(new ArrayList<>(Arrays.asList(groupIds)));
    this.touched = true;
    return this;
  }

  /**
   * {@code available} (default), {@code creating}, {@code deleting}, {@code error}, …
   *
   * @param lifeCycleState the life cycle state
   * @return this draft
   */
  public EfsMountTargetDraft state(String lifeCycleState) {
    this.state = Optional.of(lifeCycleState);
    this.touched = true;
    return this;
  }

  /** This mount target with its security groups unknown (not captured). */
  EfsMountTargetDraft withoutGroups() {
    groups = Optional.empty();
    return this;
  }

  Optional<String> subnetId() {
    return subnetId;
  }

  Optional<String> networkInterfaceId() {
    return eni;
  }

  Optional<String> ipAddress() {
    return ip;
  }

  Optional<List<String>> groups() {
    return groups.map(List::copyOf);
  }

  /** Fills in what a new mount target gets: its address and network interface id. */
  void complete(java.util.function.Supplier<String> nextFreeIp, java.util.function.Supplier<String> newEniId) {
    if (fresh && ip.isEmpty()) {
      ip = Optional.of(nextFreeIp.get());
    }
    if (fresh && eni.isEmpty()) {
      eni = Optional.of(newEniId.get());
    }
  }

  EfsMountTarget build(Optional<Subnet> subnet, String defaultOwner) {
    if (fresh && subnetId.isEmpty()) {
      throw new IllegalArgumentException("EFS mount target " + id + " needs its subnet: call subnet(\"subnet-…\") on it");
    }
    return EfsMountTarget.builder()
        .mountTargetId(id)
        .fileSystemId(fileSystemId)
        .subnetId(subnetId)
        .vpcId(fresh && subnet.isPresent() ? Optional.of(subnet.get().vpcId()) : vpcId)
        .availabilityZoneName(fresh && subnet.isPresent() ? subnet.get().availabilityZone() : az)
        .availabilityZoneId(fresh && subnet.isPresent() ? subnet.get().availabilityZoneId() : azId)
        .lifeCycleState(state)
        .ipAddress(ip)
        .networkInterfaceId(eni)
        .ownerId(fresh && owner.isEmpty() ? Optional.of(defaultOwner) : owner)
        .build();
  }
}
