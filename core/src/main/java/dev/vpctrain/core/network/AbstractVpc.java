package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A VPC ({@code DescribeVpcs}) with its two DNS attributes ({@code DescribeVpcAttribute}). */
@Value.Immutable
abstract class AbstractVpc {
  /** {@return the VPC id} */
  public abstract String vpcId();

  /** {@return primary CIDR block} */
  public abstract Optional<String> cidrBlock();

  /** {@return every associated IPv4 CIDR block, primary included} */
  public abstract List<String> cidrBlocks();

  /** {@return {@code default}, {@code dedicated} or {@code host}; absent when not captured} */
  public abstract Optional<String> instanceTenancy();

  /** {@return the DHCP options id, or empty} */
  public abstract Optional<String> dhcpOptionsId();

  /** {@return the owner id, or empty} */
  public abstract Optional<String> ownerId();

  /** {@return the state, or empty} */
  public abstract Optional<String> state();

  /** {@return {@code enableDnsSupport}; absent when the attribute was not captured} */
  public abstract Optional<Boolean> enableDnsSupport();

  /** {@return {@code enableDnsHostnames}; absent when the attribute was not captured} */
  public abstract Optional<Boolean> enableDnsHostnames();

  /** {@return the tags} */
  public abstract List<Tag> tags();

  /**
   * Validates the values when an instance is built (an Immutables {@code @Value.Check}).
   */
  @Value.Check
  protected void check() {
    Ids.require(vpcId(), "vpcId");
  }
}
