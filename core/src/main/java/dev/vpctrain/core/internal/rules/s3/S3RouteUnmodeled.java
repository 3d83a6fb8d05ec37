package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.network.RouteTargetKind;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.RouteMatch;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code s3.route.unmodeled}: S3 traffic is routed into a transit gateway, peering connection,
 * virtual private gateway, network interface or appliance; the path beyond is not in the snapshot,
 * so the outcome is UNVERIFIED (never PASS, never FAIL).
 */
public final class S3RouteUnmodeled extends S3RouteRule {
  private static final Set<RouteTargetKind> UNMODELED = EnumSet.of(RouteTargetKind.TRANSIT_GATEWAY,
      RouteTargetKind.PEERING_CONNECTION, RouteTargetKind.VPN_GATEWAY, RouteTargetKind.NETWORK_INTERFACE,
      RouteTargetKind.INSTANCE, RouteTargetKind.OTHER, RouteTargetKind.EGRESS_ONLY_INTERNET_GATEWAY);

  public S3RouteUnmodeled() {
    super("s3.route.unmodeled", Severity.ERROR, "S3 traffic stays on paths the snapshot shows");
  }

  @Override
  Finding judge(RuleContext ctx, Reach reach, S3Path p) {
    if (p.kind() != S3Path.Kind.UNMODELED) {
      return null;
    }
    String target = p.target().orElse("?");
    RouteMatch r = p.route().get();
    String fix = r.cidr().isDefault()
        ? S3Remedies.addGatewayEndpoint(reach, vpcOf(p), p.routeTableId()) + " Its routes are more specific than "
            + r.destination() + " for S3's addresses, so S3 traffic then stays in the VPC; otherwise confirm that " + target
            + " forwards S3 traffic to a working path."
        : "Confirm that " + target + " forwards S3 traffic to a working path, or remove the route " + r.describe()
            + " (aws ec2 delete-route --route-table-id " + p.routeTableId()
            + r.prefixListId().map(pl -> " --destination-prefix-list-id " + pl).orElse(" --destination-cidr-block " + r.destination())
            + ") so that S3's addresses follow an S3 gateway endpoint route. " + S3Remedies.addGatewayEndpoint(reach, vpcOf(p), p.routeTableId());
    String cause = " leaves what the snapshot shows: " + p.detail() + ". vpctrain cannot verify that " + target
        + " forwards it to S3.";
    return grouped(ctx, p.subnetId(), unverified("S3 traffic from subnet " + label(ctx, p.subnetId()) + cause,
        fix, resources(p.subnetId(), p)), "S3 traffic from subnets " + Grouping.SUBJECTS + cause);
  }

  @Override
  boolean decidedDespite(RouteMatch route) {
    return !UNMODELED.contains(route.targetKind());
  }

  @Override
  String passMessage() {
    return "S3 traffic from every job subnet stays on paths the snapshot shows.";
  }
}
