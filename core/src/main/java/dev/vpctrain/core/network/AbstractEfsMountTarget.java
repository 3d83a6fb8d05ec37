package dev.vpctrain.core.network;

import java.util.Optional;
import org.immutables.value.Value;

/** An EFS mount target ({@code efs.DescribeMountTargets}): the file system's address in one subnet. */
@Value.Immutable
abstract class AbstractEfsMountTarget {
  /** {@return {@code MountTargetId}, for example {@code fsmt-0123456789abcdef0}} */
  public abstract String mountTargetId();

  /** {@return {@code FileSystemId}: the file system it serves} */
  public abstract String fileSystemId();

  /** {@return {@code SubnetId}; empty when not captured} */
  public abstract Optional<String> subnetId();

  /** {@return {@code VpcId}; empty when not captured} */
  public abstract Optional<String> vpcId();

  /** {@return {@code AvailabilityZoneId}, for example {@code use1-az4}; empty when not captured} */
  public abstract Optional<String> availabilityZoneId();

  /** {@return {@code AvailabilityZoneName}, for example {@code us-east-1a}; empty when not captured} */
  public abstract Optional<String> availabilityZoneName();

  /** {@return lower-case {@code LifeCycleState}, as for the file system; unknown values kept} */
  public abstract Optional<String> lifeCycleState();

  /** {@return {@code IpAddress}: the IPv4 address clients mount} */
  public abstract Optional<String> ipAddress();

  /** {@return the network interface that holds the address (its security groups are the mount target's)} */
  public abstract Optional<String> networkInterfaceId();

  /** {@return {@code OwnerId}: the account that owns it; empty when not captured} */
  public abstract Optional<String> ownerId();

  /** {@return true when the state is known and is {@code available}: only such mount targets count} */
  public boolean isAvailable() {
    return lifeCycleState().map("available"::equalsIgnoreCase).orElse(false);
  }

  /**
   * Checks the ids when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalStateException when the mount target or file system id is blank
   */
  @Value.Check
  protected void check() {
    Ids.require(mountTargetId(), "mountTargetId");
    Ids.require(fileSystemId(), "fileSystemId");
  }
}
