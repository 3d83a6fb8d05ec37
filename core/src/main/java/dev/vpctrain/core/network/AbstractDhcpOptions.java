package dev.vpctrain.core.network;

import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** A DHCP option set: key (for example {@code domain-name-servers}) to its values. */
@Value.Immutable
abstract class AbstractDhcpOptions {
  public abstract String dhcpOptionsId();

  public abstract Map<String, List<String>> configurations();
}
