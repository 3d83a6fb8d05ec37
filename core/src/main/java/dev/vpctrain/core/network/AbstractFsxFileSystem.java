package dev.vpctrain.core.network;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Amazon FSx file system ({@code fsx.DescribeFileSystems}). FSx names its network interfaces,
 * not its security groups: those are the {@code Groups} of the interfaces in
 * {@code ec2.DescribeNetworkInterfaces}. Enum-like values are upper case, as the API spells them;
 * values the API added later are kept.
 */
@Value.Immutable
abstract class AbstractFsxFileSystem {
  /** {@return {@code FileSystemId}, for example {@code fs-0123456789abcdef0}} */
  public abstract String fileSystemId();

  /** {@return {@code LUSTRE}, {@code WINDOWS}, {@code ONTAP}, {@code OPENZFS} or a later type (kept)} */
  public abstract Optional<String> fileSystemType();

  /**
   * {@code AVAILABLE}, {@code CREATING}, {@code FAILED}, {@code DELETING}, {@code MISCONFIGURED}, {@code UPDATING}, …
   *
   * @return the lifecycle, or empty
   */
  public abstract Optional<String> lifecycle();

  /** {@return {@code VpcId}; empty when not captured} */
  public abstract Optional<String> vpcId();

  /** {@return its subnets: one for Lustre (the first is the preferred one of a Multi-AZ file system)} */
  public abstract List<String> subnetIds();

  /** {@return {@code NetworkInterfaceIds}: the file servers' interfaces, whose security groups are the file system's} */
  public abstract List<String> networkInterfaceIds();

  /** {@return {@code DNSName}, the name clients mount; empty when not captured} */
  public abstract Optional<String> dnsName();

  /** {@return {@code OwnerId}: the account that owns it; empty when not captured} */
  public abstract Optional<String> ownerId();

  /** {@return {@code FailureDetails.Message}, for a file system that failed} */
  public abstract Optional<String> failureMessage();

  /**
   * {@code LustreConfiguration.DeploymentType}: {@code SCRATCH_1}, {@code SCRATCH_2}, {@code PERSISTENT_1}, {@code PERSISTENT_2}, …
   *
   * @return the lustre deployment type, or empty
   */
  public abstract Optional<String> lustreDeploymentType();

  /** {@return {@code LustreConfiguration.MountName}: {@code fsx} for SCRATCH_1, a generated name otherwise} */
  public abstract Optional<String> mountName();

  /** {@return {@code LustreConfiguration.EfaEnabled}; absent when not given} */
  public abstract Optional<Boolean> efaEnabled();

  /** {@return {@code CreationTime}; empty when not captured} */
  public abstract Optional<Instant> creationTime();

  /** {@return true for an FSx for Lustre file system} */
  public boolean isLustre() {
    return fileSystemType().map("LUSTRE"::equalsIgnoreCase).orElse(false);
  }

  /**
   * {@return true when the lifecycle is known and is {@code lifecycle}, ignoring case}
   *
   * @param lifecycle the lifecycle state, for example {@code AVAILABLE}
   */
  public boolean hasLifecycle(String lifecycle) {
    return lifecycle().map(lifecycle::equalsIgnoreCase).orElse(false);
  }

  /**
   * Checks the values when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalStateException when the file system id is blank
   */
  @Value.Check
  protected void check() {
    Ids.require(fileSystemId(), "fileSystemId");
  }
}
