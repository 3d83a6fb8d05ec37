package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.PolicyState;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An EFS file system being built, with its mount targets and its file-system policy. Defaults:
 * Regional, state {@code available}, no file-system policy ({@code PolicyNotFound}: the default
 * policy, which lets every client that reaches a mount target mount and write).
 *
 * <pre>{@code
 * n.efsFileSystem("fs-0a1b2c3d4e5f60801", fs -> fs
 *     .mountTarget("fsmt-0a1b2c3d4e5f60811", m -> m.subnet("subnet-a").securityGroups("sg-efs")));
 * }</pre>
 */
public final class EfsFileSystemDraft {
  final String id;
  final boolean fresh;
  private final NetworkBuilder network;
  private Optional<String> arn = Optional.empty();
  private Optional<String> name = Optional.empty();
  private Optional<String> owner = Optional.empty();
  private Optional<String> state = Optional.of("available");
  private Optional<Integer> numberOfMountTargets = Optional.empty();
  private Optional<String> az = Optional.empty();
  private Optional<String> azId = Optional.empty();
  private Optional<Instant> created = Optional.empty();
  /** True once the draft's mount targets changed through the builder: {@code NumberOfMountTargets} is counted again. */
  boolean recount;

  EfsFileSystemDraft(String id, NetworkBuilder network) {
    this.id = id;
    this.fresh = true;
    this.network = network;
    this.recount = true;
  }

  EfsFileSystemDraft(EfsFileSystem f, NetworkBuilder network) {
    this.id = f.fileSystemId();
    this.fresh = false;
    this.network = network;
    this.arn = f.fileSystemArn();
    this.name = f.name();
    this.owner = f.ownerId();
    this.state = f.lifeCycleState();
    this.numberOfMountTargets = f.numberOfMountTargets();
    this.az = f.availabilityZoneName();
    this.azId = f.availabilityZoneId();
    this.created = f.creationTime();
  }

  /**
   * The {@code Name} tag EFS shows as its name.
   *
   * @param name the name
   * @return this draft
   */
  public EfsFileSystemDraft name(String name) {
    this.name = Optional.of(name);
    return this;
  }

  /**
   * {@code available} (default), {@code creating}, {@code updating}, {@code deleting}, {@code deleted}, {@code error}.
   *
   * @param lifeCycleState the life cycle state
   * @return this draft
   */
  public EfsFileSystemDraft state(String lifeCycleState) {
    this.state = Optional.of(lifeCycleState);
    return this;
  }

  /**
   * A One Zone file system in {@code availabilityZone} (zone id {@code availabilityZoneId}).
   *
   * @param availabilityZone the availability zone
   * @param availabilityZoneId the availability zone id
   * @return this draft
   */
  public EfsFileSystemDraft oneZone(String availabilityZone, String availabilityZoneId) {
    this.az = Optional.of(availabilityZone);
    this.azId = Optional.of(availabilityZoneId);
    return this;
  }

  /**
   * Adds or edits a mount target of this file system.
   *
   * @param mountTargetId the mount target id
   * @param draft edits the resource
   * @return this draft
   */
  public EfsFileSystemDraft mountTarget(String mountTargetId, Consumer<EfsMountTargetDraft> draft) {
    draft.accept(network.mountTargetOf(id, mountTargetId));
    recount = true;
    return this;
  }

  /**
   * Deletes a mount target of this file system (with its network interface, as EFS does).
   *
   * @param mountTargetId the mount target id
   * @return this draft
   */
  public EfsFileSystemDraft removeMountTarget(String mountTargetId) {
    network.remove(mountTargetId);
    recount = true;
    return this;
  }

  /**
   * A file-system policy ({@code DescribeFileSystemPolicy} answers it).
   *
   * @param policyJson the policy document (JSON)
   * @return this draft
   */
  public EfsFileSystemDraft policy(String policyJson) {
    network.efsPolicy(EfsFileSystemPolicy.builder().fileSystemId(id).policyState(PolicyState.PRESENT).policy(policyJson).build());
    return this;
  }

  /**
   * No file-system policy ({@code PolicyNotFound}): the default policy is in effect.
   *
   * @return this draft
   */
  public EfsFileSystemDraft noPolicy() {
    network.efsPolicy(EfsFileSystemPolicy.builder().fileSystemId(id).policyState(PolicyState.NONE).build());
    return this;
  }

  EfsFileSystem build(String region, String defaultOwner, int mountTargets) {
    String account = owner.orElse(defaultOwner);
    return EfsFileSystem.builder()
        .fileSystemId(id)
        .fileSystemArn(fresh && arn.isEmpty()
            ? Optional.of("arn:aws:elasticfilesystem:" + region + ":" + account + ":file-system/" + id) : arn)
        .name(name)
        .ownerId(fresh && owner.isEmpty() ? Optional.of(defaultOwner) : owner)
        .lifeCycleState(state)
        .numberOfMountTargets(recount ? Optional.of(mountTargets) : numberOfMountTargets)
        .availabilityZoneName(az)
        .availabilityZoneId(azId)
        .creationTime(created)
        .build();
  }
}
