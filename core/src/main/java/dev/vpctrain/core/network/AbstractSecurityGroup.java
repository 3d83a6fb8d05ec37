package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A security group with its ingress and egress permissions ({@code DescribeSecurityGroups}). */
@Value.Immutable
abstract class AbstractSecurityGroup {
  /** {@return {@code GroupId}, for example {@code sg-0123456789abcdef0}} */
  public abstract String groupId();

  /** {@return {@code GroupName}; empty when not captured} */
  public abstract Optional<String> groupName();

  /** {@return {@code Description}; empty when not captured} */
  public abstract Optional<String> description();

  /** {@return {@code VpcId}} */
  public abstract String vpcId();

  /** {@return {@code OwnerId}: the account that owns it; empty when not captured} */
  public abstract Optional<String> ownerId();

  /** {@return {@code IpPermissions}: the inbound rules} */
  public abstract List<Permission> ingress();

  /** {@return {@code IpPermissionsEgress}: the outbound rules} */
  public abstract List<Permission> egress();

  /** {@return {@code Tags}; empty when it has none} */
  public abstract List<Tag> tags();
}
