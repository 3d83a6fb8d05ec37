package dev.vpctrain.core.internal.rules.vpc;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.RouteTargetKind;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.internal.reach.AclDecision;
import dev.vpctrain.core.internal.reach.AddressRoute;
import dev.vpctrain.core.internal.reach.EgressPath;
import dev.vpctrain.core.internal.reach.FlowAcls;
import dev.vpctrain.core.internal.reach.Ipv4RangeSet;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.NetworkAclEvaluator;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.SecurityGroupEvaluator;
import dev.vpctrain.core.internal.reach.SgDecision;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.cluster.Commands;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether job instances in one subnet reach one custom DNS server on port 53: the route to its
 * address (reach's route-to-an-address analysis, shared with the in-VPC resource rules), the job
 * security groups' egress, and the network ACLs of the flow (reach's flow check): the job subnet's
 * both ways and, for a server inside the VPC whose subnet the snapshot has, that subnet's both ways. UDP decides (stub resolvers do not fall back to TCP when UDP gets no
 * answer); TCP 53, used for answers too large for UDP, only adds a note.
 */
final class DnsServerPath {
  private static final Traffic UDP = Traffic.udp(53, 53);
  private static final Traffic TCP = Traffic.tcp(53);

  final String subnet;
  final String server;
  Tri result = Tri.YES;
  final List<String> problems = new ArrayList<>();
  final List<String> unknowns = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  final Set<String> resources = new LinkedHashSet<>();
  final Set<String> hops = new LinkedHashSet<>();
  final List<String> fixes = new ArrayList<>();
  boolean insideVpc;

  private DnsServerPath(String subnet, String server) {
    this.subnet = subnet;
    this.server = server;
  }

  /** Decides the path from {@code subnet} to {@code server} (a dotted-quad IPv4 address) in {@code vpcId}. */
  static DnsServerPath of(RuleContext ctx, String vpcId, String subnet, String server) {
    DnsServerPath d = new DnsServerPath(subnet, server);
    d.decide(ctx, vpcId);
    return d;
  }

  private void decide(RuleContext ctx, String vpcId) {
    int address = Cidr.parseIpv4Address(server);
    boolean isPublic = !Cidr.ipv4Host(address).isNonPublic();
    Ipv4RangeSet host = Ipv4RangeSet.of(List.of(Cidr.ipv4Host(address)));
    Peer.Builder pb = Peer.builder("DNS server " + server).every(host);
    if (!isPublic) {
      pb.groupsUnknown(); // its network interface (and so its groups) is not in the snapshot
    }
    Peer peer = pb.build();
    route(ctx, address, isPublic, peer);
    securityGroups(ctx, peer);
    Optional<Cidr> own = JobPeers.subnetCidr(ctx.network(), subnet);
    if (own.isPresent() && own.get().contains(address)) {
      notes.add("DNS server " + server + " is in job subnet " + subnet + " itself, so no network ACL applies");
    } else {
      acls(ctx, vpcId, address, peer);
    }
  }

