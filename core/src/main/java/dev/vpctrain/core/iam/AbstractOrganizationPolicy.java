package dev.vpctrain.core.iam;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A service control or resource control policy a user supplied ({@code organizations.DescribePolicy[]}:
 * {@code Policy.PolicySummary} and {@code Policy.Content}).
 */
@Value.Immutable
abstract class AbstractOrganizationPolicy {
  public abstract Optional<String> policyId();

  public abstract Optional<String> name();

  /** {@code SERVICE_CONTROL_POLICY} or {@code RESOURCE_CONTROL_POLICY}. */
  public abstract String type();

  /** The policy document, JSON. */
  public abstract String content();
}
