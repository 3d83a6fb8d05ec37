package dev.vpctrain.aws.bundle;

import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.aws.internal.ec2.Ec2Mapping;
import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.core.network.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Range and shape checks of the bundle's scalar values ("validation is complete at
 * read time"): CIDR blocks, IP addresses, ports, protocols, ACL rule numbers and resource ids. Each
 * check throws {@link InvalidInputException} naming the file, the JSON path and what was expected.
 * CIDR blocks and addresses are parsed by core's {@link Cidr}, the parser the rules use, so that
 * every block the bundle admits is one the rules can read.
 */
final class BundleValues {
  private static final Pattern HEX_ID = Pattern.compile("([a-z]+)-[0-9a-f]+");
  private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z]+)+-[0-9]+");

  /** The protocol names the security-group API returns (besides {@code -1} and numbers). */
  private static final List<String> SG_PROTOCOL_NAMES = List.of("tcp", "udp", "icmp", "icmpv6");

  private BundleValues() {}

  /** Required member {@code name}: a resource id {@code <prefix>-<hex>} with one of {@code prefixes}. */
  static String id(JsonInput o, String name, String... prefixes) {
    return idValue(o.member(name), o.string(name), prefixes);
  }

  /** Optional member {@code name}: a resource id, see {@link #id}. */
  static Optional<String> optId(JsonInput o, String name, String... prefixes) {
    return o.optString(name).map(v -> idValue(o.member(name), v, prefixes));
  }

  /** Member {@code name}: a list of resource ids. */
  static List<String> ids(JsonInput o, String name, String... prefixes) {
    List<String> out = new ArrayList<>();
    for (JsonInput e : o.array(name)) {
      out.add(idValue(e, e.asString(), prefixes));
    }
    return out;
  }

  /** {@code value} at {@code at}: a resource id {@code <prefix>-<lower-case hex>}. */
  static String idValue(JsonInput at, String value, String... prefixes) {
    var m = HEX_ID.matcher(value);
    if (m.matches()) {
      for (String p : prefixes) {
        if (p.equals(m.group(1))) {
          return value;
        }
      }
    }
    throw at.error("expected " + describePrefixes(prefixes) + " followed by lower-case hex digits (such as "
        + prefixes[0] + "-0a1b2c3d4e5f60718) but was \"" + value + "\"");
  }

  private static String describePrefixes(String... prefixes) {
    List<String> names = new ArrayList<>();
    for (String p : prefixes) {
      names.add(p + "-");
    }
    return names.size() == 1 ? "an id " + names.get(0) : "an id " + String.join(", ", names.subList(0, names.size() - 1))
        + " or " + names.get(names.size() - 1);
  }

  /** True for a region name such as {@code us-east-1}, {@code us-gov-west-1} or {@code eusc-de-east-1}. */
  static boolean isRegion(String name) {
    return REGION.matcher(name).matches();
  }

  /** The bundle's {@code region}: a region name such as {@code us-east-1}. */
  static String region(JsonInput root) {
    String r = root.string("region");
    if (!REGION.matcher(r).matches()) {
      throw root.member("region").error("expected an AWS region name such as us-east-1 but was \"" + r + "\"");
    }
    return r;
  }

  /** Optional member {@code name}: an IPv4 CIDR block {@code a.b.c.d/n}, prefix 0–32 (host bits tolerated). */
  static Optional<String> optCidr4(JsonInput o, String name) {
    return o.optString(name).map(v -> cidr4(o.member(name), v));
  }

  /** {@code value} at {@code at}: an IPv4 CIDR block. */
  static String cidr4(JsonInput at, String value) {
    if (value.indexOf('/') < 0 || Cidr.tryParseIpv4(value).isEmpty()) {
      throw at.error("expected an IPv4 CIDR block such as 10.0.0.0/16 (four numbers 0-255 and a prefix length 0-32) "
          + "but was \"" + value + "\"");
    }
    return value;
  }

  /** Optional member {@code name}: an IPv6 CIDR block, prefix 0–128. */
  static Optional<String> optCidr6(JsonInput o, String name) {
    return o.optString(name).map(v -> cidr6(o.member(name), v));
  }

  /** {@code value} at {@code at}: an IPv6 CIDR block. */
  static String cidr6(JsonInput at, String value) {
    if (value.indexOf('/') < 0 || Cidr.tryParse(value).filter(Cidr::isIpv6).isEmpty()) {
      throw at.error("expected an IPv6 CIDR block such as 2600:1f18::/56 (prefix length 0-128) but was \"" + value + "\"");
    }
    return value;
  }

  /** {@code value} at {@code at}: an IPv4 or IPv6 CIDR block. */
  static String cidr(JsonInput at, String value) {
    if (value.indexOf(':') >= 0) {
      return cidr6(at, value);
    }
    return cidr4(at, value);
  }

  /** Required member {@code name}: an IPv4 address. */
  static String ipv4(JsonInput o, String name) {
    String v = o.string(name);
    if (!Cidr.isIpv4Address(v)) {
      throw o.member(name).error("expected an IPv4 address such as 10.0.1.15 but was \"" + v + "\"");
    }
    return v;
  }

  /** Optional member {@code name}: an IPv4 address. */
  static Optional<String> optIpv4(JsonInput o, String name) {
    return o.optString(name).map(v -> {
      if (!Cidr.isIpv4Address(v)) {
        throw o.member(name).error("expected an IPv4 address such as 10.0.1.15 but was \"" + v + "\"");
      }
      return v;
    });
  }

  /** Optional member {@code name}: an integer in {@code [min, max]}; {@code what} says what it is. */
  static Optional<Integer> optIntIn(JsonInput o, String name, int min, int max, String what) {
    Optional<Integer> v = o.optInt(name);
    if (v.isPresent() && (v.get() < min || v.get() > max)) {
      throw o.member(name).error("expected " + what + " (" + min + " to " + max + ") but was " + v.get());
    }
    return v;
  }

  /**
   * A security group's {@code IpProtocol}: {@code -1}, {@code tcp}, {@code udp}, {@code icmp},
   * {@code icmpv6} (any case) or a protocol number 0–255. {@code all} is not an API value.
   */
  static String sgProtocol(JsonInput o) {
    JsonInput at = o.member("IpProtocol");
    String p = o.string("IpProtocol").toLowerCase(Locale.ROOT);
    if (p.equals("-1") || SG_PROTOCOL_NAMES.contains(p) || protocolNumber(p) >= 0) {
      return p;
    }
    throw at.error("expected -1 (all), tcp, udp, icmp, icmpv6 or a protocol number 0-255 but was \""
        + o.string("IpProtocol") + "\"");
  }

  /**
   * A network ACL entry's {@code Protocol}: {@code -1} or a protocol number 0–255 (a JSON string as
   * the API prints it, or a number); the names {@code tcp}, {@code udp}, {@code icmp} are read as
   * their numbers.
   */
  static String aclProtocol(JsonInput o) {
    JsonInput at = o.member("Protocol");
    String p;
    if (at.isPresent() && at.node().isIntegralNumber()) {
      p = at.node().asText();
    } else {
      p = o.string("Protocol").toLowerCase(Locale.ROOT);
    }
    String number = Ec2Mapping.aclProtocol(p);
    if (number.equals("-1") || protocolNumber(number) >= 0) {
      return number;
    }
    throw at.error("expected -1 (all) or a protocol number 0-255 such as 6 (TCP) but was " + JsonInput.describe(at.node()));
  }

  /** {@code text} as a protocol number 0–255 (decimal digits only), or -1. */
  static int protocolNumber(String text) {
    if (text.isEmpty() || text.length() > 3) {
      return -1;
    }
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n <= 255 ? n : -1;
  }

}