  /**
   * The route from the shared route-to-an-address analysis (reach), forward only: this rule's
   * spec checks the way to the server, not the server subnet's route back. The analysis decides;
   * the wording stays this rule's, taken from the egress path the analysis was decided from. One
   * deliberate difference: a private server address sent to a NAT gateway stays UNVERIFIED here
   * (rules.md lists only no route and blackhole as failures for this rule), where "Route to an
   * address" fails it when the gateway's subnet sends it to an internet gateway.
   */
  private void route(RuleContext ctx, int address, boolean isPublic, Peer peer) {
    // a NAT gateway whose own subnet ACL drops the queries is no NAT path (egress.nat.nacl-blocked)
    AddressRoute.Leg leg = ReachContext.of(ctx).routeToAddress(subnet, address, Optional.empty(), UDP, peer).forward();
    if (leg.routeTable().isKnown()) {
      resources.add(leg.routeTable().routeTableId());
    }
    if (leg.kind() == AddressRoute.Kind.SAME_SUBNET || leg.kind() == AddressRoute.Kind.LOCAL) {
      insideVpc = true;
      return;
    }
    EgressPath p = leg.path().orElseThrow(); // every leg that crosses the route table has one
    String rtb = p.routeTableId().isEmpty() ? "<rtb-…>" : p.routeTableId();
    if (!isPublic && p.nat().isPresent() && p.kind() != EgressPath.Kind.UNKNOWN) {
      unknown("route table " + rtb + " sends the private address " + server + " to NAT gateway "
          + p.target().orElse("?") + "; where that gateway forwards it is beyond the snapshot", p);
      return;
    }
    switch (leg.kind()) {
      case NAT:
        notes.add("public DNS server " + server + " is reached from " + subnet + " through " + p.detail());
        return;
      case NAT_BROKEN:
        if (p.kind() == EgressPath.Kind.NAT_BLOCKED) {
          fail(p.detail(), p, "Let the network ACL of NAT gateway " + p.target().orElse("?") + "'s subnet pass UDP 53 to "
              + server + " and its replies (see egress.nat.nacl-blocked)");
        } else {
          fail(p.detail(), p, "Give route table " + rtb + " a working NAT path for " + server
              + " (see egress.nat.misplaced)");
        }
        return;
      case INTERNET_GATEWAY:
        fail(p.detail(), p, "A DNS server outside the VPC needs a private connection (transit gateway, VPN, peering) "
            + "or, for a public server, a NAT gateway: aws ec2 create-route --route-table-id " + rtb
            + " --destination-cidr-block " + server + "/32 --nat-gateway-id <nat-…>");
        return;
      case SERVICE_ENDPOINT:
        fail(p.detail() + "; a gateway endpoint carries only S3 and DynamoDB traffic", p,
            "Route " + server + " to where the DNS server lives instead");
        return;
      case BLACKHOLE:
        fail(p.detail(), p, "Replace the blackhole route " + p.route().map(r -> r.destination()).orElse(server + "/32")
            + " in route table " + rtb + " with a live target: aws ec2 replace-route --route-table-id " + rtb
            + " --destination-cidr-block " + p.route().map(r -> r.destination()).orElse(server + "/32")
            + " --transit-gateway-id <tgw-…> (or --vpc-peering-connection-id / --gateway-id for a VPN gateway)");
        return;
      case NONE:
        fail(p.detail(), p, "Add a route for " + server + " in route table " + rtb
            + " to the transit gateway, VPN gateway or peering connection that leads to the DNS server: "
            + "aws ec2 create-route --route-table-id " + rtb + " --destination-cidr-block " + server
            + "/32 --transit-gateway-id <tgw-…>");
        return;
      case MIDDLEBOX:
      case HOP:
        if (!leg.hops().isEmpty() && leg.hops().get(0).kind() == RouteTargetKind.GATEWAY_ENDPOINT) {
          unknown("route table " + rtb + " sends " + server + " to " + p.target().orElse("?")
              + ", a Gateway Load Balancer endpoint (an inspection appliance); the path beyond it is not in the snapshot", p);
          return;
        }
        unknown(p.detail(), p);
        return;
      default: // UNKNOWN
        if (p.kind() == EgressPath.Kind.UNKNOWN) {
          result = result.and(Tri.UNKNOWN);
          unknowns.add(p.detail());
          return;
        }
        unknown(leg.detail(), p);
    }
  }

  private void securityGroups(RuleContext ctx, Peer peer) {
    List<String> groups = JobPeers.groups(ctx.job());
    SecurityGroupEvaluator sgs = ReachContext.securityGroups(ctx);
    SgDecision udp = sgs.egress(groups, UDP, peer);
    SgDecision tcp = sgs.egress(groups, TCP, peer);
    String g = String.join(", ", groups);
    if (udp.denied()) {
      result = result.and(Tri.NO);
      resources.addAll(groups);
      problems.add("the job's security groups (" + g + ") allow no outbound UDP 53 to " + server
          + (tcp.denied() ? " (nor TCP 53)" : ""));
      String group = groups.isEmpty() ? "<sg-…>" : groups.get(0);
      fixes.add("aws ec2 authorize-security-group-egress --group-id " + group + " --ip-permissions "
          + "'IpProtocol=udp,FromPort=53,ToPort=53,IpRanges=[{CidrIp=" + server + "/32}]' "
          + "'IpProtocol=tcp,FromPort=53,ToPort=53,IpRanges=[{CidrIp=" + server + "/32}]'");
    } else if (udp.result() == Tri.UNKNOWN) {
      result = result.and(Tri.UNKNOWN);
      unknowns.add("whether the job's security groups (" + g + ") let UDP 53 out to " + server + " is unknown: "
          + udp.unknownReason());
    } else if (tcp.denied()) {
      notes.add("the job's security groups allow UDP 53 but not TCP 53 to " + server
          + ", so answers too large for UDP fail");
    }
  }

