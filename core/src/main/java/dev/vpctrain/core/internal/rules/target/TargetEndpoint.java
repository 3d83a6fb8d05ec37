package dev.vpctrain.core.internal.rules.target;

import dev.vpctrain.core.internal.reach.AddressRoute;
import dev.vpctrain.core.internal.reach.Ipv4RangeSet;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkInterface;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One place a declared target denotes: a network interface (with its subnet and security groups),
 * an address no known interface holds, or a part of a CIDR block that one route and one subnet
 * govern. {@link #routed()} endpoints are checked for route, job-side security groups and ACLs;
 * {@link #admitting()} endpoints for the target's own security groups. Immutable.
 */
public final class TargetEndpoint {
  private final int address;
  private final Ipv4RangeSet addresses;
  private final String cidr;
  private final NetworkInterface eni;
  private final String subnet;
  private final List<String> groups;
  private final boolean routed;
  private final boolean admitting;
  private final String text;
  /** Built on first use; immutable, so a racing second build is harmless. */
  private volatile Peer peer;
  /** Routes from job subnets to this endpoint, per subnet and traffic (an endpoint lives for one preflight). */
  private final Map<List<Object>, AddressRoute> routes = new ConcurrentHashMap<>(64);

  private TargetEndpoint(int address, Ipv4RangeSet addresses, String cidr, NetworkInterface eni, String subnet,
      List<String> groups, boolean routed, boolean admitting, String text) {
    this.address = address;
    this.addresses = Objects.requireNonNull(addresses);
    this.cidr = Objects.requireNonNull(cidr);
    this.eni = eni;
    this.subnet = subnet;
    this.groups = groups == null ? null : List.copyOf(groups);
    this.routed = routed;
    this.admitting = admitting;
    this.text = Objects.requireNonNull(text);
  }

  /** Interface {@code eni} reached at {@code address} (one of its addresses). */
  static TargetEndpoint ofInterface(NetworkInterface eni, int address, boolean routed) {
    return new TargetEndpoint(address, Ipv4RangeSet.of(List.of(Cidr.ipv4Host(address))), Cidr.formatIpv4(address) + "/32",
        eni, eni.subnetId(), eni.groupIds(), routed, true, eni.networkInterfaceId() + " (" + Cidr.formatIpv4(address) + ")");
  }

  /** An address held by no known interface: in {@code subnet} when known, security groups unknown. */
  static TargetEndpoint ofAddress(int address, Optional<String> subnet) {
    return new TargetEndpoint(address, Ipv4RangeSet.of(List.of(Cidr.ipv4Host(address))), Cidr.formatIpv4(address) + "/32",
        null, subnet.orElse(null), null, true, true, Cidr.formatIpv4(address));
  }

  /**
   * The part {@code cells} (described as {@code text}, first address {@code address}) of the CIDR
   * block {@code block}, in {@code subnet} when known.
   */
  static TargetEndpoint ofBlock(int address, Ipv4RangeSet cells, String text, String block, Optional<String> subnet) {
    return new TargetEndpoint(address, cells, block, null, subnet.orElse(null), null, true, false, text);
  }

  /** The address the route is decided for. */
  public int address() {
    return address;
  }

  /** Dotted-quad {@link #address()}. */
  public String addressText() {
    return Cidr.formatIpv4(address);
  }

  /** Every address this endpoint stands for (one, or a part of a block). */
  public Ipv4RangeSet addresses() {
    return addresses;
  }

  /** A CIDR for commands: {@code 10.0.3.15/32}, or the whole declared block of a block part. */
  public String cidr() {
    return cidr;
  }

  public Optional<NetworkInterface> networkInterface() {
    return Optional.ofNullable(eni);
  }

  /** The subnet holding the endpoint, when known. */
  public Optional<String> subnet() {
    return Optional.ofNullable(subnet);
  }

  /** The security groups; empty Optional when unknown, an empty list when the interface has none. */
  public Optional<List<String>> groups() {
    return Optional.ofNullable(groups);
  }

  /** True when route, job security-group egress and ACLs are checked towards this endpoint. */
  public boolean routed() {
    return routed;
  }

  /** True when the endpoint's own security groups are checked (an interface, or an address whose interface is unknown). */
  public boolean admitting() {
    return admitting;
  }

  /** The route from {@code subnet} for {@code traffic}, computed once per endpoint by {@code compute}. */
  AddressRoute route(String subnet, Traffic traffic, Supplier<AddressRoute> compute) {
    return routes.computeIfAbsent(List.of(subnet, traffic), k -> compute.get());
  }

  /** The endpoint as security groups and ACLs see it. */
  public Peer peer() {
    Peer p = peer;
    if (p == null) {
      p = buildPeer();
      peer = p;
    }
    return p;
  }

  private Peer buildPeer() {
    Peer.Builder b = Peer.builder(describe()).every(addresses);
    if (groups == null) {
      b.groupsUnknown();
    } else {
      b.groups(groups);
    }
    return b.build();
  }

  /** {@code eni-… (10.0.3.15)}, {@code 10.0.3.15}, {@code 10.1.0.0/16} or a part of a block. */
  public String describe() {
    return text;
  }

  @Override
  public String toString() {
    return describe();
  }
}
