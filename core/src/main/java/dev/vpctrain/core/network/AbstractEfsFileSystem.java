package dev.vpctrain.core.network;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** An EFS file system ({@code efs.DescribeFileSystems}). Its mount targets are separate ({@link EfsMountTarget}). */
@Value.Immutable
abstract class AbstractEfsFileSystem {
  /** {@return {@code FileSystemId}, for example {@code fs-0123456789abcdef0}} */
  public abstract String fileSystemId();

  /** {@return {@code FileSystemArn}; empty when not captured} */
  public abstract Optional<String> fileSystemArn();

  /** {@return {@code Name} (its {@code Name} tag); empty when it has none} */
  public abstract Optional<String> name();

  /** {@return {@code OwnerId}: the account that owns it; empty when not captured} */
  public abstract Optional<String> ownerId();

  /**
   * {@return lower-case {@code LifeCycleState}: {@code creating}, {@code available}, {@code updating},
   * {@code deleting}, {@code deleted}, {@code error}, or a value the API added later (kept)}
   */
  public abstract Optional<String> lifeCycleState();

  /** {@return the number of mount targets the file system says it has; absent when not captured} */
  public abstract Optional<Integer> numberOfMountTargets();

  /**
   * Set for One Zone file systems only.
   *
   * @return the availability zone name, or empty
   */
  public abstract Optional<String> availabilityZoneName();

  /**
   * Set for One Zone file systems only.
   *
   * @return the availability zone id, or empty
   */
  public abstract Optional<String> availabilityZoneId();

  /** {@return {@code CreationTime}; empty when not captured} */
  public abstract Optional<Instant> creationTime();

  /** {@return true when the state is known and is {@code available}} */
  public boolean isAvailable() {
    return lifeCycleState().map("available"::equalsIgnoreCase).orElse(false);
  }

  /** {@return true for a One Zone file system (it names its Availability Zone)} */
  public boolean isOneZone() {
    return availabilityZoneName().isPresent() || availabilityZoneId().isPresent();
  }

  /**
   * Checks the id when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalStateException when the file system id is blank
   */
  @Value.Check
  protected void check() {
    Ids.require(fileSystemId(), "fileSystemId");
  }
}
