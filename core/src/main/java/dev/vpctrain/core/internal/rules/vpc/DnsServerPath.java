package dev.vpctrain.core.internal.rules.vpc;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.internal.reach.AclDecision;
import dev.vpctrain.core.internal.reach.EgressPath;
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
 * address (longest-prefix match, from reach), the job security groups' egress, the job subnet's
 * network ACL both ways and, for a server inside the VPC whose subnet the snapshot has, that
 * subnet's ACL both ways. UDP decides (stub resolvers do not fall back to TCP when UDP gets no
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
      jobAcl(ctx, peer);
      if (insideVpc) {
        serverAcl(ctx, vpcId, address);
      }
    }
  }

  private void route(RuleContext ctx, int address, boolean isPublic, Peer peer) {
    // a NAT gateway whose own subnet ACL drops the queries is no NAT path (egress.nat.nacl-blocked)
    EgressPath p = ReachContext.of(ctx).pathTo(subnet, address, UDP, peer);
    if (!p.routeTableId().isEmpty()) {
      resources.add(p.routeTableId());
    }
    String rtb = p.routeTableId().isEmpty() ? "<rtb-…>" : p.routeTableId();
    switch (p.kind()) {
      case LOCAL:
        insideVpc = true;
        return;
      case NAT:
        if (isPublic) {
          notes.add("public DNS server " + server + " is reached from " + subnet + " through " + p.detail());
          return;
        }
        unknown("route table " + rtb + " sends the private address " + server + " to NAT gateway "
            + p.target().orElse("?") + "; where that gateway forwards it is beyond the snapshot", p);
        return;
      case NAT_BLOCKED:
        if (isPublic) {
          fail(p.detail(), p, "Let the network ACL of NAT gateway " + p.target().orElse("?") + "'s subnet pass UDP 53 to "
              + server + " and its replies (see egress.nat.nacl-blocked)");
          return;
        }
        unknown("route table " + rtb + " sends the private address " + server + " to NAT gateway "
            + p.target().orElse("?") + "; where that gateway forwards it is beyond the snapshot", p);
        return;
      case NAT_UNHEALTHY:
        if (isPublic) {
          fail(p.detail(), p, "Give route table " + rtb + " a working NAT path for " + server
              + " (see egress.nat.misplaced)");
          return;
        }
        unknown("route table " + rtb + " sends the private address " + server + " to NAT gateway "
            + p.target().orElse("?") + "; where that gateway forwards it is beyond the snapshot", p);
        return;
      case UNMODELED:
        unknown(p.detail(), p);
        return;
      case UNKNOWN:
        result = result.and(Tri.UNKNOWN);
        unknowns.add(p.detail());
        return;
      case IGW:
        fail(p.detail(), p, "A DNS server outside the VPC needs a private connection (transit gateway, VPN, peering) "
            + "or, for a public server, a NAT gateway: aws ec2 create-route --route-table-id " + rtb
            + " --destination-cidr-block " + server + "/32 --nat-gateway-id <nat-…>");
        return;
      case GATEWAY_ENDPOINT:
        if (p.route().flatMap(r -> r.prefixListId()).isEmpty()) {
          unknown("route table " + rtb + " sends " + server + " to " + p.target().orElse("?")
              + ", a Gateway Load Balancer endpoint (an inspection appliance); the path beyond it is not in the snapshot", p);
          return;
        }
        fail(p.detail() + "; a gateway endpoint carries only S3 and DynamoDB traffic", p,
            "Route " + server + " to where the DNS server lives instead");
        return;
      case BLACKHOLE:
        fail(p.detail(), p, "Replace the blackhole route " + p.route().map(r -> r.destination()).orElse(server + "/32")
            + " in route table " + rtb + " with a live target: aws ec2 replace-route --route-table-id " + rtb
            + " --destination-cidr-block " + p.route().map(r -> r.destination()).orElse(server + "/32")
            + " --transit-gateway-id <tgw-…> (or --vpc-peering-connection-id / --gateway-id for a VPN gateway)");
        return;
      default: // NONE
        fail(p.detail(), p, "Add a route for " + server + " in route table " + rtb
            + " to the transit gateway, VPN gateway or peering connection that leads to the DNS server: "
            + "aws ec2 create-route --route-table-id " + rtb + " --destination-cidr-block " + server
            + "/32 --transit-gateway-id <tgw-…>");
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

  private void jobAcl(RuleContext ctx, Peer peer) {
    NetworkAclEvaluator acls = ReachContext.acls(ctx);
    Optional<NetworkAcl> acl = acls.aclOf(subnet);
    if (acl.isEmpty()) {
      result = result.and(Tri.UNKNOWN);
      unknowns.add("the network ACL of " + subnet + " is unknown: " + acls.whyNoAcl(subnet));
      return;
    }
    acl(acl.get(), acls.request(acl.get(), UDP, peer), acls.request(acl.get(), TCP, peer), server + "/32",
        "job subnet " + subnet);
  }

  private void serverAcl(RuleContext ctx, String vpcId, int address) {
    Optional<Subnet> home = ctx.network().subnets().orElse(List.of()).stream()
        .filter(s -> s.vpcId().equals(vpcId))
        .filter(s -> s.cidrBlock().flatMap(Cidr::tryParseIpv4).map(c -> c.contains(address)).orElse(false))
        .findFirst();
    if (home.isEmpty()) {
      notes.add("the subnet holding " + server + " is not in the snapshot, so its network ACL is not checked");
      return;
    }
    String serverSubnet = home.get().subnetId();
    if (serverSubnet.equals(subnet)) {
      return;
    }
    NetworkAclEvaluator acls = ReachContext.acls(ctx);
    Optional<NetworkAcl> acl = acls.aclOf(serverSubnet);
    if (acl.isEmpty()) {
      result = result.and(Tri.UNKNOWN);
      unknowns.add("the network ACL of the DNS server's subnet " + serverSubnet + " is unknown: " + acls.whyNoAcl(serverSubnet));
      return;
    }
    Peer job = JobPeers.instancesIn(ctx.job(), ctx.network(), subnet);
    String cidr = JobPeers.subnetCidr(ctx.network(), subnet).map(Cidr::toString).orElse("<job subnet CIDR>");
    acl(acl.get(), acls.serve(acl.get(), UDP, job), acls.serve(acl.get(), TCP, job), cidr,
        "the DNS server's subnet " + serverSubnet);
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
