package dev.vpctrain.core.network;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** An EFS file system ({@code efs.DescribeFileSystems}). Its mount targets are separate ({@link EfsMountTarget}). */
@Value.Immutable
abstract class AbstractEfsFileSystem {
  public abstract String fileSystemId();

  public abstract Optional<String> fileSystemArn();

  public abstract Optional<String> name();

  public abstract Optional<String> ownerId();

  /**
   * Lower-case {@code LifeCycleState}: {@code creating}, {@code available}, {@code updating},
   * {@code deleting}, {@code deleted}, {@code error}, or a value the API added later (kept).
   */
  public abstract Optional<String> lifeCycleState();

  /** The number of mount targets the file system says it has; absent when not captured. */
  public abstract Optional<Integer> numberOfMountTargets();

  /** Set for One Zone file systems only. */
  public abstract Optional<String> availabilityZoneName();

  /** Set for One Zone file systems only. */
  public abstract Optional<String> availabilityZoneId();

  public abstract Optional<Instant> creationTime();

  /** True when the state is known and is {@code available}. */
  public boolean isAvailable() {
    return lifeCycleState().map("available"::equalsIgnoreCase).orElse(false);
  }

  /** True for a One Zone file system (it names its Availability Zone). */
  public boolean isOneZone() {
    return availabilityZoneName().isPresent() || availabilityZoneId().isPresent();
  }

  @Value.Check
  protected void check() {
    Ids.require(fileSystemId(), "fileSystemId");
  }
}
