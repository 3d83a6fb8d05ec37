package dev.vpctrain.core.network;

import java.util.Optional;
import org.immutables.value.Value;

/** An EFS mount target ({@code efs.DescribeMountTargets}): the file system's address in one subnet. */
@Value.Immutable
abstract class AbstractEfsMountTarget {
  public abstract String mountTargetId();

  public abstract String fileSystemId();

  public abstract Optional<String> subnetId();

  public abstract Optional<String> vpcId();

  public abstract Optional<String> availabilityZoneId();

  public abstract Optional<String> availabilityZoneName();

  /** Lower-case {@code LifeCycleState}, as for the file system; unknown values kept. */
  public abstract Optional<String> lifeCycleState();

  /** Its IPv4 address. */
  public abstract Optional<String> ipAddress();

  /** The network interface that holds the address (its security groups are the mount target's). */
  public abstract Optional<String> networkInterfaceId();

  public abstract Optional<String> ownerId();

  /** True when the state is known and is {@code available}: only such mount targets count. */
  public boolean isAvailable() {
    return lifeCycleState().map("available"::equalsIgnoreCase).orElse(false);
  }

  @Value.Check
  protected void check() {
    Ids.require(mountTargetId(), "mountTargetId");
    Ids.require(fileSystemId(), "fileSystemId");
  }
}
