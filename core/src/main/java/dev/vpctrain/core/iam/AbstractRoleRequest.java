package dev.vpctrain.core.iam;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One request SageMaker makes as the job's role, with vpctrain's identity-side decision (identity
 * policies ∩ permissions boundary, without resource and organisation policies): what IAM's policy
 * simulator ({@code iam:SimulatePrincipalPolicy}) decides too, so the two can be compared.
 */
@Value.Immutable
abstract class AbstractRoleRequest {
  /** {@return the id of the rule that needs the request, for example {@code role.vpc.permissions}} */
  public abstract String rule();

  /** {@return the IAM action, for example {@code ec2:CreateNetworkInterface}} */
  public abstract String action();

  /** {@return the resource ARN (a trailing {@code *} for a pattern such as {@code …:network-interface/*})} */
  public abstract String resource();

  /** {@return the condition keys whose values are known, for the simulator's {@code ContextEntries}} */
  public abstract Map<String, List<String>> context();

  /** {@return vpctrain's decision of the request against the role's identity policies} */
  public abstract IdentityDecision decision();

  /** {@return the policy that decided, when one did} */
  public abstract Optional<String> policy();

  /** {@return the statement that decided, when one did} */
  public abstract Optional<String> statement();
}
