package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTargetKind;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.VpcEndpoint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the {@link S3Path} of a subnet (rules.md "Path selection"): longest-prefix match of the
 * S3 prefix list's CIDRs in the subnet's route table, where a gateway endpoint route covers its
 * prefix list; else an S3 interface endpoint that S3's names resolve to and the security groups
 * pass; else the default route (through a NAT gateway only when its subnet's ACL passes S3 traffic).
 */
final class S3PathAnalysis {
  private final Reach reach;
  private final NetworkSnapshot network;

  S3PathAnalysis(Reach reach) {
    this.reach = reach;
    this.network = reach.network();
  }

  S3Path analyze(String subnetId, String region) {
    EffectiveRouteTable ert = reach.routeTableOf(subnetId);
    List<String> notes = new ArrayList<>();
    if (!ert.isKnown()) {
      return new S3Path(S3Path.Kind.UNKNOWN, subnetId, region, ert, null, null, null,
          "the route table of " + subnetId + " is unknown: " + ert.unknownReason().orElse(""), notes);
    }
    RouteTable table = ert.table().get();
    RouteMatcher m = reach.matcher(table);
    boolean home = region.equals(network.region());
    if (!home) {
      notes.add("gateway and interface endpoints serve S3 of " + network.region() + " only; S3 of " + region
          + " is reached through the route for public addresses");
      return byPublicRoute(subnetId, region, ert, m, notes, "S3 of " + region);
    }
    Optional<PrefixList> pl = network.s3PrefixList();
    S3Path routed;
    if (pl.isPresent() && !pl.get().cidrs().isEmpty()) {
      routed = byPrefixListCidrs(subnetId, region, ert, m, pl.get(), notes);
    } else {
      String why = pl.isPresent()
          ? "the S3 prefix list " + pl.get().prefixListId() + " has no CIDRs in the snapshot"
          : !network.has(Section.PREFIX_LISTS)
              ? network.unknownReason(Section.PREFIX_LISTS)
              : "the prefix list com.amazonaws." + region + ".s3 is not in the snapshot";
      routed = byAssumedPrefixList(subnetId, region, ert, m, pl, why, notes);
    }
    if (routed.kind() == S3Path.Kind.GATEWAY_ENDPOINT) {
      return routed;
    }
    if (!reach.endpointsKnown()) {
      if (!routed.isWorking()) {
        return new S3Path(S3Path.Kind.UNKNOWN, subnetId, region, ert, routed.route().orElse(null), null,
            routed.nat().orElse(null), routed.detail() + "; whether an S3 interface endpoint serves " + table.vpcId()
                + " is unknown: " + network.unknownReason(Section.VPC_ENDPOINTS), notes, null,
            routed.natForwarding().orElse(null));
      }
      notes.add("an S3 interface endpoint with private DNS could serve instead; " + network.unknownReason(Section.VPC_ENDPOINTS));
      return routed.withNotes(notes);
    }
    return byInterfaceEndpoint(subnetId, region, ert, table.vpcId(), routed, notes);
  }

  /**
   * An S3 interface endpoint serves when S3's names resolve to it and the security groups pass
   * TCP 443. When its names resolve to it, it is the path whatever the routes say (a blocked
   * endpoint is then {@link S3Path.Kind#INTERFACE_ENDPOINT_UNUSABLE}); when they do not, the
   * routes decide, and if they give no working path the endpoint was the only hope (unusable too).
   */
  @SuppressWarnings("ReferenceEquality") // e != chosen: the very endpoint chosen above, not an equal copy
  private S3Path byInterfaceEndpoint(String subnetId, String region, EffectiveRouteTable ert, String vpcId,
      S3Path routed, List<String> notes) {
    List<VpcEndpoint> all = reach.endpoints(vpcId, EndpointType.INTERFACE, "s3");
    VpcEndpoint chosen = null;
    for (VpcEndpoint e : all) {
      boolean mayWork = e.state().isEmpty() || e.isAvailable();
      if (mayWork && (chosen == null || (e.privateDnsEnabled() && !chosen.privateDnsEnabled()))) {
        chosen = e;
      }
    }
    for (VpcEndpoint e : all) {
      if (e != chosen && !(e.state().isEmpty() || e.isAvailable())) {
        notes.add("S3 interface endpoint " + e.vpcEndpointId() + " is not used (state " + e.state().get() + ")");
      }
    }
    if (chosen == null) {
      return routed.withNotes(notes);
    }
    InterfaceEndpointUse use = reach.interfaceEndpointUse(chosen, subnetId);
    String id = chosen.vpcEndpointId();
    RouteMatch route = routed.route().orElse(null);
    switch (use.dns()) {
      case YES:
        notes.add("S3 names resolve to interface endpoint " + id + " (private DNS)");
        switch (use.securityGroups()) {
          case YES:
            return new S3Path(S3Path.Kind.INTERFACE_ENDPOINT, subnetId, region, ert, null, id, null,
                "S3 interface endpoint " + id + " (private DNS on) serves " + vpcId, notes, use, null);
          case NO:
            return new S3Path(S3Path.Kind.INTERFACE_ENDPOINT_UNUSABLE, subnetId, region, ert, null, id, null,
                "S3's names resolve to interface endpoint " + id + " (private DNS on), so S3 traffic goes there whatever "
                    + "the routes say, but " + use.securityGroupDetail(), notes, use, null);
          default:
            return new S3Path(S3Path.Kind.UNKNOWN, subnetId, region, ert, route, id, null,
                "S3's names resolve to interface endpoint " + id + " (private DNS on), but " + use.securityGroupDetail(),
                notes, use, null);
        }
      case NO:
        if (routed.isWorking() || routed.kind() == S3Path.Kind.UNKNOWN || routed.kind() == S3Path.Kind.UNMODELED) {
          notes.add("S3 interface endpoint " + id + " is not used for S3's normal names (" + use.dnsDetail() + ")");
          return routed.withNotes(notes).withInterfaceEndpoint(use);
        }
        return new S3Path(S3Path.Kind.INTERFACE_ENDPOINT_UNUSABLE, subnetId, region, ert, route, id, null,
            "S3's names do not resolve to interface endpoint " + id + " (" + use.dnsDetail() + "), and the routes give no "
                + "other path (" + routed.detail() + ")", notes, use, routed.natForwarding().orElse(null)).withRouted(routed);
      default:
        return new S3Path(S3Path.Kind.UNKNOWN, subnetId, region, ert, route, id, routed.nat().orElse(null),
            "whether S3's names resolve to interface endpoint " + id + " is unknown (" + use.dnsDetail() + ")", notes, use,
            routed.natForwarding().orElse(null));
    }
  }

  /** Longest-prefix match of every CIDR of the S3 prefix list. */
  private S3Path byPrefixListCidrs(String subnetId, String region, EffectiveRouteTable ert, RouteMatcher m,
      PrefixList pl, List<String> notes) {
    IdentityHashMap<Route, RouteMatch> parts = new IdentityHashMap<>();
    List<RouteMatch> ordered = new ArrayList<>();
    String gap = null;
    for (String text : pl.cidrs()) {
      Optional<Cidr> c = Cidr.tryParseIpv4(text);
      if (c.isEmpty()) {
        continue;
      }
      RouteMatcher.RangeRouting rr = m.route(c.get());
      if (rr.covering().isEmpty() && gap == null) {
        gap = c.get().toString();
      }
      for (RouteMatch r : rr.all()) {
        if (parts.putIfAbsent(r.route(), r) == null) {
          ordered.add(r);
        }
      }
    }
    for (Route r : m.unexpandedPrefixListRoutes()) {
      notes.add("route to prefix list " + r.destinationPrefixListId().orElse("?") + " -> " + r.targetId()
          + " was not considered: its CIDRs are not in the snapshot");
    }
    String tableId = ert.routeTableId();
    if (gap == null && !ordered.isEmpty() && ordered.stream().allMatch(r -> r.isActive() && r.targetKind() == RouteTargetKind.GATEWAY_ENDPOINT)) {
      return gatewayEndpoint(subnetId, region, ert, ordered.get(0), notes,
          "route table " + tableId + " sends the S3 prefix list " + pl.prefixListId() + " to gateway endpoint " + ordered.get(0).targetId());
    }
    if (gap != null && ordered.isEmpty()) {
      return new S3Path(S3Path.Kind.NONE, subnetId, region, ert, null, null, null,
          "route table " + tableId + " has no route for S3's addresses (no gateway endpoint route for " + pl.prefixListId()
              + " and no default route)", notes);
    }
    S3Path worst = null;
    for (RouteMatch r : ordered) {
      S3Path p = classify(subnetId, region, ert, r, notes, "S3's addresses");
      if (worst == null || rank(p.kind()) < rank(worst.kind())) {
        worst = p;
      }
    }
    if (gap != null && rank(S3Path.Kind.NONE) < rank(worst.kind())) {
      return new S3Path(S3Path.Kind.NONE, subnetId, region, ert, null, null, null,
          "route table " + tableId + " has no route for S3's addresses in " + gap, notes);
    }
    return worst;
  }

  /** The S3 prefix list's CIDRs are unknown: a route to it (or to an S3 gateway endpoint) is taken to cover S3. */
  private S3Path byAssumedPrefixList(String subnetId, String region, EffectiveRouteTable ert, RouteMatcher m,
      Optional<PrefixList> pl, String why, List<String> notes) {
    RouteMatch blackhole = null;
    List<String> ambiguous = new ArrayList<>();
    for (Route r : ert.table().get().routes()) {
      if (r.destinationPrefixListId().isEmpty() || r.targetKind() != RouteTargetKind.GATEWAY_ENDPOINT) {
        continue;
      }
      String plId = r.destinationPrefixListId().get();
      Boolean s3 = isS3Route(plId, r.targetId(), pl, region);
      if (s3 == null) {
        ambiguous.add(plId + " -> " + r.targetId());
        continue;
      }
      if (!s3) {
        continue;
      }
      RouteMatch match = new RouteMatch(r, Cidr.IPV4_ANY, plId);
      if (r.isActive()) {
        notes.add("the S3 prefix list's CIDRs are unknown (" + why + "); the gateway endpoint route " + match.describe()
            + " is taken to cover S3");
        return gatewayEndpoint(subnetId, region, ert, match, notes, "route table " + ert.routeTableId()
            + " sends the S3 prefix list " + plId + " to gateway endpoint " + r.targetId());
      }
      blackhole = match;
    }
    if (blackhole != null) {
      return new S3Path(S3Path.Kind.BLACKHOLE, subnetId, region, ert, blackhole, blackhole.targetId(), null,
          "the S3 gateway endpoint route " + blackhole.describe() + " in route table " + ert.routeTableId() + " is a blackhole", notes);
    }
    if (!ambiguous.isEmpty()) {
      return new S3Path(S3Path.Kind.UNKNOWN, subnetId, region, ert, null, null, null,
          "route table " + ert.routeTableId() + " has gateway endpoint routes (" + String.join(", ", ambiguous)
              + ") that may be S3's, but " + why + " and the endpoints' services are unknown", notes);
    }
    notes.add("S3's addresses are unknown (" + why + "); the route for public addresses decides");
    return byPublicRoute(subnetId, region, ert, m, notes, "S3");
  }

  /** TRUE when the route is the region's S3 gateway endpoint route, FALSE when it is another's, null when unknown. */
  private Boolean isS3Route(String plId, String vpceId, Optional<PrefixList> s3List, String region) {
    if (s3List.isPresent()) {
      return s3List.get().prefixListId().equals(plId);
    }
    Optional<PrefixList> other = network.prefixList(plId);
    if (other.isPresent()) {
      return other.get().prefixListName().equals("com.amazonaws." + region + ".s3");
    }
    if (network.has(Section.VPC_ENDPOINTS)) {
      Optional<VpcEndpoint> e = network.vpcEndpoint(vpceId);
      if (e.isPresent()) {
        return e.get().serviceName().equals("com.amazonaws." + region + ".s3");
      }
    }
    return null;
  }

  /**
   * The destination's addresses are unknown public addresses: the default route decides, unless a
   * more specific route to public addresses might carry them.
   */
  private S3Path byPublicRoute(String subnetId, String region, EffectiveRouteTable ert, RouteMatcher m,
      List<String> notes, String what) {
    List<String> specific = new ArrayList<>();
    for (RouteMatch e : m.entries()) {
      if (e.prefixListId().isEmpty() && !e.cidr().isDefault() && !e.cidr().isNonPublic()) {
        specific.add(e.describe());
      }
    }
    if (!specific.isEmpty()) {
      return new S3Path(S3Path.Kind.UNKNOWN, subnetId, region, ert, null, null, null,
          "route table " + ert.routeTableId() + " has routes to public addresses (" + String.join(", ", specific)
              + ") that may carry traffic to " + what + ", whose addresses are not in the snapshot", notes);
    }
    Optional<RouteMatch> def = m.defaultRoute();
    if (def.isEmpty()) {
      return new S3Path(S3Path.Kind.NONE, subnetId, region, ert, null, null, null,
          "route table " + ert.routeTableId() + " has no route for " + what
              + (what.startsWith("S3 of") ? "" : " (no gateway endpoint route)") + " and no default route", notes);
    }
    return classify(subnetId, region, ert, def.get(), notes, what);
  }

  private S3Path gatewayEndpoint(String subnetId, String region, EffectiveRouteTable ert, RouteMatch r,
      List<String> notes, String detail) {
    String vpce = r.targetId();
    if (network.has(Section.VPC_ENDPOINTS)) {
      Optional<VpcEndpoint> e = network.vpcEndpoint(vpce);
      if (e.isEmpty()) {
        return new S3Path(S3Path.Kind.BLACKHOLE, subnetId, region, ert, r, vpce, null,
            detail + ", but endpoint " + vpce + " does not exist", notes);
      }
      String s3 = "com.amazonaws." + network.region() + ".s3";
      if (!e.get().serviceName().equals(s3) || e.get().type() != dev.vpctrain.core.network.EndpointType.GATEWAY) {
        // a route to another service's (or another region's) endpoint never carries S3 of this region
        return new S3Path(S3Path.Kind.NONE, subnetId, region, ert, r, vpce, null,
            detail + ", but endpoint " + vpce + " is the " + e.get().type().apiName()
                + " endpoint of " + e.get().serviceName() + ", not an S3 gateway endpoint of "
                + network.region() + " (" + s3 + ")", notes);
      }
      if (e.get().state().isPresent() && !e.get().isAvailable()) {
        return new S3Path(S3Path.Kind.BLACKHOLE, subnetId, region, ert, r, vpce, null,
            detail + ", but endpoint " + vpce + " is " + e.get().state().get(), notes);
      }
    } else {
      notes.add("endpoint " + vpce + " itself is not in the snapshot (" + network.unknownReason(Section.VPC_ENDPOINTS) + ")");
    }
    return new S3Path(S3Path.Kind.GATEWAY_ENDPOINT, subnetId, region, ert, r, vpce, null, detail, notes);
  }

  private S3Path classify(String subnetId, String region, EffectiveRouteTable ert, RouteMatch r, List<String> notes, String what) {
    String tableId = ert.routeTableId();
    if (!r.isActive()) {
      return new S3Path(S3Path.Kind.BLACKHOLE, subnetId, region, ert, r, null, null,
          "the route for " + what + " in route table " + tableId + " is " + r.describe(), notes);
    }
    switch (r.targetKind()) {
      case GATEWAY_ENDPOINT:
        return gatewayEndpoint(subnetId, region, ert, r, notes,
            "route table " + tableId + " sends " + what + " to gateway endpoint " + r.targetId());
      case INTERNET_GATEWAY:
        return new S3Path(S3Path.Kind.IGW_ONLY, subnetId, region, ert, r, null, null,
            "route table " + tableId + " sends " + what + " to internet gateway " + r.targetId() + " (" + r.describe() + ")", notes);
      case NAT_GATEWAY: {
        NatHealth h = reach.natHealth(r.targetId());
        String via = "route table " + tableId + " sends " + what + " to " + r.targetId() + " (" + r.describe() + "); " + h.describe();
        if (h.status() == NatHealth.Status.UNHEALTHY) {
          return new S3Path(S3Path.Kind.NAT_UNHEALTHY, subnetId, region, ert, r, null, h, via, notes);
        }
        NatForwarding f = reach.natForwarding(h, subnetId, Traffic.tcp(443), s3Destination(region));
        if (f.blocked()) {
          return new S3Path(S3Path.Kind.NAT_BLOCKED, subnetId, region, ert, r, null, h, via + "; but " + f.describe(),
              notes, null, f);
        }
        if (h.status() == NatHealth.Status.HEALTHY && f.allowed()) {
          return new S3Path(S3Path.Kind.NAT, subnetId, region, ert, r, null, h, via, notes, null, f);
        }
        return new S3Path(S3Path.Kind.UNKNOWN, subnetId, region, ert, r, null, h,
            h.isHealthy() ? via + "; but " + f.describe() : via, notes, null, f);
      }
      case LOCAL:
        return new S3Path(S3Path.Kind.NONE, subnetId, region, ert, r, null, null,
            "route table " + tableId + " routes " + what + " into the VPC itself (" + r.describe() + ")", notes);
      default:
        return new S3Path(S3Path.Kind.UNMODELED, subnetId, region, ert, r, null, null,
            "route table " + tableId + " sends " + what + " to " + kindName(r.targetKind()) + " " + r.targetId()
                + " (" + r.describe() + "); the path beyond it is not in the snapshot", notes);
    }
  }

  /** S3 of {@code region} as the NAT gateway forwards to it: the prefix list's CIDRs when known, else any public address. */
  private Peer s3Destination(String region) {
    Optional<PrefixList> pl = network.s3PrefixList();
    if (region.equals(network.region()) && pl.isPresent() && !pl.get().cidrs().isEmpty()) {
      return Peer.builder("S3 (" + pl.get().prefixListId() + ")").prefixList(pl.get().prefixListId())
          .every(Ipv4RangeSet.parse(pl.get().cidrs())).build();
    }
    return Peer.anyPublicAddress("S3 in " + region);
  }

  static String kindName(RouteTargetKind k) {
    switch (k) {
      case TRANSIT_GATEWAY:
        return "transit gateway";
      case PEERING_CONNECTION:
        return "VPC peering connection";
      case VPN_GATEWAY:
        return "virtual private gateway";
      case NETWORK_INTERFACE:
        return "network interface";
      case INSTANCE:
        return "instance";
      case EGRESS_ONLY_INTERNET_GATEWAY:
        return "egress-only internet gateway";
      case NAT_GATEWAY:
        return "NAT gateway";
      case INTERNET_GATEWAY:
        return "internet gateway";
      case GATEWAY_ENDPOINT:
        return "gateway endpoint";
      case LOCAL:
        return "the local route";
      default:
        return "target";
    }
  }

  /** Lower is worse: a definite failure beats an undecided part, which beats a working part. */
  private static int rank(S3Path.Kind k) {
    switch (k) {
      case NONE:
        return 0;
      case BLACKHOLE:
        return 1;
      case IGW_ONLY:
        return 2;
      case NAT_UNHEALTHY:
      case NAT_BLOCKED:
      case INTERFACE_ENDPOINT_UNUSABLE:
        return 3;
      case UNMODELED:
        return 4;
      case UNKNOWN:
        return 5;
      case NAT:
        return 6;
      case INTERFACE_ENDPOINT:
        return 7;
      default:
        return 8;
    }
  }
}
