package dev.vpctrain.core.job;

import dev.vpctrain.core.network.Cidr;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A destination inside the VPC (or reached through it) that the training code needs: a database, an
 * internal service, a peered network. Written on the command line as
 * {@code [label=]ADDR|CIDR|sg-…|eni-…:PORTS[/tcp|/udp]}, for example {@code features=sg-0123456789abcdef0:5432}
 * or {@code 10.1.0.0/16:8000-8100/udp}; built with {@link #address}, {@link #cidr}, {@link #sg} or
 * {@link #eni}. The label names the target in findings (and in {@code --accept-unverified
 * target.unmodeled=LABEL}); without one the target's own text does. Hostnames are not accepted:
 * private names cannot be resolved offline.
 */
@Value.Immutable
abstract class AbstractVpcTarget {
  private static final Pattern SG = Pattern.compile("sg-[0-9a-f]{8}(?:[0-9a-f]{9})?");
  private static final Pattern ENI = Pattern.compile("eni-[0-9a-f]{8}(?:[0-9a-f]{9})?");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern PORTS = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");

  /** {@return what {@link #value()} names: an address, a CIDR block, a security group or a network interface} */
  public abstract VpcTargetKind kind();

  /** {@return the address, CIDR block, {@code sg-…} or {@code eni-…} id, as written} */
  public abstract String value();

  /** {@return the first port of the range, 1 to 65535} */
  public abstract int fromPort();

  /** {@return the last port of the range ({@code fromPort} for one port)} */
  @Value.Default
  public int toPort() {
    return fromPort();
  }

  /** {@return {@code tcp} (the default) or {@code udp}} */
  @Value.Default
  public String protocol() {
    return "tcp";
  }

  /** {@return the name findings use for this target; absent means {@link #value()} names it} */
  public abstract Optional<String> label();

  /** {@return the label, else the value: how findings and acceptances name the target} */
  public String name() {
    return label().orElse(value());
  }

  /** {@return the ports as written: one port ({@code 5432}) or a range ({@code 8000-8100})} */
  public String ports() {
    return fromPort() == toPort() ? Integer.toString(fromPort()) : fromPort() + "-" + toPort();
  }

  /**
   * {@return one IPv4 address and one TCP port}
   *
   * @param address an IPv4 address, for example {@code 10.0.3.15}
   * @param port the TCP port, 1 to 65535
   * @throws IllegalArgumentException when the address is not IPv4 or the port is out of range
   */
  public static VpcTarget address(String address, int port) {
    return VpcTarget.builder().kind(VpcTargetKind.ADDRESS).value(address).fromPort(port).build();
  }

  /**
   * {@return every address of an IPv4 CIDR block, one TCP port}
   *
   * @param cidr an IPv4 CIDR block, for example {@code 10.1.0.0/16}; every address must be reachable
   * @param port the TCP port, 1 to 65535
   * @throws IllegalArgumentException when the block is not IPv4 CIDR or the port is out of range
   */
  public static VpcTarget cidr(String cidr, int port) {
    return VpcTarget.builder().kind(VpcTargetKind.CIDR).value(cidr).fromPort(port).build();
  }

  /**
   * {@return every network interface carrying security group {@code groupId}, one TCP port}
   *
   * @param groupId the security group id, {@code sg-} and 8 or 17 hex digits
   * @param port the TCP port, 1 to 65535
   * @throws IllegalArgumentException when the id is malformed or the port is out of range
   */
  public static VpcTarget sg(String groupId, int port) {
    return VpcTarget.builder().kind(VpcTargetKind.SECURITY_GROUP).value(groupId).fromPort(port).build();
  }

  /**
   * {@return one network interface, one TCP port}
   *
   * @param networkInterfaceId the network interface id, {@code eni-} and 8 or 17 hex digits
   * @param port the TCP port, 1 to 65535
   * @throws IllegalArgumentException when the id is malformed or the port is out of range
   */
  public static VpcTarget eni(String networkInterfaceId, int port) {
    return VpcTarget.builder().kind(VpcTargetKind.NETWORK_INTERFACE).value(networkInterfaceId).fromPort(port)
        .build();
  }

