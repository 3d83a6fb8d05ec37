package dev.vpctrain.core.iam;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A managed policy ({@code Policies[]}, or {@code GetPolicy} + {@code GetPolicyVersion}): only its
 * default version counts.
 */
@Value.Immutable
abstract class AbstractManagedPolicy {
  /** {@return {@code arn:aws:iam::123456789012:policy/Name} or {@code arn:aws:iam::aws:policy/Name}} */
  public abstract String arn();

  /** {@return the policy name, or empty} */
  public abstract Optional<String> policyName();

  /** {@return the default version id, or empty} */
  public abstract Optional<String> defaultVersionId();

  /** {@return the decoded JSON document of the default version; empty when not captured} */
  public abstract Optional<String> document();
}
