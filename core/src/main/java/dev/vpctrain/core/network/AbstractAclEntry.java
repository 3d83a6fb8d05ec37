package dev.vpctrain.core.network;

import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/** One network ACL entry. Evaluated in rule-number order per direction; first match wins. */
@Value.Immutable
abstract class AbstractAclEntry {
  /** {@return the rule number} */
  public abstract int ruleNumber();

  /** {@return true for an outbound entry} */
  public abstract boolean egress();

  /** {@return {@code -1} (all) or a protocol number ({@code 6} TCP, {@code 17} UDP, {@code 1} ICMP)} */
  public abstract String protocol();

  /** {@return true for {@code allow}, false for {@code deny}} */
  public abstract boolean allow();

  /** {@return the CIDR block, or empty} */
  public abstract Optional<String> cidrBlock();

  /** {@return the IPv6 CIDR block, or empty} */
  public abstract Optional<String> ipv6CidrBlock();

  /** {@return port range start (TCP/UDP); absent means every port} */
  public abstract Optional<Integer> portFrom();

  /** {@return port range end (TCP/UDP); absent means every port} */
  public abstract Optional<Integer> portTo();

  /** {@return the ICMP type, or empty} */
  public abstract Optional<Integer> icmpType();

  /** {@return the ICMP code, or empty} */
  public abstract Optional<Integer> icmpCode();

  /**
   * Normalizes the protocol name to its number, as the ACL API returns it.
   *
   * @return this entry, or a normalized copy of it
   */
  @Value.Check
  protected AbstractAclEntry normalize() {
    String p = protocol().toLowerCase(Locale.ROOT);
    String n;
    switch (p) {
      case "all":
        n = "-1";
        break;
      case "tcp":
        n = "6";
        break;
      case "udp":
        n = "17";
        break;
      case "icmp":
        n = "1";
        break;
      default:
        n = p;
    }
    return n.equals(protocol()) ? this : AclEntry.copyOf(this).withProtocol(n);
  }
}
