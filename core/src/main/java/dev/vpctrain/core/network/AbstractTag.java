package dev.vpctrain.core.network;

import org.immutables.value.Value;

/** An EC2 tag. */
@Value.Immutable
abstract class AbstractTag {
  @Value.Parameter
  public abstract String key();

  @Value.Parameter
  public abstract String value();
}
