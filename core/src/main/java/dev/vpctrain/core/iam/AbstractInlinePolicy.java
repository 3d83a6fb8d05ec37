package dev.vpctrain.core.iam;

import java.util.Optional;
import org.immutables.value.Value;

/** An inline policy of a role ({@code RolePolicyList[]} or {@code GetRolePolicy}): its name and, when captured, its document. */
@Value.Immutable
abstract class AbstractInlinePolicy {
  /** {@return {@code PolicyName}: the inline policy's name within its role} */
  @Value.Parameter
  public abstract String policyName();

  /** {@return the decoded JSON document; empty when the role lists the policy but its document was not captured} */
  @Value.Parameter
  public abstract Optional<String> document();
}
