package dev.vpctrain.core.network;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.immutables.value.Value;

/**
 * An IPv4 or IPv6 CIDR block such as {@code 10.20.0.0/16} or {@code 2600:1f18::/56}: the one parser
 * and value of an address range in vpctrain (the bundle reader validates with it, {@code reach}
 * matches routes, ACL entries and security-group rules with it, {@code policy} matches
 * {@code aws:SourceIp} with it). Host bits are cleared on parsing ({@code 10.20.1.7/16} is
 * {@code 10.20.0.0/16}); a bare address is a {@code /32} or {@code /128}. Blocks of different
 * families never cover or overlap each other. Many addresses at once: {@code reach.Ipv4RangeSet}.
 *
 * <p>The grammar is strict ASCII without white space: four decimal numbers 0–255 of one to three
 * digits; or RFC 4291 text (hex groups of one to four digits, one {@code ::} at most, a dotted IPv4
 * tail as the last group); then optionally {@code /} and a prefix length of one to three digits, at
 * most 32 or 128.
 */
@Value.Immutable(builder = false, copy = false)
public abstract class AbstractCidr implements Comparable<AbstractCidr> {
  private static final int V4 = 32;
  private static final int V6 = 128;

  /** {@code 0.0.0.0/0}: every IPv4 address. */
  public static final Cidr IPV4_ANY = ipv4(0, 0);

  /**
   * The IPv4 space that holds no public unicast address: "this network" {@code 0.0.0.0/8}, RFC 1918,
   * shared {@code 100.64.0.0/10}, loopback, link-local and {@code 224.0.0.0/3} (multicast, reserved).
   */
  public static final List<Cidr> NON_PUBLIC_IPV4 = List.of(
      ipv4(0x00000000, 8), // 0.0.0.0/8 "this network"
      ipv4(0x0A000000, 8), // 10.0.0.0/8
      ipv4(0x64400000, 10), // 100.64.0.0/10 shared address space
      ipv4(0x7F000000, 8), // 127.0.0.0/8
      ipv4(0xA9FE0000, 16), // 169.254.0.0/16 link local
      ipv4(0xAC100000, 12), // 172.16.0.0/12
      ipv4(0xC0A80000, 16), // 192.168.0.0/16
      ipv4(0xE0000000, 3)); // 224.0.0.0/3 multicast and reserved

  /** 32 for IPv4, 128 for IPv6. */
  @Value.Parameter
  abstract int addressBits();

  /** The upper 64 bits of an IPv6 network address; 0 for IPv4. */
  @Value.Parameter
  abstract long high();

  /** The lower 64 bits of an IPv6 network address, or the IPv4 network address as an unsigned 32-bit value. */
  @Value.Parameter
  abstract long low();

  /** {@return the prefix length, 0–32 for IPv4 and 0–128 for IPv6} */
  @Value.Parameter
  public abstract int prefixLength();

  @Value.Check
  void check() {
    boolean v4 = addressBits() == V4;
    if (!v4 && addressBits() != V6) {
      throw new IllegalArgumentException("address bits must be 32 or 128 but was " + addressBits());
    }
    if (prefixLength() < 0 || prefixLength() > addressBits()) {
      throw new IllegalArgumentException("prefix length must be 0-" + addressBits() + " but was " + prefixLength());
    }
    if (v4 && (high() != 0 || (low() >>> V4) != 0)) {
      throw new IllegalArgumentException("an IPv4 address has 32 bits");
    }
    int p = widePrefix();
    if ((high() & ~highMask(p)) != 0 || (low() & ~lowMask(p)) != 0) {
      throw new IllegalArgumentException("host bits must be clear in " + this);
    }
  }

  // ---- factories ----

  /**
   * {@return an IPv4 block from an address (host bits are cleared) and a prefix length 0–32}
   *
   * @param address the IPv4 address as an unsigned 32-bit value, for example {@code 0x0A140000} for {@code 10.20.0.0}
   * @param prefixLength the prefix length, 0 to 32
   * @throws IllegalArgumentException when the prefix length is out of range
   */
  public static Cidr ipv4(int address, int prefixLength) {
    if (prefixLength < 0 || prefixLength > V4) {
      throw new IllegalArgumentException("prefix length must be 0-32 but was " + prefixLength);
    }
    return Cidr.of(V4, 0, Integer.toUnsignedLong(address) & lowMask(V6 - V4 + prefixLength), prefixLength);
  }

