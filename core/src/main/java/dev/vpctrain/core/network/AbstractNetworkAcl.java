package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A network ACL, its subnet associations and its entries ({@code DescribeNetworkAcls}). */
@Value.Immutable
abstract class AbstractNetworkAcl {
  public abstract String networkAclId();

  public abstract String vpcId();

  @Value.Default
  public boolean isDefault() {
    return false;
  }

  /** Subnets associated with this ACL. */
  public abstract List<String> subnetIds();

  public abstract List<AclEntry> entries();

  public abstract Optional<String> ownerId();

  public abstract List<Tag> tags();
}
