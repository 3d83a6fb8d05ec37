package dev.vpctrain.core.iam;

import dev.vpctrain.core.network.Tag;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * An IAM role ({@code RoleDetailList[]}, or {@code GetRole} with its policy lists). Lists that were
 * not captured are empty {@code Optional}s (unknown), not empty lists.
 */
@Value.Immutable
abstract class AbstractIamRole {
  private static final Pattern ARN = Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):role/(?:[^/]+/)*([^/]+)");

  /** {@return {@code RoleName}, without path, for example {@code SageMakerExecution}} */
  public abstract String roleName();

  /** {@return {@code Arn}, for example {@code arn:aws:iam::123456789012:role/path/Name}} */
  public abstract String arn();

  /** {@return the trust policy, decoded JSON; empty when unknown} */
  public abstract Optional<String> trustPolicy();

  /** {@return the inline policies; empty when the list was not captured} */
  public abstract Optional<List<InlinePolicy>> inlinePolicies();

  /** {@return the ARNs of the attached managed policies; empty when the list was not captured} */
  public abstract Optional<List<String>> attachedPolicyArns();

  /** {@return the permissions boundary's policy ARN, when the role has one} */
  public abstract Optional<String> permissionsBoundaryArn();

  /** {@return {@code Tags}; empty when the role has none or they were not captured} */
  public abstract List<Tag> tags();

  /** {@return the 12-digit account id, from the ARN} */
  @Value.Derived
  public String accountId() {
    return part(2);
  }

  /** {@return the partition, from the ARN ({@code aws}, {@code aws-cn}, {@code aws-us-gov})} */
  @Value.Derived
  public String partition() {
    return part(1);
  }

  private String part(int group) {
    Matcher m = ARN.matcher(arn());
    return m.matches() ? m.group(group) : "";
  }

  /**
   * Checks the values when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalStateException when the ARN is not an IAM role ARN, or it names another role
   */
  @Value.Check
  protected void check() {
    Matcher m = ARN.matcher(arn());
    if (!m.matches()) {
      throw new IllegalStateException("expected a role ARN such as arn:aws:iam::123456789012:role/Name but was '"
          + arn() + "'");
    }
    if (!m.group(3).equals(roleName())) {
      throw new IllegalStateException("role " + roleName() + ": its ARN " + arn() + " names another role");
    }
  }
}
