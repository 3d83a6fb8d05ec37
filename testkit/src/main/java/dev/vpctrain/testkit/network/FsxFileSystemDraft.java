package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.FsxFileSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An FSx for Lustre file system being built. Defaults: {@code PERSISTENT_2}, lifecycle
 * {@code AVAILABLE}, a mount name of 8 characters derived from the id ({@code fsx} for
 * {@code SCRATCH_1}, as FSx does), one network interface in its subnet. FSx does not list security
 * groups: they are those of its network interfaces, which {@link #securityGroups} sets.
 *
 * <pre>{@code
 * n.fsxLustre("fs-0a1b2c3d4e5f60901", fs -> fs.subnet("subnet-a").securityGroups("sg-lustre"));
 * }</pre>
 */
public final class FsxFileSystemDraft {
  final String id;
  final boolean fresh;
  private Optional<String> type = Optional.of("LUSTRE");
  private Optional<String> lifecycle = Optional.of("AVAILABLE");
  private Optional<String> vpcId = Optional.empty();
  private final List<String> subnets = new ArrayList<>();
  private final List<String> enis = new ArrayList<>();
  private Optional<String> dnsName = Optional.empty();
  private Optional<String> owner = Optional.empty();
  private Optional<String> failure = Optional.empty();
  private Optional<String> deployment = Optional.of("PERSISTENT_2");
  private Optional<String> mountName = Optional.empty();
  private Optional<Boolean> efa = Optional.empty();
  private Optional<Instant> created = Optional.empty();
  /** Security groups to put on its network interfaces at build time; empty: leave them. */
  private Optional<List<String>> groups = Optional.empty();

  FsxFileSystemDraft(String id) {
    this.id = id;
    this.fresh = true;
  }

  FsxFileSystemDraft(FsxFileSystem f) {
    this.id = f.fileSystemId();
    this.fresh = false;
    this.type = f.fileSystemType();
    this.lifecycle = f.lifecycle();
    this.vpcId = f.vpcId();
    this.subnets.addAll(f.subnetIds());
    this.enis.addAll(f.networkInterfaceIds());
    this.dnsName = f.dnsName();
    this.owner = f.ownerId();
    this.failure = f.failureMessage();
    this.deployment = f.lustreDeploymentType();
    this.mountName = f.mountName();
    this.efa = f.efaEnabled();
    this.created = f.creationTime();
  }

  /**
   * Its subnet (Lustre file systems have one); VPC follows.
   *
   * @param subnetId the subnet id
   * @return this draft
   */
  public FsxFileSystemDraft subnet(String subnetId) {
    subnets.clear();
    subnets.add(subnetId);
    return this;
  }

  /**
   * {@code SCRATCH_1}, {@code SCRATCH_2}, {@code PERSISTENT_1}, {@code PERSISTENT_2} (default).
   *
   * @param deploymentType the deployment type
   * @return this draft
   */
  public FsxFileSystemDraft deploymentType(String deploymentType) {
    this.deployment = Optional.of(deploymentType);
    return this;
  }

  /**
   * {@code LustreConfiguration.MountName}: what {@code DirectoryPath} must start with.
   *
   * @param mountName the mount name
   * @return this draft
   */
  public FsxFileSystemDraft mountName(String mountName) {
    this.mountName = Optional.of(mountName);
    return this;
  }

  /**
   * {@code LustreConfiguration.EfaEnabled}.
   *
   * @param enabled true to turn it on
   * @return this draft
   */
  public FsxFileSystemDraft efaEnabled(boolean enabled) {
    this.efa = Optional.of(enabled);
    return this;
  }

  /**
   * {@code AVAILABLE} (default), {@code CREATING}, {@code FAILED}, {@code MISCONFIGURED}, {@code UPDATING}, …
   *
   * @param lifecycle the lifecycle state, for example {@code AVAILABLE}
   * @return this draft
   */
  public FsxFileSystemDraft lifecycle(String lifecycle) {
    this.lifecycle = Optional.of(lifecycle);
    return this;
  }

  /**
   * {@code FileSystemType}: {@code LUSTRE} (default), {@code WINDOWS}, {@code ONTAP}, {@code OPENZFS}.
   *
   * @param fileSystemType the file system type
   * @return this draft
   */
  public FsxFileSystemDraft type(String fileSystemType) {
    this.type = Optional.of(fileSystemType);
    return this;
  }

  /**
   * Adds a network interface of the file system (default: one new interface in its subnet).
   *
   * @param networkInterfaceId the network interface id
   * @return this draft
   */
  public FsxFileSystemDraft networkInterface(String networkInterfaceId) {
    if (!enis.contains(networkInterfaceId)) {
      enis.add(networkInterfaceId);
    }
    return this;
  }

  /**
   * The security groups of every one of its network interfaces (what FSx was created with).
   *
   * @param groupIds the group ids
   * @return this draft
   */
  public FsxFileSystemDraft securityGroups(String... groupIds) {
    this.groups = Optional.of(List.copyOf(Arrays.asList(groupIds)));
    return this;
  }

  List<String> subnetIds() {
    return subnets;
  }

  List<String> networkInterfaceIds() {
    return enis;
  }

  Optional<List<String>> groups() {
    return groups;
  }

  /** Gives a new file system its network interface. */
  void complete(java.util.function.Supplier<String> newEniId) {
    if (fresh && enis.isEmpty()) {
      enis.add(newEniId.get());
    }
  }

  FsxFileSystem build(String region, String defaultOwner, Optional<String> vpcOfSubnet) {
    if (fresh && subnets.isEmpty()) {
      throw new IllegalArgumentException("FSx file system " + id + " needs its subnet: call subnet(\"subnet-…\") on it");
    }
    Optional<String> mount = mountName;
    if (fresh && mount.isEmpty() && type.map("LUSTRE"::equalsIgnoreCase).orElse(false)) {
      mount = Optional.of(deployment.map("SCRATCH_1"::equalsIgnoreCase).orElse(false) ? "fsx"
          : id.substring(id.length() - 8).toLowerCase(Locale.ROOT));
    }
    boolean lustre = type.map("LUSTRE"::equalsIgnoreCase).orElse(false);
    return FsxFileSystem.builder()
        .fileSystemId(id)
        .fileSystemType(type)
        .lifecycle(lifecycle)
        .vpcId(fresh ? vpcOfSubnet.or(() -> vpcId) : vpcId)
        .subnetIds(subnets)
        .networkInterfaceIds(enis)
        .dnsName(fresh && dnsName.isEmpty() ? Optional.of(id + ".fsx." + region + ".amazonaws.com") : dnsName)
        .ownerId(fresh && owner.isEmpty() ? Optional.of(defaultOwner) : owner)
        .failureMessage(failure)
        .lustreDeploymentType(fresh && !lustre ? Optional.empty() : deployment)
        .mountName(fresh && !lustre ? Optional.empty() : mount)
        .efaEnabled(fresh && !lustre ? Optional.empty() : efa)
        .creationTime(created)
        .build();
  }
}
