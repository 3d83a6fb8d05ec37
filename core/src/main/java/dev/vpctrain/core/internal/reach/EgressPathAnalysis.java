package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.RouteTable;
import java.util.Optional;

/** Decides {@link EgressPath}s: the default route for the internet, longest-prefix match for an address. */
final class EgressPathAnalysis {
  private static final String INTERNET = "the internet";

  private EgressPathAnalysis() {}

  static EgressPath internet(Reach reach, String subnetId) {
    EffectiveRouteTable ert = reach.routeTableOf(subnetId);
    if (!ert.isKnown()) {
      return unknown(subnetId, INTERNET, ert);
    }
    RouteTable t = ert.table().get();
    Optional<RouteMatch> def = reach.matcher(t).defaultRoute();
    if (def.isEmpty()) {
      return new EgressPath(EgressPath.Kind.NONE, subnetId, INTERNET, ert, null, null,
          "route table " + t.routeTableId() + " has no default route (0.0.0.0/0)");
    }
    return classify(reach, subnetId, INTERNET, ert, def.get());
  }

  static EgressPath address(Reach reach, String subnetId, int address) {
    String dest = Cidr.formatIpv4(address);
    EffectiveRouteTable ert = reach.routeTableOf(subnetId);
    if (!ert.isKnown()) {
      return unknown(subnetId, dest, ert);
    }
    RouteTable t = ert.table().get();
    Optional<RouteMatch> m = reach.matcher(t).match(address);
    if (m.isEmpty()) {
      return new EgressPath(EgressPath.Kind.NONE, subnetId, dest, ert, null, null,
          "route table " + t.routeTableId() + " has no route for " + dest);
    }
    return classify(reach, subnetId, dest, ert, m.get());
  }

  private static EgressPath unknown(String subnetId, String dest, EffectiveRouteTable ert) {
    return new EgressPath(EgressPath.Kind.UNKNOWN, subnetId, dest, ert, null, null,
        "the route table of " + subnetId + " is unknown: " + ert.unknownReason().orElse(""));
  }

  private static EgressPath classify(Reach reach, String subnetId, String dest, EffectiveRouteTable ert, RouteMatch r) {
    String tableId = ert.routeTableId();
    String via = "route table " + tableId + " sends " + dest + " to " + r.targetId() + " (" + r.describe() + ")";
    if (!r.isActive()) {
      return new EgressPath(EgressPath.Kind.BLACKHOLE, subnetId, dest, ert, r, null,
          "the route for " + dest + " in route table " + tableId + " is a blackhole: " + r.describe());
    }
    switch (r.targetKind()) {
      case NAT_GATEWAY: {
        NatHealth h = reach.natHealth(r.targetId());
        EgressPath.Kind k = h.status() == NatHealth.Status.HEALTHY ? EgressPath.Kind.NAT
            : h.status() == NatHealth.Status.UNHEALTHY ? EgressPath.Kind.NAT_UNHEALTHY : EgressPath.Kind.UNKNOWN;
        return new EgressPath(k, subnetId, dest, ert, r, h, via + "; " + h.describe());
      }
      case INTERNET_GATEWAY:
        return new EgressPath(EgressPath.Kind.IGW, subnetId, dest, ert, r, null,
            via + "; training instances get no public IP, so an internet gateway route gives no access");
      case LOCAL:
        return new EgressPath(EgressPath.Kind.LOCAL, subnetId, dest, ert, r, null, "route table " + tableId
            + " keeps " + dest + " inside the VPC (local route " + r.destination() + ")");
      case GATEWAY_ENDPOINT:
        return new EgressPath(EgressPath.Kind.GATEWAY_ENDPOINT, subnetId, dest, ert, r, null, via);
      default:
        return new EgressPath(EgressPath.Kind.UNMODELED, subnetId, dest, ert, r, null,
            "route table " + tableId + " sends " + dest + " to " + S3PathAnalysis.kindName(r.targetKind()) + " "
                + r.targetId() + "; the path beyond it is not in the snapshot");
    }
  }
}
