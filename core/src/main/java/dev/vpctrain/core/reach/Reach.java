package dev.vpctrain.core.reach;

import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.VpcEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Route resolution over one snapshot, with every analysis computed once: effective route tables,
 * compiled route tables, NAT health, S3 paths per (subnet, region) and egress paths per subnet.
 * Rules get the per-preflight instance from {@code dev.vpctrain.core.rules.ReachContext}. Thread-safe.
 */
public final class Reach {
  private final NetworkSnapshot network;
  private final RouteTableIndex tables;
  private final NatHealthCheck natCheck;
  private final Map<String, RouteMatcher> matchers = new ConcurrentHashMap<>();
  private final Map<String, NatHealth> nats = new ConcurrentHashMap<>();
  private final Map<List<String>, S3Path> s3Paths = new ConcurrentHashMap<>();
  private final Map<String, EgressPath> internetPaths = new ConcurrentHashMap<>();
  private final Map<String, List<VpcEndpoint>> endpointsByVpc;

  private Reach(NetworkSnapshot network) {
    this.network = Objects.requireNonNull(network, "network");
    this.tables = RouteTableIndex.of(network);
    this.natCheck = new NatHealthCheck(network, tables, this::matcher);
    Map<String, List<VpcEndpoint>> byVpc = new HashMap<>();
    network.vpcEndpoints().ifPresent(l -> l.forEach(e -> byVpc.computeIfAbsent(e.vpcId(), k -> new ArrayList<>()).add(e)));
    this.endpointsByVpc = byVpc;
  }

  /** A standalone analysis of {@code network}. */
  public static Reach of(NetworkSnapshot network) {
    return new Reach(network);
  }

  public NetworkSnapshot network() {
    return network;
  }

  public RouteTableIndex routeTables() {
    return tables;
  }

  /** The route table governing {@code subnetId}. */
  public EffectiveRouteTable routeTableOf(String subnetId) {
    return tables.forSubnet(subnetId);
  }

  /** {@code table} compiled for longest-prefix match (once per table). */
  public RouteMatcher matcher(RouteTable table) {
    RouteMatcher m = matchers.get(table.routeTableId());
    if (m == null) {
      m = RouteMatcher.compile(table, network);
      RouteMatcher prev = matchers.putIfAbsent(table.routeTableId(), m);
      if (prev != null) {
        m = prev;
      }
    }
    return m;
  }

  /** The health of NAT gateway {@code natGatewayId}. */
  public NatHealth natHealth(String natGatewayId) {
    NatHealth h = nats.get(natGatewayId);
    if (h == null) {
      h = natCheck.evaluate(natGatewayId);
      nats.putIfAbsent(natGatewayId, h);
    }
    return h;
  }

  /** How {@code subnetId} reaches S3 in the snapshot's own region. */
  public S3Path s3Path(String subnetId) {
    return s3Path(subnetId, network.region());
  }

  /** How {@code subnetId} reaches S3 buckets of {@code bucketRegion}. */
  public S3Path s3Path(String subnetId, String bucketRegion) {
    List<String> key = List.of(subnetId, bucketRegion);
    S3Path p = s3Paths.get(key);
    if (p == null) {
      p = new S3PathAnalysis(this).analyze(subnetId, bucketRegion);
      s3Paths.putIfAbsent(key, p);
    }
    return p;
  }

  /** Where {@code subnetId}'s traffic to the internet goes (its default route). */
  public EgressPath internetPath(String subnetId) {
    EgressPath p = internetPaths.get(subnetId);
    if (p == null) {
      p = EgressPathAnalysis.internet(this, subnetId);
      internetPaths.putIfAbsent(subnetId, p);
    }
    return p;
  }

  /** Where {@code subnetId}'s traffic to one IPv4 {@code address} goes. */
  public EgressPath pathTo(String subnetId, int address) {
    return EgressPathAnalysis.address(this, subnetId, address);
  }

  /** The VPC endpoints of {@code vpcId} (empty when the endpoint section is unknown). */
  public List<VpcEndpoint> endpoints(String vpcId) {
    return endpointsByVpc.getOrDefault(vpcId, List.of());
  }

  /** The endpoints of {@code vpcId} of {@code type} for {@code com.amazonaws.<region>.<serviceSuffix>}. */
  public List<VpcEndpoint> endpoints(String vpcId, EndpointType type, String serviceSuffix) {
    String name = "com.amazonaws." + network.region() + "." + serviceSuffix;
    List<VpcEndpoint> out = new ArrayList<>();
    for (VpcEndpoint e : endpoints(vpcId)) {
      if (e.type() == type && e.serviceName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The S3 gateway endpoints of {@code vpcId}. */
  public List<VpcEndpoint> s3GatewayEndpoints(String vpcId) {
    return endpoints(vpcId, EndpointType.GATEWAY, "s3");
  }

  /** An S3 interface endpoint of {@code vpcId} that serves S3's normal names: available, private DNS on. */
  public Optional<VpcEndpoint> usableS3InterfaceEndpoint(String vpcId) {
    for (VpcEndpoint e : endpoints(vpcId, EndpointType.INTERFACE, "s3")) {
      if (e.isAvailable() && e.privateDnsEnabled()) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** True when the endpoint section was captured. */
  boolean endpointsKnown() {
    return network.has(Section.VPC_ENDPOINTS);
  }
}
