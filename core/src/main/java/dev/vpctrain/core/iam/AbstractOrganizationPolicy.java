package dev.vpctrain.core.iam;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A service control or resource control policy a user supplied ({@code organizations.DescribePolicy[]}:
 * {@code Policy.PolicySummary} and {@code Policy.Content}).
 */
@Value.Immutable
abstract class AbstractOrganizationPolicy {
  /** {@return the policy id, or empty} */
  public abstract Optional<String> policyId();

  /** {@return the name, or empty} */
  public abstract Optional<String> name();

  /** {@return {@code SERVICE_CONTROL_POLICY} or {@code RESOURCE_CONTROL_POLICY}} */
  public abstract String type();

  /** {@return the policy document, JSON} */
  public abstract String content();
}
