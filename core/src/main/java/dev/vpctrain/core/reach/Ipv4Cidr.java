package dev.vpctrain.core.reach;

import java.util.Objects;
import java.util.Optional;

/** An IPv4 CIDR block such as {@code 10.20.0.0/16}; a bare address is a {@code /32}. */
public final class Ipv4Cidr implements Comparable<Ipv4Cidr> {
  /** {@code 0.0.0.0/0}. */
  public static final Ipv4Cidr ANY = new Ipv4Cidr(0L, 0);

  private final long base;
  private final int prefix;

  private Ipv4Cidr(long base, int prefix) {
    this.base = base;
    this.prefix = prefix;
  }

  /** Parses {@code a.b.c.d/n} or {@code a.b.c.d}; host bits are cleared, as EC2 does. */
  public static Ipv4Cidr parse(String text) {
    return tryParse(text).orElseThrow(() ->
        new IllegalArgumentException("expected an IPv4 CIDR block such as 10.0.0.0/16 but was '" + text + "'"));
  }

  /** Parses like {@link #parse}, empty when {@code text} is not an IPv4 CIDR. */
  public static Optional<Ipv4Cidr> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    int slash = t.indexOf('/');
    int prefix = 32;
    String addr = t;
    if (slash >= 0) {
      addr = t.substring(0, slash);
      String p = t.substring(slash + 1);
      if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(p);
      if (prefix > 32) {
        return Optional.empty();
      }
    }
    long ip = parseAddress(addr);
    if (ip < 0) {
      return Optional.empty();
    }
    long mask = prefix == 0 ? 0L : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    return Optional.of(new Ipv4Cidr(ip & mask, prefix));
  }

  private static long parseAddress(String addr) {
    String[] parts = addr.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long ip = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return -1;
      }
      ip = (ip << 8) | octet;
    }
    return ip;
  }

  /** The first address, as an unsigned 32-bit value. */
  public long first() {
    return base;
  }

  /** The last address, as an unsigned 32-bit value. */
  public long last() {
    return base + size() - 1;
  }

  public int prefixLength() {
    return prefix;
  }

  /** The number of addresses. */
  public long size() {
    return 1L << (32 - prefix);
  }

  /** True when every address of {@code other} is in this block. */
  public boolean contains(Ipv4Cidr other) {
    return first() <= other.first() && other.last() <= last();
  }

  /** True when the two blocks share an address. */
  public boolean overlaps(Ipv4Cidr other) {
    return first() <= other.last() && other.first() <= last();
  }

  static String format(long ip) {
    return ((ip >> 24) & 0xFF) + "." + ((ip >> 16) & 0xFF) + "." + ((ip >> 8) & 0xFF) + "." + (ip & 0xFF);
  }

  @Override
  public int compareTo(Ipv4Cidr o) {
    int c = Long.compare(base, o.base);
    return c != 0 ? c : Integer.compare(prefix, o.prefix);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ipv4Cidr && ((Ipv4Cidr) o).base == base && ((Ipv4Cidr) o).prefix == prefix;
  }

  @Override
  public int hashCode() {
    return Objects.hash(base, prefix);
  }

  @Override
  public String toString() {
    return format(base) + "/" + prefix;
  }
}
