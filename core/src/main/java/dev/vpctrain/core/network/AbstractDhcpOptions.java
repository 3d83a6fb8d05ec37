package dev.vpctrain.core.network;

import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** A DHCP option set: key (for example {@code domain-name-servers}) to its values. */
@Value.Immutable
abstract class AbstractDhcpOptions {
  /** {@return the DHCP options id} */
  public abstract String dhcpOptionsId();

  /** {@return the configurations} */
  public abstract Map<String, List<String>> configurations();
}