  /**
   * The network ACLs of the flow to the server (reach's flow check): the job subnet's both ways
   * and, for a server inside the VPC whose subnet the snapshot has, that subnet's both ways.
   */
  private void acls(RuleContext ctx, String vpcId, int address, Peer peer) {
    Optional<String> serverSubnet = insideVpc ? serverSubnet(ctx, vpcId, address) : Optional.empty();
    Optional<String> other = serverSubnet.filter(s -> !s.equals(subnet));
    NetworkAclEvaluator acls = ReachContext.acls(ctx);
    Peer job = JobPeers.instancesIn(ctx.job(), ctx.network(), subnet);
    FlowAcls udp = acls.flow(subnet, job, other, peer, UDP, UDP.returnTraffic());
    FlowAcls tcp = acls.flow(subnet, job, other, peer, TCP, TCP.returnTraffic());
    FlowAcls.Side jobSide = udp.source().orElseThrow();
    if (jobSide.acl().isEmpty()) {
      result = result.and(Tri.UNKNOWN);
      unknowns.add(jobSide.unknownReason().orElse(""));
    } else {
      acl(jobSide.acl().get(), jobSide.both().orElseThrow(), tcp.source().flatMap(FlowAcls.Side::both).orElseThrow(),
          server + "/32", "job subnet " + subnet);
    }
    if (!insideVpc) {
      return;
    }
    if (serverSubnet.isEmpty()) {
      notes.add("the subnet holding " + server + " is not in the snapshot, so its network ACL is not checked");
      return;
    }
    if (other.isEmpty()) {
      return;
    }
    FlowAcls.Side serverSide = udp.destination().orElseThrow();
    if (serverSide.acl().isEmpty()) {
      result = result.and(Tri.UNKNOWN);
      unknowns.add("the network ACL of the DNS server's subnet " + other.get() + " is unknown: " + acls.whyNoAcl(other.get()));
      return;
    }
    String cidr = JobPeers.subnetCidr(ctx.network(), subnet).map(Cidr::toString).orElse("<job subnet CIDR>");
    acl(serverSide.acl().get(), serverSide.both().orElseThrow(), tcp.destination().flatMap(FlowAcls.Side::both).orElseThrow(),
        cidr, "the DNS server's subnet " + other.get());
  }

  /** The subnet of {@code vpcId} whose CIDR holds {@code address}, when the snapshot has it. */
  private static Optional<String> serverSubnet(RuleContext ctx, String vpcId, int address) {
    return ctx.network().subnets().orElse(List.of()).stream()
        .filter(s -> s.vpcId().equals(vpcId))
        .filter(s -> s.cidrBlock().flatMap(Cidr::tryParseIpv4).map(c -> c.contains(address)).orElse(false))
        .findFirst()
        .map(Subnet::subnetId);
  }

  private void acl(NetworkAcl acl, AclDecision udp, AclDecision tcp, String cidr, String where) {
    if (udp.denied()) {
      result = result.and(Tri.NO);
      resources.add(acl.networkAclId());
      problems.add("the network ACL of " + where + ": " + udp.describe() + (tcp.denied() ? " (TCP 53 is blocked too)" : "")
          + " (ACLs are stateless: DNS needs port 53 one way and 1024-65535 back)");
      int before = udp.denyingEntry().map(AclEntry::ruleNumber).orElse(32767);
      fixes.add(Commands.aclAllow(acl, udp.egress(), before, udp.traffic(), cidr));
    } else if (udp.result() == Tri.UNKNOWN) {
      result = result.and(Tri.UNKNOWN);
      unknowns.add(udp.describe());
    } else if (tcp.denied()) {
      notes.add(tcp.describe() + ", so answers too large for UDP fail");
    }
  }

  private void fail(String why, EgressPath p, String fix) {
    result = result.and(Tri.NO);
    problems.add(why);
    p.target().ifPresent(resources::add);
    fixes.add(fix);
  }

  private void unknown(String why, EgressPath p) {
    result = result.and(Tri.UNKNOWN);
    unknowns.add(why);
    p.target().ifPresent(t -> {
      hops.add(t);
      resources.add(t);
    });
  }
}
