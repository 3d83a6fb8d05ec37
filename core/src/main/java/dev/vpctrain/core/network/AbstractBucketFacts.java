package dev.vpctrain.core.network;

import java.util.Optional;
import org.immutables.value.Value;

/** What the snapshot knows of one S3 bucket: its region, its policy and its default encryption. */
@Value.Immutable
abstract class AbstractBucketFacts {
  /** {@return the bucket name} */
  public abstract String bucket();

  /** {@return the bucket's region ({@code us-east-1} for a null location constraint); absent when unknown} */
  public abstract Optional<String> region();

  /** {@return what is known of the bucket policy ({@code s3.GetBucketPolicy}); {@code UNKNOWN} by default} */
  @Value.Default
  public PolicyState policyState() {
    return policy().isPresent() ? PolicyState.PRESENT : PolicyState.UNKNOWN;
  }

  /** {@return the policy JSON when {@link #policyState()} is PRESENT} */
  public abstract Optional<String> policy();

  /**
   * {@return {@code GetBucketEncryption}: the default encryption's {@code SSEAlgorithm} ({@code AES256},
   * {@code aws:kms}, {@code aws:kms:dsse}); empty when not captured}
   */
  public abstract Optional<String> defaultEncryption();

  /** {@return the default encryption's {@code KMSMasterKeyID} (an ARN, key id or alias), when it names one} */
  public abstract Optional<String> defaultEncryptionKeyId();

  /**
   * Checks the values when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalStateException when the bucket name is blank, or a policy is given without state
   *     {@code PRESENT} (or the reverse)
   */
  @Value.Check
  protected void check() {
    Ids.require(bucket(), "bucket");
    if ((policyState() == PolicyState.PRESENT) != policy().isPresent()) {
      throw new IllegalStateException("bucket " + bucket() + ": policy must be present exactly when policyState is PRESENT");
    }
  }
}
