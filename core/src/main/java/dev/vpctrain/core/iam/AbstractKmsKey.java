package dev.vpctrain.core.iam;

import java.util.Optional;
import org.immutables.value.Value;

/** A KMS key ({@code kms.keys.<arn>}: {@code DescribeKey} and {@code GetKeyPolicy}). */
@Value.Immutable
abstract class AbstractKmsKey {
  /** {@return {@code KeyMetadata.Arn}: {@code arn:aws:kms:<region>:<account>:key/<id>}} */
  public abstract String arn();

  /** {@return {@code KeyId}, a UUID such as {@code 1234abcd-12ab-34cd-56ef-1234567890ab}} */
  public abstract String keyId();

  /** {@return {@code KeyMetadata.KeyState}: {@code Enabled}, {@code Disabled}, {@code PendingDeletion} … as the API says (unknown values kept)} */
  public abstract Optional<String> keyState();

  /** {@return {@code KeyMetadata.KeyManager}: {@code CUSTOMER} or {@code AWS}} */
  public abstract Optional<String> keyManager();

  /** {@return the key policy named {@code default} ({@code kms:GetKeyPolicy}), JSON; empty when not captured} */
  public abstract Optional<String> policy();
}
