package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A VPC ({@code DescribeVpcs}) with its two DNS attributes ({@code DescribeVpcAttribute}). */
@Value.Immutable
abstract class AbstractVpc {
  public abstract String vpcId();

  /** Primary CIDR block. */
  public abstract Optional<String> cidrBlock();

  /** Every associated IPv4 CIDR block, primary included. */
  public abstract List<String> cidrBlocks();

  /** {@code default}, {@code dedicated} or {@code host}; absent when not captured. */
  public abstract Optional<String> instanceTenancy();

  public abstract Optional<String> dhcpOptionsId();

  public abstract Optional<String> ownerId();

  public abstract Optional<String> state();

  /** {@code enableDnsSupport}; absent when the attribute was not captured. */
  public abstract Optional<Boolean> enableDnsSupport();

  /** {@code enableDnsHostnames}; absent when the attribute was not captured. */
  public abstract Optional<Boolean> enableDnsHostnames();

  public abstract List<Tag> tags();

  @Value.Check
  protected void check() {
    Ids.require(vpcId(), "vpcId");
  }
}
