package dev.vpctrain.core.reach;

import java.util.Optional;

/**
 * An IPv4 CIDR block such as {@code 10.20.0.0/16}, held as two ints. Host bits are cleared on
 * parsing ({@code 10.20.1.7/16} is {@code 10.20.0.0/16}). Immutable and cheap to compare.
 */
public final class Cidr implements Comparable<Cidr> {
  /** {@code 0.0.0.0/0}: every IPv4 address. */
  public static final Cidr ANY = new Cidr(0, 0);

  private static final Cidr[] NON_PUBLIC = {
      new Cidr(0x00000000, 8), // 0.0.0.0/8 "this network"
      new Cidr(0x0A000000, 8), // 10.0.0.0/8
      new Cidr(0x64400000, 10), // 100.64.0.0/10 shared address space
      new Cidr(0x7F000000, 8), // 127.0.0.0/8
      new Cidr(0xA9FE0000, 16), // 169.254.0.0/16 link local
      new Cidr(0xAC100000, 12), // 172.16.0.0/12
      new Cidr(0xC0A80000, 16), // 192.168.0.0/16
      new Cidr(0xE0000000, 3), // 224.0.0.0/3 multicast and reserved
  };

  private final int network;
  private final int prefixLength;

  private Cidr(int network, int prefixLength) {
    this.network = network & mask(prefixLength);
    this.prefixLength = prefixLength;
  }

  /** A block from its network address (host bits are cleared) and prefix length 0–32. */
  public static Cidr of(int address, int prefixLength) {
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefix length must be 0-32 but was " + prefixLength);
    }
    return new Cidr(address, prefixLength);
  }

  /** The single address {@code address}/32. */
  public static Cidr host(int address) {
    return new Cidr(address, 32);
  }

  /**
   * Parses {@code a.b.c.d/n} (or a bare address, meaning {@code /32}).
   *
   * @throws IllegalArgumentException naming the text and what was expected
   */
  public static Cidr parse(String text) {
    Cidr c = parseOrNull(text);
    if (c == null) {
      throw new IllegalArgumentException("expected an IPv4 CIDR block such as 10.0.0.0/16 but was '" + text + "'");
    }
    return c;
  }

  /** Parses like {@link #parse}, empty when {@code text} is not an IPv4 CIDR block. */
  public static Optional<Cidr> tryParse(String text) {
    return Optional.ofNullable(parseOrNull(text));
  }

  /** The address as an int, or throws {@link IllegalArgumentException} when {@code text} is not a dotted quad. */
  public static int parseAddress(String text) {
    long a = address(text, 0, text == null ? 0 : text.length());
    if (a < 0) {
      throw new IllegalArgumentException("expected an IPv4 address such as 10.0.0.1 but was '" + text + "'");
    }
    return (int) a;
  }

  /** True when {@code text} is a dotted-quad IPv4 address. */
  public static boolean isAddress(String text) {
    return text != null && address(text, 0, text.length()) >= 0;
  }

  private static Cidr parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    int slash = t.indexOf('/');
    int end = slash < 0 ? t.length() : slash;
    long a = address(t, 0, end);
    if (a < 0) {
      return null;
    }
    int prefix = 32;
    if (slash >= 0) {
      int n = t.length() - slash - 1;
      if (n < 1 || n > 2) {
        return null;
      }
      prefix = 0;
      for (int i = slash + 1; i < t.length(); i++) {
        char c = t.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        prefix = prefix * 10 + (c - '0');
      }
      if (prefix > 32) {
        return null;
      }
    }
    return new Cidr((int) a, prefix);
  }

  /** The address in {@code s[from, to)} as a non-negative long, or -1. */
  private static long address(String s, int from, int to) {
    long result = 0;
    int octets = 0;
    int value = -1;
    int digits = 0;
    for (int i = from; i <= to; i++) {
      char c = i == to ? '.' : s.charAt(i);
      if (c == '.') {
        if (value < 0 || octets == 4) {
          return -1;
        }
        result = (result << 8) | value;
        octets++;
        value = -1;
        digits = 0;
      } else if (c >= '0' && c <= '9') {
        if (++digits > 3) {
          return -1;
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (value > 255) {
          return -1;
        }
      } else {
        return -1;
      }
    }
    return octets == 4 ? result : -1;
  }

  private static int mask(int prefixLength) {
    return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
  }

  /** The network address as an int. */
  public int network() {
    return network;
  }

  /** The prefix length, 0–32. */
  public int prefixLength() {
    return prefixLength;
  }

  /** The number of addresses in the block. */
  public long size() {
    return 1L << (32 - prefixLength);
  }

  /** True for {@code 0.0.0.0/0}. */
  public boolean isDefault() {
    return prefixLength == 0;
  }

  /** True when {@code address} is in this block. */
  public boolean contains(int address) {
    return (address & mask(prefixLength)) == network;
  }

  /** True when the dotted-quad {@code address} is in this block. */
  public boolean contains(String address) {
    return contains(parseAddress(address));
  }

  /** True when every address of {@code other} is in this block. */
  public boolean covers(Cidr other) {
    return prefixLength <= other.prefixLength && contains(other.network);
  }

  /** True when the two blocks share an address (one then covers the other). */
  public boolean overlaps(Cidr other) {
    return covers(other) || other.covers(this);
  }

  /**
   * True when the block holds no public unicast address: it lies inside private (RFC 1918), shared
   * (100.64/10), loopback, link-local, "this network" or multicast/reserved space.
   */
  public boolean isNonPublic() {
    for (Cidr c : NON_PUBLIC) {
      if (c.covers(this)) {
        return true;
      }
    }
    return false;
  }

  /** The address {@code a} in dotted-quad form. */
  public static String format(int a) {
    return (a >>> 24) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
  }

  /** Orders by network address (unsigned), then by prefix length. */
  @Override
  public int compareTo(Cidr o) {
    int c = Integer.compareUnsigned(network, o.network);
    return c != 0 ? c : Integer.compare(prefixLength, o.prefixLength);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr && ((Cidr) o).network == network && ((Cidr) o).prefixLength == prefixLength;
  }

  @Override
  public int hashCode() {
    return network * 31 + prefixLength;
  }

  @Override
  public String toString() {
    return format(network) + "/" + prefixLength;
  }
}
