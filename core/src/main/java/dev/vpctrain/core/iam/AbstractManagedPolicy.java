package dev.vpctrain.core.iam;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A managed policy ({@code Policies[]}, or {@code GetPolicy} + {@code GetPolicyVersion}): only its
 * default version counts.
 */
@Value.Immutable
abstract class AbstractManagedPolicy {
  /** {@return {@code Arn}: {@code arn:aws:iam::123456789012:policy/Name}, or {@code arn:aws:iam::aws:policy/Name} for an AWS managed policy} */
  public abstract String arn();

  /** {@return {@code PolicyName}; empty when not captured} */
  public abstract Optional<String> policyName();

  /** {@return {@code DefaultVersionId}, for example {@code v3}; empty when not captured} */
  public abstract Optional<String> defaultVersionId();

  /** {@return the decoded JSON document of the default version; empty when not captured} */
  public abstract Optional<String> document();
}
