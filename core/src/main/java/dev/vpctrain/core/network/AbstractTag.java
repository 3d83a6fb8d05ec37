package dev.vpctrain.core.network;

import org.immutables.value.Value;

/** An EC2 tag. */
@Value.Immutable
abstract class AbstractTag {
  /** {@return the key} */
  @Value.Parameter
  public abstract String key();

  /** {@return the value} */
  @Value.Parameter
  public abstract String value();
}