  /**
   * Parses {@code [label=]ADDR|CIDR|sg-…|eni-…:PORTS[/tcp|/udp]}.
   *
   * @param text the target as written on the command line, for example
   *     {@code features=sg-0123456789abcdef0:5432} or {@code 10.1.0.0/16:8000-8100/udp}
   * @return the target
   * @throws IllegalArgumentException naming what was expected
   */
  public static VpcTarget parse(String text) {
    String t = text.trim();
    VpcTarget.Builder b = VpcTarget.builder();
    int eq = t.indexOf('=');
    if (eq >= 0) {
      b.label(t.substring(0, eq));
      t = t.substring(eq + 1);
    }
    int slash = t.lastIndexOf('/');
    int colon = t.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(expected(text, "a ':' before the port"));
    }
    String portPart = t.substring(colon + 1);
    if (slash > colon) {
      b.protocol(portPart.substring(portPart.indexOf('/') + 1).toLowerCase(Locale.ROOT));
      portPart = portPart.substring(0, portPart.indexOf('/'));
    }
    Matcher m = PORTS.matcher(portPart);
    if (!m.matches()) {
      throw new IllegalArgumentException(expected(text, "PORTS as 5432 or 8000-8100"));
    }
    b.fromPort(Integer.parseInt(m.group(1)));
    if (m.group(2) != null) {
      b.toPort(Integer.parseInt(m.group(2)));
    }
    String what = t.substring(0, colon);
    b.value(what).kind(kindOf(what, text));
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IllegalArgumentException(expected(text, e.getMessage()), e);
    }
  }

  private static VpcTargetKind kindOf(String what, String text) {
    if (what.startsWith("sg-")) {
      return VpcTargetKind.SECURITY_GROUP;
    }
    if (what.startsWith("eni-")) {
      return VpcTargetKind.NETWORK_INTERFACE;
    }
    if (what.contains("/")) {
      return VpcTargetKind.CIDR;
    }
    if (Cidr.tryParseAddress(what).isPresent()) {
      return VpcTargetKind.ADDRESS;
    }
    throw new IllegalArgumentException(expected(text,
        "an IPv4 address, a CIDR block, sg-… or eni-… before ':' (hostnames belong in --requires-internet)"));
  }

  private static String expected(String text, String what) {
    return "expected [label=]ADDR|CIDR|sg-…|eni-…:PORTS[/tcp|/udp] in '" + text + "': " + what;
  }

  /**
   * Checks the values when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalArgumentException when the ports are not 1 to 65535 low to high, the protocol is neither
   *     {@code tcp} nor {@code udp}, the label has other characters than letters, digits, {@code .}, {@code _}
   *     and {@code -}, or the value does not match its kind
   */
  @Value.Check
  protected void check() {
    if (fromPort() < 1 || fromPort() > 65535 || toPort() < fromPort() || toPort() > 65535) {
      throw new IllegalArgumentException("ports must be 1-65535, low to high, but were " + ports());
    }
    if (!protocol().equals("tcp") && !protocol().equals("udp")) {
      throw new IllegalArgumentException("protocol must be tcp or udp but was '" + protocol() + "'");
    }
    if (label().isPresent() && !LABEL.matcher(label().get()).matches()) {
      throw new IllegalArgumentException("a label is letters, digits, '.', '_' and '-' but was '" + label().get() + "'");
    }
    switch (kind()) {
      case ADDRESS -> {
        Optional<Cidr> a = Cidr.tryParseAddress(value());
        if (a.isEmpty() || !a.get().isIpv4()) {
          throw new IllegalArgumentException("expected an IPv4 address but was '" + value() + "'");
        }
      }
      case CIDR -> {
        Optional<Cidr> c = Cidr.tryParse(value());
        if (c.isEmpty() || !c.get().isIpv4()) {
          throw new IllegalArgumentException("expected an IPv4 CIDR block but was '" + value() + "'");
        }
      }
      case SECURITY_GROUP -> {
        if (!SG.matcher(value()).matches()) {
          throw new IllegalArgumentException("expected sg- and 8 or 17 hex digits but was '" + value() + "'");
        }
      }
      case NETWORK_INTERFACE -> {
        if (!ENI.matcher(value()).matches()) {
          throw new IllegalArgumentException("expected eni- and 8 or 17 hex digits but was '" + value() + "'");
        }
      }
    }
  }

  /** The command-line form, {@code [label=]VALUE:PORTS[/udp]}. */
  @Override
  public String toString() {
    return label().map(l -> l + "=").orElse("") + value() + ":" + ports() + (protocol().equals("tcp") ? "" : "/udp");
  }
}
