package dev.vpctrain.core.network;

import java.util.Optional;
import org.immutables.value.Value;

/** One attachment of an internet gateway to a VPC. */
@Value.Immutable
abstract class AbstractIgwAttachment {
  @Value.Parameter
  public abstract String vpcId();

  @Value.Parameter
  public abstract Optional<String> state();
}
