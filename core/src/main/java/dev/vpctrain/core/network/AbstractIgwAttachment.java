package dev.vpctrain.core.network;

import java.util.Optional;
import org.immutables.value.Value;

/** One attachment of an internet gateway to a VPC. */
@Value.Immutable
abstract class AbstractIgwAttachment {
  /** {@return {@code VpcId}: the VPC the gateway is attached to} */
  @Value.Parameter
  public abstract String vpcId();

  /** {@return {@code State}, for example {@code available} or {@code attached}; empty when not captured} */
  @Value.Parameter
  public abstract Optional<String> state();
}
