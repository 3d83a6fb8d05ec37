package dev.vpctrain.core.internal.reach;

import org.immutables.value.Value;

/**
 * A kind of traffic to test against security groups and network ACLs: every protocol, or one IP
 * protocol over an inclusive port range (ports are ignored for protocols without ports).
 */
@Value.Immutable(prehash = true)
abstract class AbstractTraffic {
  /** IANA protocol number of TCP. */
  public static final int TCP = 6;
  /** IANA protocol number of UDP. */
  public static final int UDP = 17;
  /** IANA protocol number of ICMP. */
  public static final int ICMP = 1;
  /** Marker for "every protocol" (the APIs' {@code -1}). */
  public static final int ALL = -1;

  /** The ephemeral ports of return traffic (the VPC guide's recommended ACL range). */
  public static final int EPHEMERAL_FROM = 1024;
  public static final int EPHEMERAL_TO = 65535;

  /** The protocol number, or {@link #ALL}. */
  @Value.Parameter
  public abstract int protocol();

  @Value.Parameter
  public abstract int fromPort();

  @Value.Parameter
  public abstract int toPort();

  @Value.Check
  protected void check() {
    if (fromPort() < 0 || toPort() > 65535 || fromPort() > toPort()) {
      throw new IllegalArgumentException("expected a port range within 0-65535 but was " + fromPort() + "-" + toPort());
    }
  }

  /** Every protocol and port (EFA traffic, which is not even IP, needs this). */
  public static Traffic allProtocols() {
    return Traffic.of(ALL, 0, 65535);
  }

  /** TCP on every port. */
  public static Traffic allTcp() {
    return tcp(0, 65535);
  }

  public static Traffic tcp(int port) {
    return tcp(port, port);
  }

  public static Traffic tcp(int fromPort, int toPort) {
    return Traffic.of(TCP, fromPort, toPort);
  }

  public static Traffic udp(int fromPort, int toPort) {
    return Traffic.of(UDP, fromPort, toPort);
  }

  /** Traffic of IP protocol {@code number} (ports apply to TCP and UDP only). */
  public static Traffic protocol(int number) {
    if (number < 0 || number > 255) {
      throw new IllegalArgumentException("expected an IP protocol number 0-255 but was " + number);
    }
    return Traffic.of(number, 0, 65535);
  }

  /** TCP/UDP return traffic of this request on the ephemeral ports; itself for other protocols. */
  public Traffic returnTraffic() {
    return hasPorts() ? Traffic.of(protocol(), EPHEMERAL_FROM, EPHEMERAL_TO) : (Traffic) this;
  }

  public boolean isAllProtocols() {
    return protocol() == ALL;
  }

  /** True for TCP and UDP, whose ports matter. */
  public boolean hasPorts() {
    return protocol() == TCP || protocol() == UDP;
  }

  /** True for every port of TCP or UDP. */
  public boolean isAllPorts() {
    return fromPort() == 0 && toPort() == 65535;
  }

  /** Maps an API protocol ({@code -1}, {@code all}, {@code tcp}, {@code 6}, …) to a number, {@code -2} when unknown. */
  public static int protocolNumber(String apiProtocol) {
    // the APIs' own spellings first: no case folding on the hot path of every rule and entry
    switch (apiProtocol) {
      case "-1":
        return ALL;
      case "tcp":
      case "6":
        return TCP;
      case "udp":
      case "17":
        return UDP;
      default:
        break;
    }
    switch (apiProtocol.toLowerCase(java.util.Locale.ROOT)) {
      case "-1":
      case "all":
        return ALL;
      case "tcp":
        return TCP;
      case "udp":
        return UDP;
      case "icmp":
        return ICMP;
      case "icmpv6":
        return 58;
      default:
        try {
          return Integer.parseInt(apiProtocol);
        } catch (NumberFormatException e) {
          return -2;
        }
    }
  }

  /** For messages: {@code all traffic}, {@code all TCP}, {@code TCP 443}, {@code TCP 1024-65535}. */
  @Override
  public String toString() {
    if (isAllProtocols()) {
      return "all traffic";
    }
    int p = protocol();
    String name = p == TCP ? "TCP" : p == UDP ? "UDP" : p == ICMP ? "ICMP" : "protocol " + p;
    if (!hasPorts()) {
      return name;
    }
    if (isAllPorts()) {
      return "all " + name;
    }
    return fromPort() == toPort() ? name + " " + fromPort() : name + " " + fromPort() + "-" + toPort();
  }
}
