package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A network ACL, its subnet associations and its entries ({@code DescribeNetworkAcls}). */
@Value.Immutable
abstract class AbstractNetworkAcl {
  /** {@return {@code NetworkAclId}, for example {@code acl-0123456789abcdef0}} */
  public abstract String networkAclId();

  /** {@return {@code VpcId}} */
  public abstract String vpcId();

  /** {@return true for the VPC's default network ACL} */
  @Value.Default
  public boolean isDefault() {
    return false;
  }

  /** {@return the subnets of its {@code Associations}: the subnets this ACL governs} */
  public abstract List<String> subnetIds();

  /** {@return {@code Entries}, inbound and outbound, in capture order} */
  public abstract List<AclEntry> entries();

  /** {@return {@code OwnerId}: the account that owns it; empty when not captured} */
  public abstract Optional<String> ownerId();

  /** {@return {@code Tags}; empty when it has none} */
  public abstract List<Tag> tags();
}
