package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.Cidr;
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
import java.util.function.Function;

/**
 * Route resolution over one snapshot, with every analysis computed once: effective route tables,
 * compiled route tables, NAT health, S3 paths per (subnet, region), egress paths per subnet and
 * routes to addresses.
 * Rules get the per-preflight instance from {@code dev.vpctrain.core.internal.rules.ReachContext}. Thread-safe.
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
  private final List<String> jobGroups;
  private final NatAclCheck natAcls;
  private final SecurityGroupEvaluator groups;
  private final Map<List<Object>, NatForwarding> forwardings = new ConcurrentHashMap<>();
  private final Map<List<String>, InterfaceEndpointUse> endpointUses = new ConcurrentHashMap<>();
  private final Map<List<Object>, AddressRoute> addressRoutes = new ConcurrentHashMap<>();
  private final Map<String, List<Cidr>> vpcCidrsByTable = new ConcurrentHashMap<>();

  private Reach(NetworkSnapshot network, List<String> jobGroups) {
    this.network = Objects.requireNonNull(network, "network");
    this.jobGroups = jobGroups == null ? null : List.copyOf(jobGroups);
    this.natAcls = new NatAclCheck(network);
    this.groups = SecurityGroupEvaluator.of(network);
    this.tables = RouteTableIndex.of(network);
    this.natCheck = new NatHealthCheck(network, tables, this::matcher);
    Map<String, List<VpcEndpoint>> byVpc = new HashMap<>();
    network.vpcEndpoints().ifPresent(l -> l.forEach(e -> byVpc.computeIfAbsent(e.vpcId(), k -> new ArrayList<>()).add(e)));
    this.endpointsByVpc = byVpc;
  }

  /**
   * A standalone analysis of {@code network} for no particular job: the security groups of an S3
   * interface endpoint path are then undecidable.
   */
  public static Reach of(NetworkSnapshot network) {
    return new Reach(network, null);
  }

  /** The analysis of {@code network} for a job with security groups {@code jobGroups}. */
  public static Reach of(NetworkSnapshot network, List<String> jobGroups) {
    return new Reach(network, Objects.requireNonNull(jobGroups, "jobGroups"));
  }

  /** The job's security groups, when this analysis is for a job. */
  public Optional<List<String>> jobGroups() {
    return Optional.ofNullable(jobGroups);
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
      m = network.compiled(new CompiledTable(table.routeTableId(), table), n -> RouteMatcher.compile(table, n));
      matchers.putIfAbsent(table.routeTableId(), m);
    }
    return m;
  }

  /** A route table's compiled form in its snapshot (the table itself in the key: ids are not trusted to be unique). */
  private record CompiledTable(String id, RouteTable table) {
    @Override
    @SuppressWarnings("ReferenceEquality") // the snapshot's own object: identity is the point
    public boolean equals(Object o) {
      return o instanceof CompiledTable c && c.id.equals(id) && c.table == table;
    }

    @Override
    public int hashCode() {
      return id.hashCode();
    }
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

  /**
   * Where {@code subnetId}'s {@code traffic} to {@code destination}, a host outside the VPC, goes
   * by the default route: as {@link #internetPath(String)}, except that a working NAT gateway whose
   * own subnet's network ACL blocks this traffic is {@link EgressPath.Kind#NAT_BLOCKED} (and one
   * whose ACL cannot be decided UNKNOWN).
   */
  public EgressPath internetPath(String subnetId, Traffic traffic, Peer destination) {
    return throughNat(internetPath(subnetId), traffic, destination);
  }

  /** Where {@code subnetId}'s traffic to one IPv4 {@code address} goes. */
  public EgressPath pathTo(String subnetId, int address) {
    return EgressPathAnalysis.address(this, subnetId, address);
  }

  /** As {@link #pathTo(String, int)}, with the NAT gateway's subnet ACL checked for {@code traffic}. */
  public EgressPath pathTo(String subnetId, int address, Traffic traffic, Peer destination) {
    return throughNat(pathTo(subnetId, address), traffic, destination);
  }

  /**
   * The route between {@code sourceSubnet} and one IPv4 {@code address} (rules.md "Route to an
   * address"): longest-prefix match in the subnet's route table, the local route of every VPC CIDR,
   * appliances and hops named, and, when {@code destinationSubnet} is known, the route back from it
   * to the source subnet's CIDR. {@code traffic} is what a NAT gateway on the way would forward
   * (its subnet's ACL is checked for a public address).
   */
  public AddressRoute routeToAddress(String sourceSubnet, int address, Optional<String> destinationSubnet, Traffic traffic) {
    return routeToAddress(sourceSubnet, address, destinationSubnet, traffic,
        Peer.addresses("address " + Cidr.formatIpv4(address),
            Ipv4RangeSet.of(List.of(Cidr.ipv4Host(address)))));
  }

  /** As {@link #routeToAddress(String, int, Optional, Traffic)}, naming the destination {@code destination} in messages. */
  public AddressRoute routeToAddress(String sourceSubnet, int address, Optional<String> destinationSubnet, Traffic traffic,
      Peer destination) {
    List<Object> key = List.of(sourceSubnet, address, destinationSubnet, traffic, destination);
    AddressRoute r = addressRoutes.get(key);
    if (r == null) {
      r = new AddressRouteAnalysis(this).analyze(sourceSubnet, address, destinationSubnet.orElse(null), traffic, destination);
      addressRoutes.putIfAbsent(key, r);
    }
    return r;
  }

  /** The IPv4 CIDRs of route table {@code t}'s VPC (primary, secondary, and its local routes' destinations), once per table. */
  List<Cidr> vpcCidrs(RouteTable t, Function<RouteTable, List<Cidr>> compute) {
    return vpcCidrsByTable.computeIfAbsent(t.routeTableId(), k -> compute.apply(t));
  }

  /** {@code p} with the NAT gateway's subnet ACL applied to {@code traffic} (other paths unchanged). */
  private EgressPath throughNat(EgressPath p, Traffic traffic, Peer destination) {
    if (p.nat().isEmpty() || p.nat().get().status() == NatHealth.Status.UNHEALTHY) {
      return p;
    }
    NatForwarding f = natForwarding(p.nat().get(), p.subnetId(), traffic, destination);
    if (f.blocked()) {
      return new EgressPath(EgressPath.Kind.NAT_BLOCKED, p.subnetId(), p.destination(), p.routeTable(),
          p.route().orElse(null), p.nat().get(), p.detail() + "; but " + f.describe(), f);
    }
    if (f.allowed() || p.kind() != EgressPath.Kind.NAT) {
      return new EgressPath(p.kind(), p.subnetId(), p.destination(), p.routeTable(), p.route().orElse(null),
          p.nat().get(), p.detail(), f);
    }
    return new EgressPath(EgressPath.Kind.UNKNOWN, p.subnetId(), p.destination(), p.routeTable(), p.route().orElse(null),
        p.nat().get(), p.detail() + "; but " + f.describe(), f);
  }

  /**
   * Whether the network ACL of NAT gateway {@code nat}'s own subnet passes {@code traffic} it
   * forwards from job subnet {@code sourceSubnet} to {@code destination}, and the replies.
   */
  public NatForwarding natForwarding(NatHealth nat, String sourceSubnet, Traffic traffic, Peer destination) {
    List<Object> key = List.of(nat.natGatewayId(), sourceSubnet, traffic, destination);
    NatForwarding f = forwardings.get(key);
    if (f == null) {
      f = natAcls.evaluate(nat, sourceSubnet, traffic, destination);
      forwardings.putIfAbsent(key, f);
    }
    return f;
  }

  /** Whether S3 interface endpoint {@code e} can carry the S3 traffic of the job's instances in {@code subnetId}. */
  public InterfaceEndpointUse interfaceEndpointUse(VpcEndpoint e, String subnetId) {
    List<String> key = List.of(e.vpcEndpointId(), subnetId);
    InterfaceEndpointUse u = endpointUses.get(key);
    if (u == null) {
      u = InterfaceEndpointUseCheck.evaluate(network, groups, jobGroups, e, subnetId);
      endpointUses.putIfAbsent(key, u);
    }
    return u;
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

  /** True when the endpoint section was captured. */
  boolean endpointsKnown() {
    return network.has(Section.VPC_ENDPOINTS);
  }
}
