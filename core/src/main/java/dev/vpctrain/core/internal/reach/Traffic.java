package dev.vpctrain.core.internal.reach;

import java.util.Objects;

/**
 * A kind of traffic to test against security groups and network ACLs: every protocol, or one IP
 * protocol over an inclusive port range (ports are ignored for protocols without ports).
 */
public final class Traffic {
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

  private final int protocol;
  private final int fromPort;
  private final int toPort;

  private Traffic(int protocol, int fromPort, int toPort) {
    if (fromPort < 0 || toPort > 65535 || fromPort > toPort) {
      throw new IllegalArgumentException("expected a port range within 0-65535 but was " + fromPort + "-" + toPort);
    }
    this.protocol = protocol;
    this.fromPort = fromPort;
    this.toPort = toPort;
  }

  /** Every protocol and port (EFA traffic, which is not even IP, needs this). */
  public static Traffic allProtocols() {
    return new Traffic(ALL, 0, 65535);
  }

  /** TCP on every port. */
  public static Traffic allTcp() {
    return tcp(0, 65535);
  }

  public static Traffic tcp(int port) {
    return tcp(port, port);
  }

  public static Traffic tcp(int fromPort, int toPort) {
    return new Traffic(TCP, fromPort, toPort);
  }

  public static Traffic udp(int fromPort, int toPort) {
    return new Traffic(UDP, fromPort, toPort);
  }

  /** Traffic of IP protocol {@code number} (ports apply to TCP and UDP only). */
  public static Traffic protocol(int number) {
    if (number < 0 || number > 255) {
      throw new IllegalArgumentException("expected an IP protocol number 0-255 but was " + number);
    }
    return new Traffic(number, 0, 65535);
  }

  /** TCP/UDP return traffic of this request on the ephemeral ports; itself for other protocols. */
  public Traffic returnTraffic() {
    return hasPorts() ? new Traffic(protocol, EPHEMERAL_FROM, EPHEMERAL_TO) : this;
  }

  /** The protocol number, or {@link #ALL}. */
  public int protocol() {
    return protocol;
  }

  public boolean isAllProtocols() {
    return protocol == ALL;
  }

  /** True for TCP and UDP, whose ports matter. */
  public boolean hasPorts() {
    return protocol == TCP || protocol == UDP;
  }

  public int fromPort() {
    return fromPort;
  }

  public int toPort() {
    return toPort;
  }

  /** True for every port of TCP or UDP. */
  public boolean isAllPorts() {
    return fromPort == 0 && toPort == 65535;
  }

  /** Maps an API protocol ({@code -1}, {@code all}, {@code tcp}, {@code 6}, …) to a number, {@code -2} when unknown. */
  public static int protocolNumber(String apiProtocol) {
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

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Traffic)) {
      return false;
    }
    Traffic t = (Traffic) o;
    return t.protocol == protocol && t.fromPort == fromPort && t.toPort == toPort;
  }

  @Override
  public int hashCode() {
    return Objects.hash(protocol, fromPort, toPort);
  }

  /** For messages: {@code all traffic}, {@code all TCP}, {@code TCP 443}, {@code TCP 1024-65535}. */
  @Override
  public String toString() {
    if (isAllProtocols()) {
      return "all traffic";
    }
    String name = protocol == TCP ? "TCP" : protocol == UDP ? "UDP" : protocol == ICMP ? "ICMP" : "protocol " + protocol;
    if (!hasPorts()) {
      return name;
    }
    if (isAllPorts()) {
      return "all " + name;
    }
    return fromPort == toPort ? name + " " + fromPort : name + " " + fromPort + "-" + toPort;
  }
}
