package dev.vpctrain.core.network;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A subnet ({@code DescribeSubnets}). */
@Value.Immutable
abstract class AbstractSubnet {
  public abstract String subnetId();

  public abstract String vpcId();

  public abstract Optional<String> cidrBlock();

  public abstract Optional<String> availabilityZone();

  public abstract Optional<String> availabilityZoneId();

  /** Absent when the snapshot does not say. */
  public abstract Optional<Integer> availableIpAddressCount();

  /** Lower-case state, {@code available} or {@code pending}; absent when not captured. */
  public abstract Optional<String> state();

  @Value.Default
  public boolean mapPublicIpOnLaunch() {
    return false;
  }

  public abstract Optional<String> ownerId();

  public abstract List<Tag> tags();

  /** True when the state is known and is {@code available}. */
  public boolean isAvailable() {
    return state().map("available"::equalsIgnoreCase).orElse(false);
  }

  @Value.Check
  protected void check() {
    Ids.require(subnetId(), "subnetId");
  }
}