  /**
   * {@return the single IPv4 address {@code address}/32}
   *
   * @param address the IPv4 address as an unsigned 32-bit value
   */
  public static Cidr ipv4Host(int address) {
    return ipv4(address, V4);
  }

  /**
   * Parses an IPv4 or IPv6 block, or a bare address (a {@code /32} or {@code /128}).
   *
   * @param text the block as EC2 writes it, for example {@code 10.20.0.0/16} or {@code 2600:1f18::/56}
   * @return the block, host bits cleared
   * @throws IllegalArgumentException naming the text and what was expected
   */
  public static Cidr parse(String text) {
    return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
        "expected an IPv4 or IPv6 CIDR block such as 10.0.0.0/16 or 2600:1f18::/56 but was '" + text + "'"));
  }

  /**
   * Parses an IPv4 block {@code a.b.c.d/n}, or a bare IPv4 address (a {@code /32}).
   *
   * @param text the block, for example {@code 10.20.0.0/16}
   * @return the IPv4 block, host bits cleared
   * @throws IllegalArgumentException naming the text and what was expected
   */
  public static Cidr parseIpv4(String text) {
    return tryParseIpv4(text).orElseThrow(() -> new IllegalArgumentException(
        "expected an IPv4 CIDR block such as 10.0.0.0/16 but was '" + text + "'"));
  }

  /**
   * Parses like {@link #parse}, empty when {@code text} is not a block or address of either family.
   *
   * @param text the block or address; {@code null} gives empty
   * @return the block, or empty when the text is not a CIDR block
   */
  public static Optional<Cidr> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Optional<Cidr> hit = PARSED.get(text);
    if (hit != null) {
      return hit;
    }
    Optional<Cidr> parsed = parseUncached(text);
    if (PARSED.size() >= PARSED_LIMIT) {
      PARSED.clear();
    }
    PARSED.put(text, parsed);
    return parsed;
  }

  /**
   * Parsed blocks by their text: a snapshot's CIDRs are parsed by many checks of every preflight,
   * and a {@link Cidr} is immutable, so each text is parsed once (bounded; cleared when full).
   */
  private static final Map<String, Optional<Cidr>> PARSED = new ConcurrentHashMap<>();

  private static final int PARSED_LIMIT = 1 << 16;

  private static Optional<Cidr> parseUncached(String text) {
    int slash = text.indexOf('/');
    Optional<Cidr> address = tryParseAddress(slash < 0 ? text : text.substring(0, slash));
    return slash < 0 ? address : address.flatMap(a -> a.withPrefixLength(text.substring(slash + 1)));
  }

  /**
   * Parses like {@link #parseIpv4}, empty when {@code text} is not an IPv4 block or address.
   *
   * @param text the IPv4 block or address; {@code null} gives empty
   * @return the IPv4 block, or empty when the text is not one
   */
  public static Optional<Cidr> tryParseIpv4(String text) {
    return tryParse(text).filter(AbstractCidr::isIpv4);
  }

  /**
   * {@return a bare IPv4 or IPv6 address as a {@code /32} or {@code /128}; empty when {@code text} is not one
   * (a block with a prefix length is not)}
   *
   * @param text the address, for example {@code 10.0.3.15}
   */
  public static Optional<Cidr> tryParseAddress(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (text.indexOf(':') >= 0) {
      long[] v6 = ipv6(text);
      return v6 == null ? Optional.empty() : Optional.of(Cidr.of(V6, v6[0], v6[1], V6));
    }
    long v4 = ipv4(text, 0, text.length());
    return v4 < 0 ? Optional.empty() : Optional.of(Cidr.of(V4, 0, v4, V4));
  }

  /**
   * {@return the IPv4 address as an unsigned 32-bit value}
   *
   * @param text a dotted-quad address, for example {@code 10.0.3.15}
   * @throws IllegalArgumentException when {@code text} is not a dotted quad
   */
  public static int parseIpv4Address(String text) {
    long a = text == null ? -1 : ipv4(text, 0, text.length());
    if (a < 0) {
      throw new IllegalArgumentException("expected an IPv4 address such as 10.0.0.1 but was '" + text + "'");
    }
    return (int) a;
  }

  /**
   * {@return true when {@code text} is a dotted-quad IPv4 address (without a prefix length)}
   *
   * @param text the text to test
   */
  public static boolean isIpv4Address(String text) {
    return text != null && ipv4(text, 0, text.length()) >= 0;
  }

  /**
   * {@return the IPv4 address {@code a} in dotted-quad form}
   *
   * @param a the address as an unsigned 32-bit value
   */
  public static String formatIpv4(int a) {
    return (a >>> 24) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
  }

  /**
   * {@return this block's address with the prefix length in {@code text} (one to three decimal digits, at
   * most 32 or 128), host bits cleared; empty when {@code text} is not such a prefix length}
   *
   * @param text the prefix length as text, for example {@code 24}
   */
  public Optional<Cidr> withPrefixLength(String text) {
    if (text.isEmpty() || text.length() > 3) {
      return Optional.empty();
    }
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
      n = n * 10 + (c - '0');
    }
    if (n > addressBits()) {
      return Optional.empty();
    }
    int p = n + V6 - addressBits();
    return Optional.of(Cidr.of(addressBits(), high() & highMask(p), low() & lowMask(p), n));
  }

  /**
   * For an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, a {@code /128}) the IPv4 address
   * {@code a.b.c.d/32}; otherwise this block.
   *
   * @return the IPv4 block, or this block
   */
  public Cidr unmapIpv4() {
    if (isIpv6() && prefixLength() == V6 && high() == 0 && (low() >>> V4) == 0xFFFFL) {
      return ipv4Host((int) low());
    }
    return (Cidr) this;
  }

  // ---- properties ----

  /** {@return true for an IPv4 block} */
  public boolean isIpv4() {
    return addressBits() == V4;
  }

  /** {@return true for an IPv6 block} */
  public boolean isIpv6() {
    return addressBits() == V6;
  }

  /**
   * {@return the network address of an IPv4 block as an int}
   *
   * @throws IllegalStateException for an IPv6 block
   */
  public int ipv4Network() {
    if (!isIpv4()) {
      throw new IllegalStateException(this + " is not an IPv4 block");
    }
    return (int) low();
  }

  /** {@return the number of addresses in the block; {@link Long#MAX_VALUE} for an IPv6 block of more} */
  public long size() {
    int hostBits = addressBits() - prefixLength();
    return hostBits >= 63 ? Long.MAX_VALUE : 1L << hostBits;
  }

  /** {@return true for {@code 0.0.0.0/0} and {@code ::/0}} */
  public boolean isDefault() {
    return prefixLength() == 0;
  }

  /**
   * {@return true when this is an IPv4 block and holds the IPv4 {@code address}}
   *
   * @param address the IPv4 address as an unsigned 32-bit value
   */
  public boolean contains(int address) {
    return isIpv4() && (Integer.toUnsignedLong(address) & lowMask(widePrefix())) == low();
  }

  /**
   * {@return true when the dotted-quad {@code address} is in this block}
   *
   * @param address a dotted-quad IPv4 address, for example {@code 10.0.3.15}
   * @throws IllegalArgumentException when {@code address} is not a dotted quad
   */
  public boolean contains(String address) {
    return contains(parseIpv4Address(address));
  }

  /**
   * {@return true when every address of {@code other} is in this block (never across families)}
   *
   * @param other the other CIDR block
   */
  public boolean covers(AbstractCidr other) {
    int p = widePrefix();
    return addressBits() == other.addressBits() && prefixLength() <= other.prefixLength()
        && (other.high() & highMask(p)) == high() && (other.low() & lowMask(p)) == low();
  }

  /**
   * {@return true when the two blocks share an address (one then covers the other)}
   *
   * @param other the other CIDR block
   */
  public boolean overlaps(AbstractCidr other) {
    return covers(other) || other.covers(this);
  }

  /**
   * {@return true when the IPv4 block holds no public unicast address: it lies inside private (RFC 1918),
   * shared (100.64/10), loopback, link-local, "this network" or multicast/reserved space} IPv6
   * space is not classified: false for an IPv6 block.
   */
  public boolean isNonPublic() {
    for (Cidr c : NON_PUBLIC_IPV4) {
      if (c.covers(this)) {
        return true;
      }
    }
    return false;
  }

  /** Orders IPv4 before IPv6, then by network address (unsigned), then by prefix length. */
  @Override
  public int compareTo(AbstractCidr o) {
    int c = Integer.compare(addressBits(), o.addressBits());
    if (c == 0) {
      c = Long.compareUnsigned(high(), o.high());
    }
    if (c == 0) {
      c = Long.compareUnsigned(low(), o.low());
    }
    return c != 0 ? c : Integer.compare(prefixLength(), o.prefixLength());
  }

  /** {@code 10.20.0.0/16}; IPv6 in RFC 5952 form, {@code 2600:1f18::/56}. */
  @Override
  public String toString() {
    return (isIpv4() ? formatIpv4((int) low()) : formatIpv6(high(), low())) + "/" + prefixLength();
  }

  // ---- bit arithmetic: an IPv4 block is a 128-bit value whose prefix counts 96 more bits ----

  private int widePrefix() {
    return prefixLength() + V6 - addressBits();
  }

  private static long highMask(int widePrefix) {
    return widePrefix == 0 ? 0 : widePrefix >= 64 ? -1L : -1L << (64 - widePrefix);
  }

  private static long lowMask(int widePrefix) {
    return widePrefix <= 64 ? 0 : -1L << (V6 - widePrefix);
  }

  // ---- text ----

  /** The IPv4 address in {@code s[from, to)} as a non-negative long, or -1. */
  private static long ipv4(String s, int from, int to) {
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

  /** The IPv6 address in {@code s} as {high, low}, or null. */
  private static long[] ipv6(String s) {
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
      return null;
    }
    int[] head = groups(dbl < 0 ? s : s.substring(0, dbl), dbl < 0);
    int[] tail = dbl < 0 ? new int[0] : groups(s.substring(dbl + 2), true);
    if (head == null || tail == null) {
      return null;
    }
    int total = head.length + tail.length;
    if (dbl < 0 ? total != 8 : total > 7) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    long high = 0;
    long low = 0;
    for (int i = 0; i < 4; i++) {
      high = (high << 16) | all[i];
      low = (low << 16) | all[i + 4];
    }
    return new long[] {high, low};
  }

  /** The 16-bit groups of colon-separated hex, the last of which may be a dotted IPv4 address when {@code ipv4Tail}. */
  private static int[] groups(String s, boolean ipv4Tail) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int[] out = new int[parts.length + 1];
    int k = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (ipv4Tail && i == parts.length - 1 && p.indexOf('.') >= 0) {
        long v4 = ipv4(p, 0, p.length());
        if (v4 < 0) {
          return null;
        }
        out[k++] = (int) (v4 >>> 16);
        out[k++] = (int) (v4 & 0xFFFF);
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      int v = 0;
      for (int j = 0; j < p.length(); j++) {
        int d = hexDigit(p.charAt(j));
        if (d < 0) {
          return null;
        }
        v = v * 16 + d;
      }
      out[k++] = v;
    }
    int[] r = new int[k];
    System.arraycopy(out, 0, r, 0, k);
    return r;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** RFC 5952: lower-case hex, the longest run of two or more zero groups (the first of equals) as {@code ::}. */
  private static String formatIpv6(long high, long low) {
    int[] g = new int[8];
    for (int i = 0; i < 4; i++) {
      g[i] = (int) (high >>> (48 - 16 * i)) & 0xFFFF;
      g[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xFFFF;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = Math.max(i, j);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
