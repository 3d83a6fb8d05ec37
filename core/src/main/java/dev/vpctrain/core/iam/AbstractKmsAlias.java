package dev.vpctrain.core.iam;

import java.util.Optional;
import org.immutables.value.Value;

/** A KMS alias ({@code kms.ListAliases.Aliases[]}). */
@Value.Immutable
abstract class AbstractKmsAlias {
  /** {@return {@code AliasName}, for example {@code alias/training-data}} */
  public abstract String aliasName();

  /** {@return {@code AliasArn}; empty when not captured} */
  public abstract Optional<String> aliasArn();

  /** {@return the key id it points to; empty for an alias without a key} */
  public abstract Optional<String> targetKeyId();
}
