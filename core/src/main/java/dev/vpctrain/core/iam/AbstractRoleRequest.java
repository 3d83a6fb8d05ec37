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
  /** The rule that needs the request, e.g. {@code role.vpc.permissions}. */
  public abstract String rule();

  /** {@code ec2:CreateNetworkInterface}. */
  public abstract String action();

  /** The resource ARN (a trailing {@code *} for a pattern such as {@code …:network-interface/*}). */
  public abstract String resource();

  /** The condition keys whose values are known, for the simulator's {@code ContextEntries}. */
  public abstract Map<String, List<String>> context();

  public abstract IdentityDecision decision();

  /** The policy that decided, when one did. */
  public abstract Optional<String> policy();

  /** The statement that decided, when one did. */
  public abstract Optional<String> statement();
}
