package dev.vpctrain.core.internal.rules.target;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.reach.AclDecision;
import dev.vpctrain.core.internal.reach.AddressRoute;
import dev.vpctrain.core.internal.reach.FlowAcls;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.RouteHop;
import dev.vpctrain.core.internal.reach.SecurityGroupEvaluator;
import dev.vpctrain.core.internal.reach.SgDecision;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.internal.rules.cluster.Commands;
import dev.vpctrain.core.internal.rules.vpc.JobVpc;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks between one job subnet and one target endpoint, each decided by the shared analyses
 * of {@code internal.reach} (never a route, ACL or security-group analysis of its own): the route
 * there and back ({@code Reach.routeToAddress}), the job groups' egress and the target groups'
 * ingress ({@code SecurityGroupEvaluator}), and the network ACLs of the flow
 * ({@code NetworkAclEvaluator.flow}, replies on 1024-65535).
 */
public final class TargetChecks {
  private TargetChecks() {}

  /** One check's answer: YES, NO with the problem and its fix, or UNKNOWN with the reason. */
  public static final class Check {
    private Tri result = Tri.YES;
    private final List<String> problems = new ArrayList<>();
    private final List<String> groupProblems = new ArrayList<>();
    private final List<String> unknowns = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> resources = new LinkedHashSet<>();
    private final List<String> fixes = new ArrayList<>();
    private final List<RouteHop> hops = new ArrayList<>();

    void no(String problem, String fix) {
      no(problem, problem, fix);
    }

    /** A NO whose problem, named for one job subnet, reads {@code groupProblem} for several of one cause. */
    void no(String problem, String groupProblem, String fix) {
      result = result.and(Tri.NO);
      problems.add(problem);
      groupProblems.add(groupProblem);
      if (fix != null) {
        fixes.add(fix);
      }
    }

    void unknown(String why) {
      result = result.and(Tri.UNKNOWN);
      unknowns.add(why);
    }

    void note(String note) {
      notes.add(note);
    }

    public Tri result() {
      return result;
    }

    public List<String> problems() {
      return problems;
    }

    /** The problems as a finding of several job subnets with this cause names them: without the subnet. */
    public List<String> groupProblems() {
      return groupProblems;
    }

    public List<String> unknowns() {
      return unknowns;
    }

    public List<String> notes() {
      return notes;
    }

    /** The ids the problem or unknown names. */
    public Set<String> resources() {
      return resources;
    }

    public List<String> fixes() {
      return fixes;
    }

    /** The hops an UNKNOWN route goes through. */
    public List<RouteHop> hops() {
      return hops;
    }
  }

  /** The route from {@code subnet} to {@code e}'s address and back ({@code Reach.routeToAddress}). */
  public static AddressRoute route(RuleContext ctx, String subnet, TargetEndpoint e, Traffic traffic) {
    return e.route(subnet, traffic, () -> ReachContext.of(ctx).routeToAddress(subnet, e.address(), e.subnet(), traffic, e.peer()));
  }

  /** True when the route is undecided because it leaves the VPC (peering, transit gateway, VPN…). */
  public static boolean beyondHop(AddressRoute r) {
    return r.result() == Tri.UNKNOWN && r.hops().stream().anyMatch(RouteHop::leavesVpc);
  }

  /** {@code target.route.missing}: NO for no route, a blackhole or an internet path; UNKNOWN for missing data only. */
  public static Check route(RuleContext ctx, String subnet, TargetEndpoint e, Traffic traffic, AddressRoute r) {
    Check c = new Check();
    if (r.result() == Tri.NO) {
      c.resources.addAll(r.resources());
      r.legs().stream().filter(l -> l.result() == Tri.NO)
          .forEach(l -> l.path().flatMap(p -> p.target()).ifPresent(c.resources::add));
      c.no(e.describe() + ": " + r.describe(), routeFix(r, e));
    } else if (r.result() == Tri.UNKNOWN && r.hops().isEmpty()) {
      c.resources.addAll(r.resources());
      c.unknown(e.describe() + ": " + r.describe());
    }
    return c;
  }

  /** {@code target.unmodeled}: UNKNOWN naming the hops of a route that is neither decided nor broken. */
  public static Check hops(TargetEndpoint e, AddressRoute r) {
    Check c = new Check();
    if (r.result() == Tri.UNKNOWN && !r.hops().isEmpty()) {
      c.hops.addAll(r.hops());
      c.resources.addAll(r.resources());
      c.unknown(e.describe() + ": " + r.describe());
    }
    return c;
  }

