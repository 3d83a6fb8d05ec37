package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A fluent builder of a fake world's network: VPCs, subnets, security groups, route tables,
 * endpoints, gateways, ACLs, prefix lists and S3 buckets. Calling a method again with the same id
 * edits that resource. New resources get the defaults EC2 gives them (a main route table with the
 * local route, a default ACL allowing everything, a DHCP option set, the region's S3 prefix list,
 * an allow-all egress rule on a new security group); resources read from an existing snapshot are
 * kept exactly as they are. References are checked at {@link #build()}: a route table associated
 * with an unknown subnet is an error naming both.
 *
 * <pre>{@code
 * NetworkSnapshot n = NetworkBuilder.create()
 *     .vpc("vpc-1", v -> v.cidr("10.20.0.0/16"))
 *     .subnet("subnet-a", s -> s.cidr("10.20.1.0/24").az("us-east-1a"))
 *     .securityGroup("sg-1", g -> g.selfIngress())
 *     .routeTable("rtb-private", r -> r.associate("subnet-a"))
 *     .s3GatewayEndpoint("vpce-s3", e -> e.routeTables("rtb-private"))
 *     .bucket("training-data")
 *     .build();
 * }</pre>
 */
public final class NetworkBuilder {
  private static final String DEFAULT_ACCOUNT = "123456789012";

  private String region;
  private Optional<String> accountId;
  private Optional<Instant> capturedAt;
  private IdSource ids;
  private final boolean fresh;
  private final Set<Section> absent = EnumSet.noneOf(Section.class);
  /** The resources-inside-the-VPC sections (formats.md §2a) of the snapshot this builder came from, kept as they are. */
  private Optional<NetworkSnapshot> inVpc = Optional.empty();
  private final Map<String, VpcDraft> vpcs = new LinkedHashMap<>();
  private final Map<String, DhcpOptions> dhcp = new LinkedHashMap<>();
  private final Map<String, SubnetDraft> subnets = new LinkedHashMap<>();
  private final Map<String, SecurityGroupDraft> groups = new LinkedHashMap<>();
  private final Map<String, RouteTableDraft> routeTables = new LinkedHashMap<>();
  private final Map<String, EndpointDraft> endpoints = new LinkedHashMap<>();
  private final Map<String, NatGatewayDraft> nats = new LinkedHashMap<>();
  private final Map<String, InternetGatewayDraft> igws = new LinkedHashMap<>();
  private final Map<String, NetworkAclDraft> acls = new LinkedHashMap<>();
  private final Map<String, PrefixList> prefixLists = new LinkedHashMap<>();
  private final Map<String, BucketDraft> buckets = new LinkedHashMap<>();
  private final List<CaptureError> errors = new ArrayList<>();

  private NetworkBuilder(boolean fresh) {
    this.fresh = fresh;
  }

  /** An empty network in {@code us-east-1}, account {@code 123456789012}. */
  public static NetworkBuilder create() {
    NetworkBuilder b = new NetworkBuilder(true);
    b.region = "us-east-1";
    b.accountId = Optional.of(DEFAULT_ACCOUNT);
    b.capturedAt = Optional.empty();
    b.ids = new IdSource();
    return b;
  }

  /** A builder holding {@code snapshot}, to change it. Unchanged parts build back exactly. */
  public static NetworkBuilder from(NetworkSnapshot snapshot) {
    NetworkBuilder b = new NetworkBuilder(false);
    b.region = snapshot.region();
    b.accountId = snapshot.accountId();
    b.capturedAt = snapshot.capturedAt();
    b.ids = new IdSource();
    for (Section s : Section.values()) {
      if (s != Section.VPC_ATTRIBUTES && !snapshot.has(s)) {
        b.absent.add(s);
      }
    }
    snapshot.vpcs().ifPresent(l -> l.forEach(v -> b.vpcs.put(v.vpcId(), new VpcDraft(v))));
    snapshot.dhcpOptions().ifPresent(l -> l.forEach(d -> b.dhcp.put(d.dhcpOptionsId(), d)));
    snapshot.subnets().ifPresent(l -> l.forEach(s -> b.subnets.put(s.subnetId(), new SubnetDraft(s))));
    snapshot.securityGroups().ifPresent(l -> l.forEach(g -> b.groups.put(g.groupId(), new SecurityGroupDraft(g))));
    snapshot.routeTables().ifPresent(l -> l.forEach(t -> b.routeTables.put(t.routeTableId(), new RouteTableDraft(t))));
    snapshot.vpcEndpoints().ifPresent(l -> l.forEach(e -> b.endpoints.put(e.vpcEndpointId(), new EndpointDraft(e))));
    snapshot.natGateways().ifPresent(l -> l.forEach(n -> b.nats.put(n.natGatewayId(), new NatGatewayDraft(n))));
    snapshot.internetGateways().ifPresent(l -> l.forEach(g -> b.igws.put(g.internetGatewayId(), new InternetGatewayDraft(g))));
    snapshot.networkAcls().ifPresent(l -> l.forEach(a -> b.acls.put(a.networkAclId(), new NetworkAclDraft(a))));
    snapshot.prefixLists().ifPresent(l -> l.forEach(p -> b.prefixLists.put(p.prefixListId(), p)));
    snapshot.buckets().forEach((name, facts) -> b.buckets.put(name, new BucketDraft(facts)));
    b.errors.addAll(snapshot.errors());
    b.inVpc = Optional.of(snapshot);
    return b;
  }

  /** Where generated ids come from (the fake world passes its own, so ids never repeat). */
  public NetworkBuilder ids(IdSource ids) {
    this.ids = Objects.requireNonNull(ids);
    return this;
  }

  public NetworkBuilder region(String region) {
    this.region = Objects.requireNonNull(region);
    return this;
  }

  /** The account id, also the owner of new resources. */
  public NetworkBuilder account(String accountId) {
    this.accountId = Optional.of(accountId);
    return this;
  }

  /** When the snapshot was captured. */
  public NetworkBuilder capturedAt(Instant at) {
    this.capturedAt = Optional.of(at);
    return this;
  }

  public NetworkBuilder vpc(String vpcId) {
    return vpc(vpcId, v -> { });
  }

  /** Adds or edits a VPC. */
  public NetworkBuilder vpc(String vpcId, Consumer<VpcDraft> draft) {
    draft.accept(vpcs.computeIfAbsent(vpcId, VpcDraft::new));
    absent.remove(Section.VPCS);
    return this;
  }

  /** Adds or replaces a DHCP option set: key ({@code domain-name}, {@code domain-name-servers}…) to values. */
  public NetworkBuilder dhcpOptions(String dhcpOptionsId, Map<String, List<String>> configurations) {
    dhcp.put(dhcpOptionsId, DhcpOptions.builder().dhcpOptionsId(dhcpOptionsId).configurations(configurations).build());
    absent.remove(Section.DHCP_OPTIONS);
    return this;
  }

  public NetworkBuilder subnet(String subnetId) {
    return subnet(subnetId, s -> { });
  }

  /** Adds or edits a subnet. */
  public NetworkBuilder subnet(String subnetId, Consumer<SubnetDraft> draft) {
    draft.accept(subnets.computeIfAbsent(subnetId, SubnetDraft::new));
    absent.remove(Section.SUBNETS);
    return this;
  }

  public NetworkBuilder securityGroup(String groupId) {
    return securityGroup(groupId, g -> { });
  }

  /** Adds or edits a security group. */
  public NetworkBuilder securityGroup(String groupId, Consumer<SecurityGroupDraft> draft) {
    draft.accept(groups.computeIfAbsent(groupId, SecurityGroupDraft::new));
    absent.remove(Section.SECURITY_GROUPS);
    return this;
  }

  /** Adds or edits a route table. */
  public NetworkBuilder routeTable(String routeTableId, Consumer<RouteTableDraft> draft) {
    draft.accept(routeTables.computeIfAbsent(routeTableId, RouteTableDraft::new));
    absent.remove(Section.ROUTE_TABLES);
    return this;
  }

  public NetworkBuilder internetGateway(String igwId) {
    return internetGateway(igwId, g -> { });
  }

  /** Adds or edits an internet gateway (a new one is attached to the only VPC). */
  public NetworkBuilder internetGateway(String igwId, Consumer<InternetGatewayDraft> draft) {
    draft.accept(igws.computeIfAbsent(igwId, InternetGatewayDraft::new));
    absent.remove(Section.INTERNET_GATEWAYS);
    return this;
  }

  /** Adds or edits a NAT gateway. */
  public NetworkBuilder natGateway(String natGatewayId, Consumer<NatGatewayDraft> draft) {
    draft.accept(nats.computeIfAbsent(natGatewayId, NatGatewayDraft::new));
    absent.remove(Section.NAT_GATEWAYS);
    return this;
  }

  public NetworkBuilder s3GatewayEndpoint(String endpointId) {
    return s3GatewayEndpoint(endpointId, e -> { });
  }

  /** Adds or edits the S3 gateway endpoint {@code endpointId}. */
  public NetworkBuilder s3GatewayEndpoint(String endpointId, Consumer<EndpointDraft> draft) {
    return gatewayEndpoint(endpointId, "s3", draft);
  }

  /** Adds or edits a gateway endpoint of service {@code s3} or {@code dynamodb}. */
  public NetworkBuilder gatewayEndpoint(String endpointId, String service, Consumer<EndpointDraft> draft) {
    return endpoint(endpointId, EndpointType.GATEWAY, service, draft);
  }

  /** Adds or edits an interface endpoint of {@code service} ({@code sts}, {@code logs}, {@code ecr.dkr}…). */
  public NetworkBuilder interfaceEndpoint(String endpointId, String service, Consumer<EndpointDraft> draft) {
    return endpoint(endpointId, EndpointType.INTERFACE, service, draft);
  }

  /** Edits an existing endpoint of any type. */
  public NetworkBuilder endpoint(String endpointId, Consumer<EndpointDraft> draft) {
    EndpointDraft e = endpoints.get(endpointId);
    if (e == null) {
      throw new IllegalArgumentException("there is no VPC endpoint " + endpointId + " to edit; known: " + endpoints.keySet());
    }
    draft.accept(e);
    return this;
  }

  private NetworkBuilder endpoint(String endpointId, EndpointType type, String service, Consumer<EndpointDraft> draft) {
    String serviceName = service.startsWith("com.amazonaws.") ? service : "com.amazonaws." + region + "." + service;
    draft.accept(endpoints.computeIfAbsent(endpointId, id -> new EndpointDraft(id, type, serviceName)));
    absent.remove(Section.VPC_ENDPOINTS);
    return this;
  }

  /** Adds or edits a network ACL. */
  public NetworkBuilder networkAcl(String aclId, Consumer<NetworkAclDraft> draft) {
    NetworkAclDraft acl = acls.computeIfAbsent(aclId, NetworkAclDraft::new);
    draft.accept(acl);
    for (String subnet : acl.subnets()) {
      acls.values().stream().filter(a -> a != acl).forEach(a -> a.dropSubnet(subnet));
    }
    absent.remove(Section.NETWORK_ACLS);
    return this;
  }

  /** Adds or replaces a managed prefix list. */
  public NetworkBuilder prefixList(String prefixListId, String name, String... cidrs) {
    prefixLists.put(prefixListId,
        PrefixList.builder().prefixListId(prefixListId).prefixListName(name).cidrs(Arrays.asList(cidrs)).build());
    absent.remove(Section.PREFIX_LISTS);
    return this;
  }

  public NetworkBuilder bucket(String name) {
    return bucket(name, b -> { });
  }

  /** Adds or edits an S3 bucket. */
  public NetworkBuilder bucket(String name, Consumer<BucketDraft> draft) {
    draft.accept(buckets.computeIfAbsent(name, BucketDraft::new));
    return this;
  }

  /**
   * Records a failed capture call, for example {@code ("ec2:DescribeNetworkAcls", "UnauthorizedOperation", "…")}.
   * The fake answers that call with this error while the section is unknown.
   */
  public NetworkBuilder captureError(String operation, String code, String message) {
    errors.add(CaptureError.of(operation, code, message));
    return this;
  }

  /** Makes {@code sections} unknown (not captured): their resources are dropped. */
  public NetworkBuilder forget(Section... sections) {
    for (Section s : sections) {
      absent.add(s);
      switch (s) {
        case VPCS:
          vpcs.clear();
          break;
        case DHCP_OPTIONS:
          dhcp.clear();
          break;
        case SUBNETS:
          subnets.clear();
          break;
        case SECURITY_GROUPS:
          groups.clear();
          break;
        case ROUTE_TABLES:
          routeTables.clear();
          break;
        case VPC_ENDPOINTS:
          endpoints.clear();
          break;
        case NAT_GATEWAYS:
          nats.clear();
          break;
        case INTERNET_GATEWAYS:
          igws.clear();
          break;
        case NETWORK_ACLS:
          acls.clear();
          break;
        case PREFIX_LISTS:
          prefixLists.clear();
          break;
        default:
          break;
      }
    }
    return this;
  }

  /**
   * Deletes resources by id. A deleted gateway endpoint takes its routes along; routes to a deleted
   * NAT or internet gateway stay, as {@code blackhole}, as in EC2.
   */
  public NetworkBuilder remove(String... resourceIds) {
    for (String id : resourceIds) {
      // every map drops the id (no short-circuit)
      boolean found = vpcs.remove(id) != null;
      found |= dhcp.remove(id) != null;
      found |= subnets.remove(id) != null;
      found |= groups.remove(id) != null;
      found |= routeTables.remove(id) != null;
      found |= prefixLists.remove(id) != null;
      found |= buckets.remove(id) != null;
      found |= acls.remove(id) != null;
      if (endpoints.remove(id) != null) {
        routeTables.values().forEach(r -> r.removeRoutesTo(id));
        found = true;
      }
      if (nats.remove(id) != null || igws.remove(id) != null) {
        routeTables.values().forEach(r -> r.blackhole(id));
        found = true;
      }
      if (!found) {
        throw new IllegalArgumentException("there is no resource " + id + " to remove");
      }
    }
    return this;
  }

  /** The network. */
  public NetworkSnapshot build() {
    String owner = accountId.orElse(DEFAULT_ACCOUNT);
    addVpcDefaults();
    Map<String, String> subnetVpc = new LinkedHashMap<>();
    Map<String, Integer> freshPerVpc = new LinkedHashMap<>();
    List<Subnet> subnetList = new ArrayList<>();
    for (SubnetDraft s : subnets.values()) {
      String vpc = vpcOf("subnet " + s.id, s.vpcId());
      subnetVpc.put(s.id, vpc);
      int n = freshPerVpc.merge(vpc, 1, Integer::sum);
      String defaultCidr = s.fresh && s.cidr().isEmpty() ? nthSlash24(vpc, n) : null;
      String az = region + (char) ('a' + (n - 1) % 3);
      subnetList.add(s.build(vpc, defaultCidr, az, owner));
    }
    associateDefaultAcls(subnetVpc);
    addEndpointRoutes();

    List<RouteTable> tables = new ArrayList<>();
    for (RouteTableDraft t : routeTables.values()) {
      String vpc = vpcOf("route table " + t.id, t.vpcId());
      for (String s : t.associatedSubnets()) {
        requireKnown("route table " + t.id + " is associated with subnet " + s, subnets, s);
      }
      tables.add(t.build(vpc, cidrsOf(vpc), owner, () -> ids.next("rtbassoc")));
    }
    List<VpcEndpoint> endpointList = new ArrayList<>();
    for (EndpointDraft e : endpoints.values()) {
      String vpc = vpcOf("VPC endpoint " + e.id, e.vpcId());
      endpointList.add(e.build(vpc, owner, () -> ids.next("eni")));
    }
    List<NatGateway> natList = new ArrayList<>();
    for (NatGatewayDraft n : nats.values()) {
      n.subnetId().ifPresent(s -> requireKnown("NAT gateway " + n.id + " sits in subnet " + s, subnets, s));
      natList.add(n.build(n.subnetId().map(subnetVpc::get)));
    }
    List<InternetGateway> igwList = new ArrayList<>();
    igws.values().forEach(g -> igwList.add(g.build(onlyVpc(), owner)));
    List<NetworkAcl> aclList = new ArrayList<>();
    for (NetworkAclDraft a : acls.values()) {
      aclList.add(a.build(vpcOf("network ACL " + a.id, a.vpcId()), owner));
    }
    List<SecurityGroup> groupList = new ArrayList<>();
    groups.values().forEach(g -> groupList.add(g.build(vpcOf("security group " + g.id, g.vpcId()), owner)));
    List<Vpc> vpcList = new ArrayList<>();
    vpcs.values().forEach(v -> vpcList.add(v.build(owner)));

    NetworkSnapshot.Builder b = NetworkSnapshot.builder().region(region).accountId(accountId).capturedAt(capturedAt);
    section(Section.VPCS, vpcList, b::vpcs);
    section(Section.DHCP_OPTIONS, new ArrayList<>(dhcp.values()), b::dhcpOptions);
    section(Section.SUBNETS, subnetList, b::subnets);
    section(Section.SECURITY_GROUPS, groupList, b::securityGroups);
    section(Section.ROUTE_TABLES, tables, b::routeTables);
    section(Section.VPC_ENDPOINTS, endpointList, b::vpcEndpoints);
    section(Section.NAT_GATEWAYS, natList, b::natGateways);
    section(Section.INTERNET_GATEWAYS, igwList, b::internetGateways);
    section(Section.NETWORK_ACLS, aclList, b::networkAcls);
    section(Section.PREFIX_LISTS, new ArrayList<>(prefixLists.values()), b::prefixLists);
    Map<String, BucketFacts> bucketFacts = new LinkedHashMap<>();
    buckets.forEach((name, d) -> bucketFacts.put(name, d.build(region)));
    inVpc.ifPresent(s -> b.networkInterfaces(s.networkInterfaces()).captureFilters(s.captureFilters())
        .efsFileSystems(s.efsFileSystems()).efsMountTargets(s.efsMountTargets())
        .efsMountTargetSecurityGroups(s.efsMountTargetSecurityGroups())
        .efsFileSystemPolicies(s.efsFileSystemPolicies()).fsxFileSystems(s.fsxFileSystems()));
    return b.buckets(bucketFacts).errors(errors).build();
  }

  private <T> void section(Section s, List<T> items, Consumer<List<T>> set) {
    if (!absent.contains(s)) {
      set.accept(items);
    }
  }

  private void addVpcDefaults() {
    if (fresh && !absent.contains(Section.PREFIX_LISTS)) {
      ensurePrefixList("s3");
    }
    for (VpcDraft v : List.copyOf(vpcs.values())) {
      if (!v.fresh) {
        continue;
      }
      if (v.dhcpOptionsId().isEmpty() && !absent.contains(Section.DHCP_OPTIONS)) {
        String id = ids.next("dopt");
        Map<String, List<String>> config = new LinkedHashMap<>();
        config.put("domain-name", List.of(region.equals("us-east-1") ? "ec2.internal" : region + ".compute.internal"));
        config.put("domain-name-servers", List.of("AmazonProvidedDNS"));
        dhcpOptions(id, config);
        v.dhcpOptions(id);
      }
      boolean hasMain = routeTables.values().stream()
          .anyMatch(t -> t.isMain() && t.vpcId().or(this::onlyVpc).map(v.id::equals).orElse(false));
      if (!hasMain && !absent.contains(Section.ROUTE_TABLES)) {
        routeTable(ids.next("rtb"), t -> t.vpc(v.id).main());
      }
      boolean hasDefaultAcl = acls.values().stream()
          .anyMatch(a -> a.isDefault() && a.vpcId().or(this::onlyVpc).map(v.id::equals).orElse(false));
      if (!hasDefaultAcl && !absent.contains(Section.NETWORK_ACLS)) {
        networkAcl(ids.next("acl"), a -> a.vpc(v.id).asDefault().allowAll());
      }
    }
  }

  private void associateDefaultAcls(Map<String, String> subnetVpc) {
    if (absent.contains(Section.NETWORK_ACLS)) {
      return;
    }
    for (SubnetDraft s : subnets.values()) {
      if (!s.fresh || acls.values().stream().anyMatch(a -> a.subnets().contains(s.id))) {
        continue;
      }
      String vpc = subnetVpc.get(s.id);
      acls.values().stream()
          .filter(a -> a.isDefault() && a.vpcId().or(this::onlyVpc).map(vpc::equals).orElse(false))
          .findFirst()
          .ifPresent(a -> a.associate(s.id));
    }
  }

  private void addEndpointRoutes() {
    for (EndpointDraft e : endpoints.values()) {
      if (e.type != EndpointType.GATEWAY) {
        continue;
      }
      for (String rtb : e.routeTableIds()) {
        requireKnown("gateway endpoint " + e.id + " routes route table " + rtb, routeTables, rtb);
        String suffix = e.serviceName.substring(e.serviceName.lastIndexOf('.') + 1);
        String pl = ensurePrefixList(suffix);
        routeTables.get(rtb).addEndpointRoute(pl, e.id);
      }
    }
  }

  private String ensurePrefixList(String service) {
    String name = "com.amazonaws." + region + "." + service;
    for (PrefixList p : prefixLists.values()) {
      if (p.prefixListName().equals(name)) {
        return p.prefixListId();
      }
    }
    PrefixList p = KnownPrefixLists.of(region, service);
    prefixLists.put(p.prefixListId(), p);
    absent.remove(Section.PREFIX_LISTS);
    return p.prefixListId();
  }

  private Optional<String> onlyVpc() {
    return vpcs.size() == 1 ? Optional.of(vpcs.keySet().iterator().next()) : Optional.empty();
  }

  private String vpcOf(String what, Optional<String> declared) {
    if (declared.isPresent()) {
      if (!vpcs.containsKey(declared.get()) && !absent.contains(Section.VPCS)) {
        throw new IllegalArgumentException(what + " belongs to VPC " + declared.get()
            + ", which the network does not have; known VPCs: " + vpcs.keySet());
      }
      return declared.get();
    }
    return onlyVpc().orElseThrow(() -> new IllegalArgumentException(what + " needs its VPC: call vpc(\"vpc-…\") on it"
        + (vpcs.isEmpty() ? " after adding the VPC with NetworkBuilder.vpc(…)" : "; the network has VPCs " + vpcs.keySet())));
  }

  private List<String> cidrsOf(String vpcId) {
    VpcDraft v = vpcs.get(vpcId);
    if (v == null || v.cidr() == null) {
      return List.of();
    }
    return List.of(v.cidr());
  }

  private String nthSlash24(String vpcId, int n) {
    VpcDraft v = vpcs.get(vpcId);
    String base = v == null || v.cidr() == null ? "10.0.0.0/16" : v.cidr();
    Optional<Cidr> block = base.indexOf('/') < 0 ? Optional.empty() : Cidr.tryParseIpv4(base);
    if (block.isEmpty()) {
      throw new IllegalArgumentException("VPC " + vpcId + " has CIDR " + base + ", not an IPv4 CIDR block such as 10.0.0.0/16");
    }
    int network = block.get().ipv4Network();
    return (network >>> 24) + "." + ((network >>> 16) & 0xFF) + "." + n + ".0/24";
  }

  private static void requireKnown(String what, Map<String, ?> known, String id) {
    if (!known.containsKey(id)) {
      throw new IllegalArgumentException(what + ", which the network does not have; known: " + known.keySet());
    }
  }
}
