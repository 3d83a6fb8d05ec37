package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.reach.AddressRoute;
import dev.vpctrain.core.internal.reach.Ipv4RangeSet;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.RouteHop;
import dev.vpctrain.core.internal.reach.RouteMatch;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannel.Endpoints;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannel.FsEndpoint;
import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code fs.route}: "Route to an address" (reach's shared analysis) from each job subnet to each
 * mount target or FSx network interface the subnet mounts, and back from its subnet. No route, a
 * blackhole or an internet path: FAIL naming the route table and what is missing; a peering
 * connection, transit gateway, VPN or appliance on the way: UNVERIFIED naming it. For EFS with no
 * mount target in the subnet's AZ, every candidate must be reachable (which one SageMaker mounts is
 * not documented): some reachable and some not is UNVERIFIED.
 */
public final class FsRoute extends FsRule {
  public FsRoute() {
    super("fs.route", Severity.ERROR, "Each job subnet has a route to the file systems' mount targets and back");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> channels) {
    List<Subnet> subnets = JobSubnets.found(ctx);
    if (subnets.isEmpty()) {
      return one(unverified("None of the job's subnets is in the snapshot, so the routes to the file systems cannot be checked"
          + (ctx.network().has(Section.SUBNETS) ? " (vpc.resource.not-found reports them)." : ": "
              + ctx.network().unknownReason(Section.SUBNETS) + "."), null));
    }
    List<Finding> out = new ArrayList<>();
    for (FileSystemChannel c : channels) {
      for (Subnet s : subnets) {
        Finding f = check(ctx, c, s);
        if (f != null) {
          out.add(f);
        }
      }
    }
    if (out.isEmpty()) {
      List<String> res = new ArrayList<>();
      channels.forEach(c -> res.add(c.fileSystemId()));
      return one(pass("Every job subnet has a route to the mount targets or network interfaces of "
          + String.join(", ", new LinkedHashSet<>(res)) + ", and a route back.", res.stream().distinct().toArray(String[]::new)));
    }
    return out;
  }

  /** The FAIL or UNVERIFIED finding for one channel from one job subnet; null when every route works. */
  private Finding check(RuleContext ctx, FileSystemChannel c, Subnet s) {
    String subnet = s.subnetId();
    String fs = c.fileSystemId();
    if (!c.isKnownType()) {
      return unverified("Channel " + c.channel().name() + " names FileSystemType "
          + c.channel().fileSystemType().map(t -> "'" + t + "'").orElse("(none)") + ", neither EFS nor FSxLustre, so the route to "
          + fs + " is not checked.", null, subnet, fs);
    }
    Endpoints e = c.endpointsFor(s);
    if (!e.isKnown()) {
      String why = " a route to " + c.label() + " is unknown: " + e.unknownReason().orElse("") + ".";
      return unverified("Whether job subnet " + subnet + " has" + why, null, subnet, fs)
          .withGrouping(Grouping.of(subnet, "Whether job subnets " + Grouping.SUBJECTS + " have" + why));
    }
    if (e.endpoints().isEmpty()) {
      String lead = c.label() + " has no available mount target, so there is no address to route to from ";
      String tail = "; fs.efs.mount-target.missing reports it.";
      return unverified(lead + subnet + tail, null, subnet, fs)
          .withGrouping(Grouping.of(subnet, lead + Grouping.SUBJECTS + tail));
    }
    int port = c.isEfs() ? FileSystemChannel.NFS_PORT : FileSystemChannel.LUSTRE_PORT;
    List<String> failing = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<String> reachable = new ArrayList<>();
    Set<String> res = new LinkedHashSet<>();
    Set<String> hops = new LinkedHashSet<>();
    List<String> fixes = new ArrayList<>();
    res.add(subnet);
    res.add(fs);
    for (FsEndpoint ep : e.endpoints()) {
      String what = (c.isEfs() ? "mount target " : "network interface ") + ep.id();
      if (ep.address().isEmpty() || !Cidr.isIpv4Address(ep.address().get())) {
        unknown.add(what + " has no IPv4 address in the snapshot");
        res.add(ep.id());
        continue;
      }
      String address = ep.address().get();
      int a = Cidr.parseIpv4Address(address);
      Peer peer = Peer.addresses(what + " (" + address + ")", Ipv4RangeSet.of(List.of(Cidr.ipv4Host(a))));
      AddressRoute r = ReachContext.of(ctx).routeToAddress(subnet, a, ep.subnetId(), Traffic.tcp(port), peer);
      String named = what + " at " + address + ep.subnetId().map(x -> " (" + x + ")").orElse("");
      if (r.result() == Tri.YES && ep.subnetId().isEmpty()) {
        unknown.add(named + ": the way there is open (" + r.describe() + "), but its subnet is unknown, so the route back is not checked");
        res.add(ep.id());
      } else if (r.result() == Tri.YES) {
        reachable.add(named);
      } else if (r.result() == Tri.NO) {
        failing.add(named + ": " + r.describe());
        res.add(ep.id());
        res.addAll(legResources(r.deciding()));
        fixes.add(fix(r, address));
      } else {
        unknown.add(named + ": " + r.describe());
        res.add(ep.id());
        res.addAll(r.resources());
        r.hops().stream().map(RouteHop::id).forEach(hops::add);
      }
    }
    boolean anyOf = c.isEfs() && e.endpoints().size() > 1;
    if (!failing.isEmpty() && (!anyOf || (reachable.isEmpty() && unknown.isEmpty()))) {
      String tail = ", " + c.label() + " cannot be reached on TCP " + port + ": " + String.join("; ", failing)
          + ". The mount times out and the job fails (\"Unable to mount file system: " + fs
          + " … File system connection timed out\").";
      // subnets whose routes fail the same way (one route table, one fix) are one finding
      return fail("From job subnet " + subnet + tail, capitalized(String.join("; ", new LinkedHashSet<>(fixes))) + ".",
          res.toArray(String[]::new)).withGrouping(Grouping.of(subnet, "From job subnets " + Grouping.SUBJECTS + tail));
    }
    if (!failing.isEmpty() || !unknown.isEmpty()) {
      List<String> all = new ArrayList<>(failing);
      all.addAll(unknown);
      String why = failing.isEmpty() ? "" : " " + c.fileSystemLabel() + " has several candidate mount targets and SageMaker's "
          + "choice among them is not documented; reachable: " + (reachable.isEmpty() ? "none" : String.join(", ", reachable)) + ".";
      String acceptBy = hops.isEmpty() ? fs : hops.iterator().next();
      String rest = c.label() + " on TCP " + port + " and back cannot be decided: " + String.join("; ", all) + "." + why;
      // the same undecided route from several subnets (one route table, one appliance) is one finding
      return unverified("Whether job subnet " + subnet + " reaches " + rest,
          (hops.isEmpty() ? "Check the route named above" : "Confirm that " + String.join(", ", hops) + " carries TCP " + port
              + " between the job subnets named above and the file system both ways") + ", then accept it: "
              + "--accept-unverified fs.route=" + acceptBy + ".",
          res.toArray(String[]::new)).withGrouping(Grouping.of(subnet, "Whether job subnets " + Grouping.SUBJECTS + " reach " + rest));
    }
    return null;
  }

