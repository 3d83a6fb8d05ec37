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
  public abstract String fileSystemId();

  /** {@code LUSTRE}, {@code WINDOWS}, {@code ONTAP}, {@code OPENZFS} or a later type (kept). */
  public abstract Optional<String> fileSystemType();

  /** {@code AVAILABLE}, {@code CREATING}, {@code FAILED}, {@code DELETING}, {@code MISCONFIGURED}, {@code UPDATING}, … */
  public abstract Optional<String> lifecycle();

  public abstract Optional<String> vpcId();

  /** Its subnets: one for Lustre (the first is the preferred one of a Multi-AZ file system). */
  public abstract List<String> subnetIds();

  public abstract List<String> networkInterfaceIds();

  public abstract Optional<String> dnsName();

  public abstract Optional<String> ownerId();

  /** {@code FailureDetails.Message}, for a file system that failed. */
  public abstract Optional<String> failureMessage();

  /** {@code LustreConfiguration.DeploymentType}: {@code SCRATCH_1}, {@code SCRATCH_2}, {@code PERSISTENT_1}, {@code PERSISTENT_2}, … */
  public abstract Optional<String> lustreDeploymentType();

  /** {@code LustreConfiguration.MountName}: {@code fsx} for SCRATCH_1, a generated name otherwise. */
  public abstract Optional<String> mountName();

  /** {@code LustreConfiguration.EfaEnabled}; absent when not given. */
  public abstract Optional<Boolean> efaEnabled();

  public abstract Optional<Instant> creationTime();

  /** True for an FSx for Lustre file system. */
  public boolean isLustre() {
    return fileSystemType().map("LUSTRE"::equalsIgnoreCase).orElse(false);
  }

  /** True when the lifecycle is known and is {@code lifecycle}, ignoring case. */
  public boolean hasLifecycle(String lifecycle) {
    return lifecycle().map(lifecycle::equalsIgnoreCase).orElse(false);
  }

  @Value.Check
  protected void check() {
    Ids.require(fileSystemId(), "fileSystemId");
  }
}
