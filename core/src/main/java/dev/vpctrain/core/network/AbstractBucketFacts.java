package dev.vpctrain.core.network;

import java.util.Optional;
import org.immutables.value.Value;

/** What the snapshot knows of one S3 bucket: its region, its policy and its default encryption. */
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

  /**
   * {@code GetBucketEncryption}: the default encryption's {@code SSEAlgorithm} ({@code AES256},
   * {@code aws:kms}, {@code aws:kms:dsse}); empty when not captured.
   */
  public abstract Optional<String> defaultEncryption();

  /** The default encryption's {@code KMSMasterKeyID} (an ARN, key id or alias), when it names one. */
  public abstract Optional<String> defaultEncryptionKeyId();

  @Value.Check
  protected void check() {
    Ids.require(bucket(), "bucket");
    if ((policyState() == PolicyState.PRESENT) != policy().isPresent()) {
      throw new IllegalStateException("bucket " + bucket() + ": policy must be present exactly when policyState is PRESENT");
    }
  }
}
