package dev.vpctrain.core.network;

import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** A DHCP option set: key (for example {@code domain-name-servers}) to its values. */
@Value.Immutable
abstract class AbstractDhcpOptions {
  /** {@return {@code DhcpOptionsId}, for example {@code dopt-0123456789abcdef0}} */
  public abstract String dhcpOptionsId();

  /** {@return {@code DhcpConfigurations}: each key (for example {@code domain-name-servers}) to its values, in order} */
  public abstract Map<String, List<String>> configurations();
}
