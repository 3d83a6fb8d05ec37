package dev.vpctrain.core.network;

import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/** One network ACL entry. Evaluated in rule-number order per direction; first match wins. */
@Value.Immutable
abstract class AbstractAclEntry {
  public abstract int ruleNumber();

  /** True for an outbound entry. */
  public abstract boolean egress();

  /** {@code -1} (all) or a protocol number ({@code 6} TCP, {@code 17} UDP, {@code 1} ICMP). */
  public abstract String protocol();

  /** True for {@code allow}, false for {@code deny}. */
  public abstract boolean allow();

  public abstract Optional<String> cidrBlock();

  public abstract Optional<String> ipv6CidrBlock();

  /** Port range start (TCP/UDP); absent means every port. */
  public abstract Optional<Integer> portFrom();

  /** Port range end (TCP/UDP); absent means every port. */
  public abstract Optional<Integer> portTo();

  public abstract Optional<Integer> icmpType();

  public abstract Optional<Integer> icmpCode();

  /** Normalizes the protocol name to its number, as the ACL API returns it. */
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
