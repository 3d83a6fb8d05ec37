package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A VPC ({@code DescribeVpcs}) with its two DNS attributes ({@code DescribeVpcAttribute}). */
@Value.Immutable
abstract class AbstractVpc {
  /** {@return {@code VpcId}, for example {@code vpc-0123456789abcdef0}} */
  public abstract String vpcId();

  /** {@return {@code CidrBlock}: the primary IPv4 range; empty when not captured} */
  public abstract Optional<String> cidrBlock();

  /** {@return every associated IPv4 CIDR block, primary included} */
  public abstract List<String> cidrBlocks();

  /** {@return {@code InstanceTenancy}: {@code default}, {@code dedicated} or {@code host}; absent when not captured} */
  public abstract Optional<String> instanceTenancy();

  /** {@return {@code DhcpOptionsId}: the DHCP option set in use ({@code default} for AWS's own); empty when not captured} */
  public abstract Optional<String> dhcpOptionsId();

  /** {@return {@code OwnerId}: the account that owns it; empty when not captured} */
  public abstract Optional<String> ownerId();

  /** {@return {@code State}, {@code available} or {@code pending}; empty when not captured} */
  public abstract Optional<String> state();

  /** {@return {@code enableDnsSupport}; absent when the attribute was not captured} */
  public abstract Optional<Boolean> enableDnsSupport();

  /** {@return {@code enableDnsHostnames}; absent when the attribute was not captured} */
  public abstract Optional<Boolean> enableDnsHostnames();

  /** {@return {@code Tags}; empty when it has none} */
  public abstract List<Tag> tags();

  /**
   * Checks the values when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalStateException when the VPC id is blank
   */
  @Value.Check
  protected void check() {
    Ids.require(vpcId(), "vpcId");
  }
}
