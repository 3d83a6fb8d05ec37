package dev.vpctrain.core.internal.policy;

import dev.vpctrain.core.network.Cidr;
import java.util.Optional;

/**
 * The values of the {@code IpAddress} and {@code NotIpAddress} condition operators, read with the
 * one CIDR parser ({@link Cidr}): a bare address is a {@code /32} or {@code /128}, and an
 * IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is its IPv4 address, also in front of a prefix.
 */
final class IpRange {
  private IpRange() {}

  /** Parses {@code 10.0.0.0/8}, {@code 203.0.113.7}, {@code 2001:db8::/32}; empty when malformed. */
  static Optional<Cidr> parse(String text) {
    String s = text.trim();
    int slash = s.indexOf('/');
    Optional<Cidr> address = parseAddress(slash < 0 ? s : s.substring(0, slash));
    return slash < 0 ? address : address.flatMap(a -> a.withPrefixLength(s.substring(slash + 1)));
  }

  /** An address as a {@code /32} (also an IPv4-mapped IPv6 address) or {@code /128}; empty when malformed. */
  static Optional<Cidr> parseAddress(String text) {
    return Cidr.tryParseAddress(text).map(Cidr::unmapIpv4);
  }
}
