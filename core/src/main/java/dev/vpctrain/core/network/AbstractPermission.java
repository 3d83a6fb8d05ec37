package dev.vpctrain.core.network;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One security-group permission ({@code IpPermission}): a protocol and port range towards CIDRs,
 * IPv6 CIDRs, prefix lists and other groups.
 */
@Value.Immutable
abstract class AbstractPermission {
  /** {@return {@code -1} (all), {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6} or a protocol number; lower case} */
  public abstract String ipProtocol();

  /** {@return {@code FromPort}: the first port of the range, or the ICMP type for ICMP; absent for all-protocol rules} */
  public abstract Optional<Integer> fromPort();

  /** {@return {@code ToPort}: the last port of the range, or the ICMP code for ICMP; absent for all-protocol rules} */
  public abstract Optional<Integer> toPort();

  /** {@return the {@code CidrIp} of each of {@code IpRanges}: IPv4 peers} */
  public abstract List<String> ipRanges();

  /** {@return the {@code CidrIpv6} of each of {@code Ipv6Ranges}: IPv6 peers} */
  public abstract List<String> ipv6Ranges();

  /** {@return the {@code PrefixListId} of each of {@code PrefixListIds}: peers named by prefix list} */
  public abstract List<String> prefixListIds();

  /** {@return the {@code GroupId} of each of {@code UserIdGroupPairs}: peers named by security group} */
  public abstract List<String> groupIds();

  /** {@return true for protocol {@code -1} (every protocol, every port)} */
  public boolean isAllProtocols() {
    return "-1".equals(ipProtocol()) || "all".equals(ipProtocol());
  }

  /**
   * {@return true when this permission covers TCP on {@code port}}
   *
   * @param port the TCP port, 1 to 65535
   */
  public boolean coversTcp(int port) {
    if (isAllProtocols()) {
      return true;
    }
    if (!isTcp()) {
      return false;
    }
    return coversPort(port);
  }

  /** {@return true when this permission covers every TCP port (or every protocol)} */
  public boolean coversAllTcp() {
    if (isAllProtocols()) {
      return true;
    }
    if (!isTcp()) {
      return false;
    }
    int from = fromPort().orElse(0);
    int to = toPort().orElse(65535);
    return (from <= 0 || from == -1) && (to >= 65535 || to == -1);
  }

  boolean isTcp() {
    return "tcp".equals(ipProtocol()) || "6".equals(ipProtocol());
  }

  boolean coversPort(int port) {
    int from = fromPort().orElse(0);
    int to = toPort().orElse(65535);
    if (from == -1 && to == -1) {
      return true;
    }
    return from <= port && port <= to;
  }

  /**
   * Normalizes the value (an Immutables {@code @Value.Check}).
   *
   * @return this permission, or a normalized copy of it
   */
  @Value.Check
  protected AbstractPermission normalize() {
    String lower = ipProtocol().toLowerCase(Locale.ROOT);
    if (!lower.equals(ipProtocol())) {
      return Permission.copyOf(this).withIpProtocol(lower);
    }
    return this;
  }
}
