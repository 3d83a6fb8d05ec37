package dev.vpctrain.core.network;

import java.util.Optional;
import org.immutables.value.Value;

/** One attachment of an internet gateway to a VPC. */
@Value.Immutable
abstract class AbstractIgwAttachment {
  /** {@return the VPC id} */
  @Value.Parameter
  public abstract String vpcId();

  /** {@return the state, or empty} */
  @Value.Parameter
  public abstract Optional<String> state();
}