  private static String routeFix(AddressRoute r, TargetEndpoint e) {
    AddressRoute.Leg leg = r.deciding();
    String rtb = leg.routeTable().isKnown() ? leg.routeTable().routeTableId() : "<rtb-…>";
    String dest = leg == r.forward() ? e.cidr() : leg.destination();
    switch (leg.kind()) {
      case BLACKHOLE: {
        String route = leg.routes().isEmpty() ? dest : leg.routes().get(0).destination();
        return "replace the blackhole route " + route + " in " + rtb + " with a live target: aws ec2 replace-route "
            + "--route-table-id " + rtb + " --destination-cidr-block " + route + " --vpc-peering-connection-id <pcx-…> "
            + "(or --transit-gateway-id <tgw-…>; or aws ec2 delete-route --route-table-id " + rtb
            + " --destination-cidr-block " + route + " when the destination is inside the VPC and the local route should carry it)";
      }
      case NONE:
        return "add a route for " + dest + " in " + rtb + " to the peering connection, transit gateway or VPN gateway that "
            + "leads to it: aws ec2 create-route --route-table-id " + rtb + " --destination-cidr-block " + dest
            + " --transit-gateway-id <tgw-…> (or --vpc-peering-connection-id <pcx-…>, --gateway-id <vgw-…>)";
      default:
        return "a private address is not on the internet: route " + dest + " in " + rtb + " through the peering "
            + "connection, transit gateway or VPN that leads to it: aws ec2 create-route --route-table-id " + rtb
            + " --destination-cidr-block " + dest + " --vpc-peering-connection-id <pcx-…> (or --transit-gateway-id <tgw-…>)";
    }
  }

  /** {@code target.security-group.egress}: the job's groups let the traffic out to {@code e}. */
  public static Check egress(RuleContext ctx, TargetEndpoint e, Traffic traffic) {
    Check c = new Check();
    List<String> jobGroups = JobPeers.groups(ctx.job());
    SgDecision d = ReachContext.securityGroups(ctx).egress(jobGroups, traffic, e.peer());
    if (d.denied()) {
      c.resources.addAll(jobGroups);
      c.no("the job's security groups (" + String.join(", ", jobGroups) + ") allow no outbound " + traffic + " to "
          + e.describe(), egressFix(ctx, e, traffic, jobGroups));
    } else if (d.result() == Tri.UNKNOWN) {
      c.unknown("whether the job's security groups (" + String.join(", ", jobGroups) + ") let " + traffic + " out to "
          + e.describe() + " is unknown: " + d.unknownReason());
    }
    return c;
  }

  private static String egressFix(RuleContext ctx, TargetEndpoint e, Traffic traffic, List<String> jobGroups) {
    String group = jobGroups.isEmpty() ? "<sg-…>" : jobGroups.get(0);
    Optional<String> targetGroup = referenceable(ctx, e);
    return targetGroup.map(g -> TargetCommands.egressToGroup(group, traffic, g))
        .orElseGet(() -> TargetCommands.egressToCidr(group, traffic, e.cidr()));
  }

  /** The target's first security group when a job group may reference it: in the snapshot, in the job's VPC. */
  public static Optional<String> referenceable(RuleContext ctx, TargetEndpoint e) {
    Optional<String> vpc = JobVpc.vpcId(ctx);
    return e.groups().orElse(List.of()).stream()
        .filter(g -> ctx.network().securityGroup(g).map(sg -> vpc.map(sg.vpcId()::equals).orElse(false)).orElse(false))
        .findFirst();
  }

