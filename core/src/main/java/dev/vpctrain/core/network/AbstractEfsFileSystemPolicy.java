package dev.vpctrain.core.network;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the snapshot knows of an EFS file system policy ({@code efs.DescribeFileSystemPolicy}):
 * {@link PolicyState#NONE} is {@code PolicyNotFound} (the default policy is in effect: any client
 * that reaches a mount target has full access), {@link PolicyState#PRESENT} carries the document.
 */
@Value.Immutable
abstract class AbstractEfsFileSystemPolicy {
  /** {@return the EFS file system id, for example {@code fs-0123456789abcdef0}} */
  public abstract String fileSystemId();

  /** {@return what is known of the file system policy; {@code UNKNOWN} by default} */
  @Value.Default
  public PolicyState policyState() {
    return policy().isPresent() ? PolicyState.PRESENT : PolicyState.UNKNOWN;
  }

  /** {@return the policy JSON when {@link #policyState()} is PRESENT} */
  public abstract Optional<String> policy();

  /**
   * Checks the values when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalStateException when the file system id is blank, or a policy is given without state
   *     {@code PRESENT} (or the reverse)
   */
  @Value.Check
  protected void check() {
    Ids.require(fileSystemId(), "fileSystemId");
    if ((policyState() == PolicyState.PRESENT) != policy().isPresent()) {
      throw new IllegalStateException("file system " + fileSystemId()
          + ": policy must be present exactly when policyState is PRESENT");
    }
  }
}
