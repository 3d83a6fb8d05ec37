package dev.vpctrain.core.network;

import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/** One network ACL entry. Evaluated in rule-number order per direction; first match wins. */
@Value.Immutable
abstract class AbstractAclEntry {
  /** {@return {@code RuleNumber}: entries are evaluated from the lowest number up; 32767 is the final deny} */
  public abstract int ruleNumber();

  /** {@return true for an outbound entry} */
  public abstract boolean egress();

  /** {@return {@code -1} (all) or a protocol number ({@code 6} TCP, {@code 17} UDP, {@code 1} ICMP)} */
  public abstract String protocol();

  /** {@return true for {@code allow}, false for {@code deny}} */
  public abstract boolean allow();

  /** {@return {@code CidrBlock}: the IPv4 range the entry matches; empty for an IPv6 entry} */
  public abstract Optional<String> cidrBlock();

  /** {@return {@code Ipv6CidrBlock}: the IPv6 range the entry matches; empty for an IPv4 entry} */
  public abstract Optional<String> ipv6CidrBlock();

  /** {@return port range start (TCP/UDP); absent means every port} */
  public abstract Optional<Integer> portFrom();

  /** {@return port range end (TCP/UDP); absent means every port} */
  public abstract Optional<Integer> portTo();

  /** {@return {@code IcmpTypeCode.Type} for an ICMP entry ({@code -1} is every type); empty otherwise} */
  public abstract Optional<Integer> icmpType();

  /** {@return {@code IcmpTypeCode.Code} for an ICMP entry ({@code -1} is every code); empty otherwise} */
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