  /** The ids one leg's sentence names: its route table, its hops and the targets of its inactive routes. */
  private static List<String> legResources(AddressRoute.Leg leg) {
    Set<String> out = new LinkedHashSet<>();
    if (leg.routeTable().isKnown()) {
      out.add(leg.routeTable().routeTableId());
    }
    leg.hops().forEach(h -> out.add(h.id()));
    leg.routes().stream().filter(m -> !m.isActive()).forEach(m -> out.add(m.targetId()));
    return List.copyOf(out);
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The command that opens the route {@code r} lacks. */
  private static String fix(AddressRoute r, String address) {
    AddressRoute.Leg leg = r.deciding();
    boolean back = leg != r.forward();
    String rtb = leg.routeTable().isKnown() ? leg.routeTable().routeTableId() : "<rtb-…>";
    String dest = back ? leg.destination() : address + "/32";
    switch (leg.kind()) {
      case BLACKHOLE: {
        String d = leg.routes().stream().filter(m -> !m.isActive()).findFirst().map(RouteMatch::destination).orElse(dest);
        return "remove the blackhole route " + d + " from route table " + rtb + " (aws ec2 delete-route --route-table-id " + rtb
            + " --destination-cidr-block " + d + ") so that the local route carries the traffic, or point it at a live target "
            + "(aws ec2 replace-route --route-table-id " + rtb + " --destination-cidr-block " + d + " --vpc-peering-connection-id "
            + "<pcx-…> for a file system in another VPC)";
      }
      case NONE:
        return "add a route for " + dest + " to route table " + rtb + " towards the file system's VPC (aws ec2 create-route "
            + "--route-table-id " + rtb + " --destination-cidr-block " + dest + " --vpc-peering-connection-id <pcx-…>, or "
            + "--transit-gateway-id <tgw-…>), or use a mount target in the job's VPC";
      default:
        return "route " + dest + " in route table " + rtb + " through a peering connection or transit gateway to the file "
            + "system's VPC instead (aws ec2 replace-route --route-table-id " + rtb + " --destination-cidr-block <that CIDR> "
            + "--vpc-peering-connection-id <pcx-…>), or use a mount target in the job's VPC";
    }
  }
}
