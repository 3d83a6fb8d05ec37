package dev.vpctrain.core.iam;

import java.util.Optional;
import org.immutables.value.Value;

/** A KMS key ({@code kms.keys.<arn>}: {@code DescribeKey} and {@code GetKeyPolicy}). */
@Value.Immutable
abstract class AbstractKmsKey {
  /** {@code arn:aws:kms:<region>:<account>:key/<id>}. */
  public abstract String arn();

  public abstract String keyId();

  /** {@code Enabled}, {@code Disabled}, {@code PendingDeletion} … as the API says (unknown values kept). */
  public abstract Optional<String> keyState();

  /** {@code CUSTOMER} or {@code AWS}. */
  public abstract Optional<String> keyManager();

  /** The key policy ({@code default}), JSON; empty when not captured. */
  public abstract Optional<String> policy();
}
