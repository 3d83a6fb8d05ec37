package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.HostPort;
import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.internal.reach.AclDecision;
import dev.vpctrain.core.internal.reach.EgressPath;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.NetworkAclEvaluator;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.SgDecision;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.vpc.JobVpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the job's subnets can reach outside the VPC: for each required AWS service, a usable
 * interface endpoint or a NAT path; for each internet destination, a NAT path that the job's
 * security groups and the subnet's network ACL let its port through. Computed once per preflight
 * ({@link #of(RuleContext)}) and shared by the {@code egress.*} rules.
 */
public final class OutsideAccess {
  private static final Traffic HTTPS = Traffic.tcp(443);
  /** Where AWS service hostnames resolve without an endpoint: public addresses. */
  public static final Peer AWS_SERVICES = Peer.anyPublicAddress("AWS service endpoints");
  private final RuleContext ctx;
  private final Reach reach;
  private final Optional<String> vpcId;
  private final List<String> subnets;
  private final List<String> groups;
  private final Map<String, Access> natPaths = new ConcurrentHashMap<>();
  private final Map<AwsService, Access> endpointUse = new ConcurrentHashMap<>();

  private OutsideAccess(RuleContext ctx) {
    this.ctx = ctx;
    this.reach = ReachContext.of(ctx);
    this.vpcId = JobVpc.vpcId(ctx);
    this.subnets = JobPeers.subnets(ctx.job());
    this.groups = JobPeers.groups(ctx.job());
  }

  /** The analysis of this preflight. */
  public static OutsideAccess of(RuleContext ctx) {
    return ctx.cached(OutsideAccess.class, k -> new OutsideAccess(ctx));
  }

  public Reach reach() {
    return reach;
  }

  public Optional<String> vpcId() {
    return vpcId;
  }

  /** The job's distinct subnets. */
  public List<String> subnets() {
    return subnets;
  }

  /** The job's distinct security groups. */
  public List<String> groups() {
    return groups;
  }

  /** The required AWS services this section checks (S3 is the S3 rules' business). */
  public List<AwsService> services() {
    List<AwsService> out = new ArrayList<>();
    for (AwsService s : ctx.job().requiredServices()) {
      if (!s.endpointName().equals("s3")) {
        out.add(s);
      }
    }
    return out;
  }

  public List<HostPort> internet() {
    return ctx.job().requiredInternet();
  }

  /** The VPC's interface endpoints for {@code service} (empty when none or unknown). */
  public List<VpcEndpoint> interfaceEndpoints(AwsService service) {
    return vpcId.map(v -> reach.endpoints(v, EndpointType.INTERFACE, service.endpointName())).orElse(List.of());
  }

  /** {@code com.amazonaws.<region>.<service>}. */
  public String serviceName(AwsService service) {
    return service.endpointServiceName(ctx.network().region());
  }

  /** Whether the VPC's {@code enableDnsHostnames} is on. */
  public Tri dnsHostnames() {
    Optional<Vpc> vpc = vpcId.flatMap(ctx.network()::vpc);
    return vpc.flatMap(Vpc::enableDnsHostnames).map(Tri::of).orElse(Tri.UNKNOWN);
  }

  /** Why the VPC's DNS attributes are unknown. */
  public String dnsHostnamesUnknownReason() {
    if (vpcId.isEmpty()) {
      return "the job's VPC is not known: " + JobVpc.whyUnknown(ctx);
    }
    Section missing = ctx.network().has(Section.VPCS) ? Section.VPC_ATTRIBUTES : Section.VPCS;
    return "enableDnsHostnames of " + vpcId.get() + " is not known: " + ctx.network().unknownReason(missing);
  }

  /**
   * Whether the VPC has a usable interface endpoint for {@code service}: available, private DNS on,
   * and the VPC's {@code enableDnsHostnames} on (so the service's normal hostname resolves to it).
   */
  public Access endpoint(AwsService service) {
    return endpointUse.computeIfAbsent(service, this::decideEndpoint);
  }

  private Access decideEndpoint(AwsService service) {
    String name = serviceName(service);
    if (!service.hasVpcEndpoint()) {
      return Access.of(Tri.NO, service.endpointName() + " has no VPC endpoint");
    }
    if (vpcId.isEmpty()) {
      return Access.of(Tri.UNKNOWN, "the job's VPC is not known: " + JobVpc.whyUnknown(ctx));
    }
    if (!ctx.network().has(Section.VPC_ENDPOINTS)) {
      return Access.of(Tri.UNKNOWN, "whether " + vpcId.get() + " has an interface endpoint for " + name + " is unknown: "
          + ctx.network().unknownReason(Section.VPC_ENDPOINTS));
    }
    List<VpcEndpoint> eps = interfaceEndpoints(service);
    if (eps.isEmpty()) {
      return Access.of(Tri.NO, vpcId.get() + " has no interface endpoint for " + name, vpcId.get());
    }
    Access best = null;
    for (VpcEndpoint e : eps) {
      Access a = usable(e);
      best = best == null ? a : best.or(a);
    }
    return best;
  }

  /** The first interface endpoint for {@code service} that is usable (see {@link #endpoint}). */
  public Optional<VpcEndpoint> usableEndpoint(AwsService service) {
    for (VpcEndpoint e : interfaceEndpoints(service)) {
      if (usable(e).isYes()) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** A NAT gateway of the job's VPC that gives an internet path, if the snapshot has one. */
  public Optional<String> healthyNat() {
    if (vpcId.isEmpty()) {
      return Optional.empty();
    }
    return ctx.network().natGateways().orElse(List.of()).stream()
        .filter(n -> n.vpcId().map(vpcId.get()::equals).orElse(false))
        .map(n -> n.natGatewayId())
        .filter(id -> reach.natHealth(id).isHealthy())
        .findFirst();
  }

  /** An internet gateway attached to the job's VPC, if the snapshot has one. */
  public Optional<String> attachedInternetGateway() {
    return vpcId.flatMap(v -> ctx.network().internetGateways().orElse(List.of()).stream()
        .filter(g -> g.isAttachedTo(v)).map(g -> g.internetGatewayId()).findFirst());
  }

  private Access usable(VpcEndpoint e) {
    String id = e.vpcEndpointId();
    if (e.state().isEmpty()) {
      return Access.of(Tri.UNKNOWN, "the state of interface endpoint " + id + " is not known", id);
    }
    if (!e.isAvailable()) {
      return Access.of(Tri.NO, "interface endpoint " + id + " is " + e.state().get() + ", not available", id);
    }
    if (!e.privateDnsEnabled()) {
      return Access.of(Tri.NO, "interface endpoint " + id + " has private DNS off", id);
    }
    Tri hostnames = dnsHostnames();
    if (hostnames == Tri.UNKNOWN) {
      return Access.of(Tri.UNKNOWN, dnsHostnamesUnknownReason(), id);
    }
    if (hostnames == Tri.NO) {
      return Access.of(Tri.NO, "interface endpoint " + id + " has private DNS on but " + vpcId.orElse("the VPC")
          + " has enableDnsHostnames off", id, vpcId.orElse(""));
    }
    return Access.of(Tri.YES, "interface endpoint " + id + " (available, private DNS on)", id);
  }

  /** Where {@code subnetId}'s default route leads, from reach. */
  public EgressPath internetPath(String subnetId) {
    return reach.internetPath(subnetId);
  }

  /**
   * Whether {@code subnetId}'s default route leads to a working NAT gateway whose own subnet's
   * network ACL passes HTTPS to AWS service addresses (the NAT path of AWS services).
   */
  public Access natPath(String subnetId) {
    return natPaths.computeIfAbsent(subnetId, s -> decideNat(reach.internetPath(s, HTTPS, AWS_SERVICES)));
  }

  /** Whether {@code subnetId} has a NAT path to internet destination {@code destination} (its port included). */
  public Access natPath(String subnetId, HostPort destination) {
    return decideNat(reach.internetPath(subnetId, Traffic.tcp(destination.port()), Peer.internetHost(destination.host())));
  }

  /** The default-route path of {@code subnetId} for HTTPS to AWS services, with the NAT subnet's ACL checked. */
  public EgressPath servicePath(String subnetId) {
    return reach.internetPath(subnetId, HTTPS, AWS_SERVICES);
  }

  /** The same for internet destination {@code destination}. */
  public EgressPath internetPath(String subnetId, HostPort destination) {
    return reach.internetPath(subnetId, Traffic.tcp(destination.port()), Peer.internetHost(destination.host()));
  }

  private static Access decideNat(EgressPath p) {
    List<String> res = new ArrayList<>();
    if (!p.routeTableId().isEmpty()) {
      res.add(p.routeTableId());
    }
    p.target().ifPresent(res::add);
    if (p.kind() == EgressPath.Kind.NAT_BLOCKED) {
      p.natForwarding().flatMap(f -> f.natSubnetId()).ifPresent(res::add);
      p.natForwarding().flatMap(f -> f.networkAclId()).ifPresent(res::add);
    }
    switch (p.kind()) {
      case NAT:
        return Access.of(Tri.YES, p.detail(), res);
      case UNKNOWN:
      case UNMODELED:
        return Access.of(Tri.UNKNOWN, p.detail(), res);
      default:
        return Access.of(Tri.NO, p.detail(), res);
    }
  }

  /** Whether job instances in {@code subnetId} reach {@code service}: a usable endpoint or a NAT path. */
  public Access service(AwsService service, String subnetId) {
    return endpoint(service).or(natPath(subnetId));
  }

  /** Whether the job's security groups let TCP {@code port} out to an unknown public address. */
  public Access securityGroupsTo(HostPort destination) {
    SgDecision d = ReachContext.securityGroups(ctx)
        .egress(groups, Traffic.tcp(destination.port()), Peer.internetHost(destination.host()));
    String g = String.join(", ", groups);
    switch (d.result()) {
      case YES:
        return Access.of(Tri.YES, "security group " + String.join(", ", d.allowedBy()) + " allows TCP "
            + destination.port() + " out to any public address");
      case NO:
        return Access.of(Tri.NO, "the job's security groups (" + g + ") allow no outbound TCP " + destination.port()
            + " to public addresses", groups);
      default:
        return Access.of(Tri.UNKNOWN, "whether the job's security groups (" + g + ") let TCP " + destination.port()
            + " out to " + destination.host() + " is unknown: " + d.unknownReason(), groups);
    }
  }

  /** Whether {@code subnetId}'s network ACL lets a TCP connection to {@code destination} out and its replies in. */
  public Access aclTo(String subnetId, HostPort destination) {
    NetworkAclEvaluator acls = ReachContext.acls(ctx);
    Optional<NetworkAcl> acl = acls.aclOf(subnetId);
    if (acl.isEmpty()) {
      return Access.of(Tri.UNKNOWN, "the network ACL of " + subnetId + " is unknown: " + acls.whyNoAcl(subnetId));
    }
    AclDecision d = acls.request(acl.get(), Traffic.tcp(destination.port()), Peer.internetHost(destination.host()));
    return Access.of(d.result(), d.describe(), acl.get().networkAclId());
  }

  /** The ACL decision itself (for remediations), when the ACL is known. */
  public Optional<AclDecision> aclDecision(String subnetId, HostPort destination) {
    NetworkAclEvaluator acls = ReachContext.acls(ctx);
    return acls.aclOf(subnetId).map(a ->
        acls.request(a, Traffic.tcp(destination.port()), Peer.internetHost(destination.host())));
  }

  /** Whether job instances in {@code subnetId} reach {@code destination}: NAT path, SG egress, ACL both ways. */
  public Access internet(HostPort destination, String subnetId) {
    return natPath(subnetId, destination).and(securityGroupsTo(destination)).and(aclTo(subnetId, destination));
  }

  /** What needs the default route, for messages: {@code pypi.org:443, iam}. */
  public List<String> defaultRouteNeeds() {
    List<String> out = new ArrayList<>();
    internet().forEach(h -> out.add(h.toString()));
    for (AwsService s : services()) {
      if (!endpoint(s).isYes()) {
        out.add(s.endpointName());
      }
    }
    return out;
  }
}
