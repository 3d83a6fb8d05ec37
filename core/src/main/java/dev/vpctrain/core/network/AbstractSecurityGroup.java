package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A security group with its ingress and egress permissions ({@code DescribeSecurityGroups}). */
@Value.Immutable
abstract class AbstractSecurityGroup {
  /** {@return the group id} */
  public abstract String groupId();

  /** {@return the group name, or empty} */
  public abstract Optional<String> groupName();

  /** {@return the description, or empty} */
  public abstract Optional<String> description();

  /** {@return the VPC id} */
  public abstract String vpcId();

  /** {@return the owner id, or empty} */
  public abstract Optional<String> ownerId();

  /** {@return {@code IpPermissions}} */
  public abstract List<Permission> ingress();

  /** {@return {@code IpPermissionsEgress}} */
  public abstract List<Permission> egress();

  /** {@return the tags} */
  public abstract List<Tag> tags();
}
