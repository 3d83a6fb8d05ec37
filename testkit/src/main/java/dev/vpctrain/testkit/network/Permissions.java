package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.Permission;

/**
 * Security-group permissions in one line. A peer is a CIDR ({@code 10.0.0.0/16}), an IPv6 CIDR, a
 * prefix list ({@code pl-…}) or a security group ({@code sg-…}).
 */
public final class Permissions {
  private Permissions() {}

  /**
   * {@return every protocol and port, to or from {@code peer}}
   *
   * @param peer the peer
   */
  public static Permission all(String peer) {
    return withPeer(Permission.builder().ipProtocol("-1"), peer).build();
  }

  /**
   * {@return TCP on one port}
   *
   * @param port the port
   * @param peer the peer
   */
  public static Permission tcp(int port, String peer) {
    return tcp(port, port, peer);
  }

  /**
   * {@return TCP on a port range}
   *
   * @param fromPort the from port
   * @param toPort the to port
   * @param peer the peer
   */
  public static Permission tcp(int fromPort, int toPort, String peer) {
    return withPeer(Permission.builder().ipProtocol("tcp").fromPort(fromPort).toPort(toPort), peer).build();
  }

  /**
   * {@return UDP on a port range}
   *
   * @param fromPort the from port
   * @param toPort the to port
   * @param peer the peer
   */
  public static Permission udp(int fromPort, int toPort, String peer) {
    return withPeer(Permission.builder().ipProtocol("udp").fromPort(fromPort).toPort(toPort), peer).build();
  }

  static Permission.Builder withPeer(Permission.Builder b, String peer) {
    if (peer.startsWith("sg-")) {
      return b.addGroupId(peer);
    }
    if (peer.startsWith("pl-")) {
      return b.addPrefixListId(peer);
    }
    if (peer.contains(":")) {
      return b.addIpv6Range(peer);
    }
    if (!peer.contains("/")) {
      throw new IllegalArgumentException(
          "expected a peer such as 10.0.0.0/16, ::/0, pl-… or sg-… but was '" + peer + "'");
    }
    return b.addIpRange(peer);
  }
}
