package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A subnet ({@code DescribeSubnets}). */
@Value.Immutable
abstract class AbstractSubnet {
  /** {@return {@code SubnetId}, for example {@code subnet-0a1b2c3d4e5f60718}} */
  public abstract String subnetId();

  /** {@return {@code VpcId}} */
  public abstract String vpcId();

  /** {@return {@code CidrBlock}: the subnet's IPv4 range; empty for an IPv6-only subnet or when not captured} */
  public abstract Optional<String> cidrBlock();

  /** {@return {@code AvailabilityZone}, for example {@code us-east-1a}; empty when not captured} */
  public abstract Optional<String> availabilityZone();

  /** {@return {@code AvailabilityZoneId}, for example {@code use1-az4}: the same zone in every account; empty when not captured} */
  public abstract Optional<String> availabilityZoneId();

  /** {@return {@code AvailableIpAddressCount}: the free IPv4 addresses; empty when the snapshot does not say} */
  public abstract Optional<Integer> availableIpAddressCount();

  /** {@return lower-case state, {@code available} or {@code pending}; absent when not captured} */
  public abstract Optional<String> state();

  /** {@return {@code MapPublicIpOnLaunch} of the subnet (false when not given)} */
  @Value.Default
  public boolean mapPublicIpOnLaunch() {
    return false;
  }

  /** {@return {@code OwnerId}: the account that owns it; empty when not captured} */
  public abstract Optional<String> ownerId();

  /** {@return {@code Tags}; empty when it has none} */
  public abstract List<Tag> tags();

  /** {@return true when the state is known and is {@code available}} */
  public boolean isAvailable() {
    return state().map("available"::equalsIgnoreCase).orElse(false);
  }

  /**
   * Checks the values when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalStateException when the subnet id is blank
   */
  @Value.Check
  protected void check() {
    Ids.require(subnetId(), "subnetId");
  }
}
