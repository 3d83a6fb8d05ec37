package dev.vpctrain.core.iam;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A service control or resource control policy a user supplied ({@code organizations.DescribePolicy[]}:
 * {@code Policy.PolicySummary} and {@code Policy.Content}).
 */
@Value.Immutable
abstract class AbstractOrganizationPolicy {
  /** {@return {@code PolicySummary.Id}, for example {@code p-examplepolicyid111}; empty when not given} */
  public abstract Optional<String> policyId();

  /** {@return {@code PolicySummary.Name}; empty when not given} */
  public abstract Optional<String> name();

  /** {@return {@code PolicySummary.Type}: {@code SERVICE_CONTROL_POLICY} or {@code RESOURCE_CONTROL_POLICY}} */
  public abstract String type();

  /** {@return {@code Content}: the policy document as JSON text} */
  public abstract String content();
}
