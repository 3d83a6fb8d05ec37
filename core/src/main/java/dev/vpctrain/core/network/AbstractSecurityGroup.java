package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A security group with its ingress and egress permissions ({@code DescribeSecurityGroups}). */
@Value.Immutable
abstract class AbstractSecurityGroup {
  public abstract String groupId();

  public abstract Optional<String> groupName();

  public abstract Optional<String> description();

  public abstract String vpcId();

  public abstract Optional<String> ownerId();

  /** {@code IpPermissions}. */
  public abstract List<Permission> ingress();

  /** {@code IpPermissionsEgress}. */
  public abstract List<Permission> egress();

  public abstract List<Tag> tags();
}
