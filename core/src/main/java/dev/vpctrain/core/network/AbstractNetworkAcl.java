package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A network ACL, its subnet associations and its entries ({@code DescribeNetworkAcls}). */
@Value.Immutable
abstract class AbstractNetworkAcl {
  /** {@return the network ACL id} */
  public abstract String networkAclId();

  /** {@return the VPC id} */
  public abstract String vpcId();

  /** {@return true for the VPC's default network ACL} */
  @Value.Default
  public boolean isDefault() {
    return false;
  }

  /** {@return subnets associated with this ACL} */
  public abstract List<String> subnetIds();

  /** {@return the entries} */
  public abstract List<AclEntry> entries();

  /** {@return the owner id, or empty} */
  public abstract Optional<String> ownerId();

  /** {@return the tags} */
  public abstract List<Tag> tags();
}
