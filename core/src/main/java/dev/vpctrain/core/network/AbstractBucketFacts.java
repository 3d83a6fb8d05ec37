package dev.vpctrain.core.network;

import java.util.Optional;
import org.immutables.value.Value;

/** What the snapshot knows of one S3 bucket: its region and its policy. */
@Value.Immutable
abstract class AbstractBucketFacts {
  public abstract String bucket();

  /** The bucket's region ({@code us-east-1} for a null location constraint); absent when unknown. */
  public abstract Optional<String> region();

  @Value.Default
  public PolicyState policyState() {
    return policy().isPresent() ? PolicyState.PRESENT : PolicyState.UNKNOWN;
  }

  /** The policy JSON when {@link #policyState()} is PRESENT. */
  public abstract Optional<String> policy();

  @Value.Check
  protected void check() {
    Ids.require(bucket(), "bucket");
    if ((policyState() == PolicyState.PRESENT) != policy().isPresent()) {
      throw new IllegalStateException("bucket " + bucket() + ": policy must be present exactly when policyState is PRESENT");
    }
  }
}
