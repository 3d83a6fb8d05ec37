package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A subnet ({@code DescribeSubnets}). */
@Value.Immutable
abstract class AbstractSubnet {
  /** {@return the subnet id} */
  public abstract String subnetId();

  /** {@return the VPC id} */
  public abstract String vpcId();

  /** {@return the CIDR block, or empty} */
  public abstract Optional<String> cidrBlock();

  /** {@return the availability zone, or empty} */
  public abstract Optional<String> availabilityZone();

  /** {@return the availability zone id, or empty} */
  public abstract Optional<String> availabilityZoneId();

  /** {@return absent when the snapshot does not say} */
  public abstract Optional<Integer> availableIpAddressCount();

  /** {@return lower-case state, {@code available} or {@code pending}; absent when not captured} */
  public abstract Optional<String> state();

  /** {@return {@code MapPublicIpOnLaunch} of the subnet (false when not given)} */
  @Value.Default
  public boolean mapPublicIpOnLaunch() {
    return false;
  }

  /** {@return the owner id, or empty} */
  public abstract Optional<String> ownerId();

  /** {@return the tags} */
  public abstract List<Tag> tags();

  /** {@return true when the state is known and is {@code available}} */
  public boolean isAvailable() {
    return state().map("available"::equalsIgnoreCase).orElse(false);
  }

  /**
   * Validates the values when an instance is built (an Immutables {@code @Value.Check}).
   */
  @Value.Check
  protected void check() {
    Ids.require(subnetId(), "subnetId");
  }
}
