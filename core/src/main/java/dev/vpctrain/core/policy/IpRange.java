package dev.vpctrain.core.policy;

/** An IPv4 or IPv6 CIDR block (a bare address is a /32 or /128), parsed by hand. */
final class IpRange {
  private final byte[] network;
  private final int prefix;

  private IpRange(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /** Parses {@code 10.0.0.0/8}, {@code 203.0.113.7}, {@code 2001:db8::/32}; null when malformed. */
  static IpRange parse(String text) {
    String s = text.trim();
    int slash = s.indexOf('/');
    byte[] address = parseAddress(slash < 0 ? s : s.substring(0, slash));
    if (address == null) {
      return null;
    }
    int bits = address.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return null;
      }
      prefix = Integer.parseInt(p);
      if (prefix > bits) {
        return null;
      }
    }
    byte[] net = address.clone();
    for (int i = 0; i < net.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      net[i] = (byte) (net[i] & (0xFF << (8 - keep)));
    }
    return new IpRange(net, prefix);
  }

  /** True when {@code address} (parsed with {@link #parseAddress}) lies in this block. */
  boolean contains(byte[] address) {
    if (address == null || address.length != network.length) {
      return false;
    }
    for (int i = 0; i < network.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      int mask = (0xFF << (8 - keep)) & 0xFF;
      if ((address[i] & mask) != (network[i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }

  /** 4 bytes for IPv4 (also an IPv4-mapped IPv6 address), 16 for IPv6; null when malformed. */
  static byte[] parseAddress(String s) {
    if (s.indexOf(':') >= 0) {
      byte[] v6 = parseIpv6(s);
      if (v6 != null && isV4Mapped(v6)) {
        return new byte[] {v6[12], v6[13], v6[14], v6[15]};
      }
      return v6;
    }
    return parseIpv4(s);
  }

  private static boolean isV4Mapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
  }

  private static byte[] parseIpv4(String s) {
    byte[] out = new byte[4];
    int part = 0;
    int i = 0;
    int n = s.length();
    while (part < 4) {
      int start = i;
      int v = 0;
      while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) <= '9') {
        v = v * 10 + (s.charAt(i) - '0');
        i++;
        if (i - start > 3) {
          return null;
        }
      }
      if (i == start || v > 255) {
        return null;
      }
      out[part++] = (byte) v;
      if (part < 4) {
        if (i >= n || s.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    return i == n ? out : null;
  }

  private static byte[] parseIpv6(String s) {
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
      return null;
    }
    String head = dbl < 0 ? s : s.substring(0, dbl);
    String tail = dbl < 0 ? "" : s.substring(dbl + 2);
    int[] h = groups(head);
    int[] t = groups(tail);
    if (h == null || t == null) {
      return null;
    }
    int total = h.length + t.length;
    if ((dbl < 0 && total != 16) || (dbl >= 0 && total > 14)) {
      return null;
    }
    byte[] out = new byte[16];
    for (int i = 0; i < h.length; i++) {
      out[i] = (byte) h[i];
    }
    for (int i = 0; i < t.length; i++) {
      out[16 - t.length + i] = (byte) t[i];
    }
    return out;
  }

  /** The bytes of colon-separated hex groups, the last of which may be a dotted IPv4 address. */
  private static int[] groups(String s) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int[] out = new int[parts.length * 2 + 2];
    int k = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && p.indexOf('.') >= 0) {
        byte[] v4 = parseIpv4(p);
        if (v4 == null) {
          return null;
        }
        for (byte b : v4) {
          out[k++] = b & 0xFF;
        }
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      int v = 0;
      for (int j = 0; j < p.length(); j++) {
        int d = Character.digit(p.charAt(j), 16);
        if (d < 0 || p.charAt(j) > 'f') {
          return null;
        }
        v = v * 16 + d;
      }
      out[k++] = v >> 8;
      out[k++] = v & 0xFF;
    }
    int[] r = new int[k];
    System.arraycopy(out, 0, r, 0, k);
    return r;
  }
}
