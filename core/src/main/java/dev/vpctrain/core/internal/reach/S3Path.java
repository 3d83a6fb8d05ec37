package dev.vpctrain.core.internal.reach;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How traffic from one subnet reaches S3 of one region, decided from the subnet's route table,
 * the S3 prefix list, the VPC's endpoints and NAT health. Immutable.
 */
public final class S3Path extends RoutedPath {
  /** The kind of path. */
  public enum Kind {
    /** A gateway endpoint route ({@link #endpointId()}, in {@link #routeTableId()}) covers S3. */
    GATEWAY_ENDPOINT,
    /**
     * An S3 interface endpoint ({@link #endpointId()}) serves the subnet: S3's names resolve to it
     * and the security groups let TCP 443 pass ({@link #interfaceEndpoint()}).
     */
    INTERFACE_ENDPOINT,
    /**
     * The subnet's S3 path is an S3 interface endpoint that does not work ({@link #interfaceEndpoint()}
     * says why): S3's names resolve to it but the security groups block TCP 443, or nothing else
     * carries S3 and S3's names do not resolve to it.
     */
    INTERFACE_ENDPOINT_UNUSABLE,
    /** The route leads to a working NAT gateway ({@link #natGatewayId()}, {@link #publicIps()}). */
    NAT,
    /** The route leads to a NAT gateway that gives no internet path ({@link #nat()} says why). */
    NAT_UNHEALTHY,
    /** The route leads to a working NAT gateway whose subnet's network ACL blocks S3 traffic ({@link #natForwarding()}). */
    NAT_BLOCKED,
    /** The route leads to an internet gateway: training ENIs have no public IP. */
    IGW_ONLY,
    /** The route that matches is a blackhole, or leads to an endpoint that does not work. */
    BLACKHOLE,
    /** The route leaves the model: transit gateway, peering, VPN gateway, network interface, instance… */
    UNMODELED,
    /** No route carries S3 traffic. */
    NONE,
    /** The snapshot does not allow a decision ({@link #detail()} says why). */
    UNKNOWN
  }

  private final Kind kind;
  private final String region;
  private final String endpointId;
  private final List<String> notes;
  private final InterfaceEndpointUse interfaceEndpoint;
  private final S3Path withoutEndpoint;

  S3Path(Kind kind, String subnetId, String region, EffectiveRouteTable routeTable, RouteMatch route,
      String endpointId, NatHealth nat, String detail, List<String> notes) {
    this(kind, subnetId, region, routeTable, route, endpointId, nat, detail, notes, null, null);
  }

  S3Path(Kind kind, String subnetId, String region, EffectiveRouteTable routeTable, RouteMatch route,
      String endpointId, NatHealth nat, String detail, List<String> notes, InterfaceEndpointUse interfaceEndpoint,
      NatForwarding forwarding) {
    this(kind, subnetId, region, routeTable, route, endpointId, nat, detail, notes, interfaceEndpoint, forwarding, null);
  }

  private S3Path(Kind kind, String subnetId, String region, EffectiveRouteTable routeTable, RouteMatch route,
      String endpointId, NatHealth nat, String detail, List<String> notes, InterfaceEndpointUse interfaceEndpoint,
      NatForwarding forwarding, S3Path withoutEndpoint) {
    super(subnetId, routeTable, route, nat, detail, forwarding);
    this.withoutEndpoint = withoutEndpoint;
    this.interfaceEndpoint = interfaceEndpoint;
    this.kind = Objects.requireNonNull(kind);
    this.region = Objects.requireNonNull(region);
    this.endpointId = endpointId;
    this.notes = List.copyOf(notes);
  }

  @Override
  boolean isWorkingNat() {
    return kind == Kind.NAT;
  }

  /** This path with {@code notes} in place of its notes. */
  S3Path withNotes(List<String> notes) {
    return copy(notes, interfaceEndpoint, null);
  }

  /** This path with the S3 interface endpoint that was considered for it. */
  S3Path withInterfaceEndpoint(InterfaceEndpointUse use) {
    return copy(notes, use, null);
  }

  private S3Path copy(List<String> notes, InterfaceEndpointUse use, S3Path routed) {
    return new S3Path(kind, subnetId(), region, routeTable(), route().orElse(null), endpointId, nat().orElse(null), detail(),
        notes, use, natForwarding().orElse(null), routed);
  }

  /**
   * The S3 interface endpoint considered for this subnet, when the VPC has one that is (or may be)
   * available: whether S3's names resolve to it and whether the security groups pass TCP 443.
   */
  public Optional<InterfaceEndpointUse> interfaceEndpoint() {
    return Optional.ofNullable(interfaceEndpoint);
  }

  /** This path, recording {@code routed} as what the routes alone give. */
  S3Path withRouted(S3Path routed) {
    return copy(notes, interfaceEndpoint, routed);
  }

  /**
   * For an {@link Kind#INTERFACE_ENDPOINT_UNUSABLE} path whose endpoint S3's names do not resolve
   * to: the path the routes alone give (which does not work either).
   */
  public Optional<S3Path> routedPath() {
    return Optional.ofNullable(withoutEndpoint);
  }

  public Kind kind() {
    return kind;
  }

  /** The region of the S3 buckets this path is for. */
  public String region() {
    return region;
  }

  /** The gateway or interface endpoint on the path. */
  public Optional<String> endpointId() {
    return Optional.ofNullable(endpointId);
  }

  /** Assumptions made on the way, for example unknown prefix-list CIDRs. */
  public List<String> notes() {
    return notes;
  }

  /** True for a path that carries S3 traffic: an endpoint or a working NAT gateway. */
  public boolean isWorking() {
    return kind == Kind.GATEWAY_ENDPOINT || kind == Kind.INTERFACE_ENDPOINT || kind == Kind.NAT;
  }

  /** True when requests arrive at S3 through a VPC endpoint ({@code aws:SourceVpce} and {@code aws:SourceVpc} set, no {@code aws:SourceIp}). */
  public boolean viaEndpoint() {
    return kind == Kind.GATEWAY_ENDPOINT || kind == Kind.INTERFACE_ENDPOINT;
  }

  /** {@code aws:SourceVpce} of requests on this path. */
  public Optional<String> sourceVpce() {
    return viaEndpoint() ? endpointId() : Optional.empty();
  }

  /** {@code aws:SourceVpc} of requests on this path. */
  public Optional<String> sourceVpc() {
    return viaEndpoint() ? routeTable().table().map(t -> t.vpcId()) : Optional.empty();
  }

  @Override
  public String toString() {
    return kind + "[" + subnetId() + " " + region + " " + routeTableId()
        + (endpointId == null ? "" : " " + endpointId) + natGatewayId().map(id -> " " + id).orElse("") + "]: " + detail();
  }
}