  /**
   * {@code target.security-group.ingress}: a security group of the target interface admits the
   * traffic from a job group (by reference) or from a CIDR covering the whole job subnet; across a
   * VPC boundary a reference alone is UNKNOWN. Unknown groups: UNKNOWN, unless the route leaves
   * the VPC first ({@code target.unmodeled} then covers what lies beyond).
   */
  public static Check ingress(RuleContext ctx, String subnet, TargetEndpoint e, Traffic traffic, AddressRoute r) {
    Check c = new Check();
    if (!e.admitting()) {
      return c;
    }
    if (e.groups().isEmpty()) {
      if (beyondHop(r)) {
        c.note(e.describe() + " lies beyond " + hopNames(r) + ": its security groups are part of what target.unmodeled "
            + "leaves to you");
      } else {
        c.unknown("the security groups of " + e.describe() + " are unknown: no network interface in the snapshot holds it");
      }
      return c;
    }
    List<String> groups = e.groups().get();
    NetworkInterface eni = e.networkInterface().orElseThrow();
    if (groups.isEmpty()) {
      c.note(eni.networkInterfaceId() + " has no security groups, so none filters the traffic");
      return c;
    }
    c.resources.add(eni.networkInterfaceId());
    c.resources.addAll(groups);
    SecurityGroupEvaluator sgs = ReachContext.securityGroups(ctx);
    Peer job = ReachContext.jobInstancesIn(ctx, subnet);
    Optional<String> jobVpc = JobVpc.vpcId(ctx);
    boolean crossVpc = jobVpc.isPresent() && !jobVpc.get().equals(eni.vpcId());
    String who = "security group(s) " + String.join(", ", groups) + " of " + e.describe();
    String subnetCidr = JobPeers.subnetCidr(ctx.network(), subnet).map(Cidr::toString).orElse("<job subnet CIDR>");
    if (crossVpc) {
      SgDecision byCidr = sgs.ingress(groups, traffic, Peer.copyOf(job).withGroupIds(List.of()));
      if (byCidr.allowed()) {
        return c;
      }
      SgDecision byRef = sgs.ingress(groups, traffic, job);
      if (byRef.allowed()) {
        c.unknown(who + " admit " + traffic + " from the job's groups only by reference, and " + eni.networkInterfaceId()
            + " is in " + eni.vpcId() + ", not the job's VPC: a reference works across a peering connection or transit "
            + "gateway only where security-group referencing is on");
        return c;
      }
      if (byCidr.denied()) {
        c.no(who + " (in " + eni.vpcId() + ") admit no " + traffic + " from a CIDR covering job subnet " + subnet + " ("
            + subnetCidr + ")", TargetCommands.ingressFromCidr(groups.get(0), traffic, subnetCidr));
      } else if (beyondHop(r)) {
        c.note("whether " + who + " admit the job is part of what target.unmodeled leaves to you (" + byCidr.unknownReason()
            + ")");
      } else {
        c.unknown("whether " + who + " admit " + traffic + " from job subnet " + subnet + " is unknown: "
            + byCidr.unknownReason());
      }
      return c;
    }
    SgDecision d = sgs.ingress(groups, traffic, job);
    if (d.denied()) {
      List<String> jobGroups = JobPeers.groups(ctx.job());
      c.no(who + " admit no " + traffic + " from the job's security groups (" + String.join(", ", jobGroups)
              + ") or from a CIDR covering job subnet " + subnet + " (" + subnetCidr + ")",
          who + " admit no " + traffic + " from the job's security groups (" + String.join(", ", jobGroups)
              + ") or from CIDRs covering these subnets",
          TargetCommands.ingressFromGroup(groups.get(0), traffic, jobGroups.isEmpty() ? "<sg-…>" : jobGroups.get(0)));
    } else if (d.result() == Tri.UNKNOWN && beyondHop(r)) {
      c.note("whether " + who + " admit the job is part of what target.unmodeled leaves to you (" + d.unknownReason() + ")");
    } else if (d.result() == Tri.UNKNOWN) {
      c.unknown("whether " + who + " admit " + traffic + " from the job's instances in " + subnet + " is unknown: "
          + d.unknownReason());
    }
    return c;
  }

  /**
   * {@code target.nacl.blocked}: the job subnet's ACL lets the traffic out and the replies
   * (1024-65535) in; the target subnet's ACL lets it in from the job subnet and the replies out.
   * No ACL within one subnet; an unknown target subnet is UNKNOWN, unless the route leaves the VPC
   * first.
   */
  public static Check acls(RuleContext ctx, String subnet, TargetEndpoint e, Traffic traffic, AddressRoute r) {
    Check c = new Check();
    Peer job = ReachContext.jobInstancesIn(ctx, subnet);
    FlowAcls flow = ReachContext.acls(ctx).flow(subnet, job, e.subnet(), e.peer(), traffic, traffic.returnTraffic());
    if (flow.sameSubnet()) {
      c.note(e.describe() + " is in job subnet " + subnet + " itself, so no network ACL applies");
      return c;
    }
    String subnetCidr = JobPeers.subnetCidr(ctx.network(), subnet).map(Cidr::toString).orElse("<job subnet CIDR>");
    side(c, flow.source().orElseThrow(), "job subnet " + subnet, e.cidr());
    FlowAcls.Side target = flow.destination().orElseThrow();
    if (e.subnet().isEmpty()) {
      if (beyondHop(r)) {
        c.note(e.describe() + " lies beyond " + hopNames(r) + ": its network ACL is part of what target.unmodeled leaves to you");
      } else {
        c.unknown("the subnet of " + e.describe() + " is not in the snapshot, so its network ACL cannot be checked");
      }
      return c;
    }
    if (target.acl().isEmpty() && beyondHop(r)) {
      c.note("the network ACL of " + e.describe() + "'s subnet " + e.subnet().get() + " is part of what target.unmodeled "
          + "leaves to you");
      return c;
    }
    side(c, target, "target subnet " + e.subnet().get(), subnetCidr);
    return c;
  }

  private static void side(Check c, FlowAcls.Side side, String where, String cidr) {
    if (side.acl().isEmpty()) {
      c.unknown(side.unknownReason().orElse("the network ACL of " + where + " is unknown"));
      return;
    }
    NetworkAcl acl = side.acl().get();
    for (AclDecision d : List.of(side.request().orElseThrow(), side.replies().orElseThrow())) {
      if (d.denied()) {
        c.resources.add(acl.networkAclId());
        int before = d.denyingEntry().map(AclEntry::ruleNumber).orElse(32767);
        c.no("the network ACL of " + where + ": " + d.describe(), Commands.aclAllow(acl, d.egress(), before, d.traffic(), cidr));
      } else if (d.result() == Tri.UNKNOWN) {
        c.unknown(d.describe());
      }
    }
  }

  /** {@code VPC peering connection pcx-…} (each leaving hop once). */
  static String hopNames(AddressRoute r) {
    List<String> out = new ArrayList<>();
    r.hops().stream().filter(RouteHop::leavesVpc).forEach(h -> out.add(h.describe()));
    return String.join(", ", out);
  }
}
