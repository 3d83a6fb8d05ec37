package dev.vpctrain.core.network;

import org.immutables.value.Value;

/** An EC2 tag. */
@Value.Immutable
abstract class AbstractTag {
  /** {@return the tag key, for example {@code Name}} */
  @Value.Parameter
  public abstract String key();

  /** {@return the tag value; may be empty} */
  @Value.Parameter
  public abstract String value();
}
