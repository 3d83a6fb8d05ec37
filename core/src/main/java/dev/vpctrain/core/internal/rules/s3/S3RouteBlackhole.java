package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.network.RouteTargetKind;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.RouteMatch;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;

/** {@code s3.route.blackhole}: the route carrying S3 traffic is a blackhole (its endpoint or NAT gateway is gone). */
public final class S3RouteBlackhole extends S3RouteRule {
  public S3RouteBlackhole() {
    super("s3.route.blackhole", Severity.ERROR, "The route carrying S3 traffic is not a blackhole");
  }

  @Override
  Finding judge(RuleContext ctx, Reach reach, S3Path p) {
    if (p.kind() != S3Path.Kind.BLACKHOLE) {
      return null;
    }
    RouteMatch r = p.route().orElse(null);
    String table = p.routeTableId();
    StringBuilder fix = new StringBuilder();
    if (r != null) {
      String dest = r.prefixListId().map(pl -> "--destination-prefix-list-id " + pl)
          .orElse("--destination-cidr-block " + r.destination());
      if (!r.isActive()) {
        fix.append("Delete the dead route (aws ec2 delete-route --route-table-id ").append(table).append(' ').append(dest).append("), then ");
      }
      if (r.targetKind() == RouteTargetKind.NAT_GATEWAY && r.prefixListId().isEmpty()) {
        fix.append("point it at a working NAT gateway (aws ec2 create-route --route-table-id ").append(table).append(' ').append(dest)
            .append(" --nat-gateway-id <nat-…>) or ");
      }
      fix.append(lowerFirst(S3Remedies.addGatewayEndpoint(reach, vpcOf(p), table)));
    } else {
      fix.append(S3Remedies.addGatewayEndpoint(reach, vpcOf(p), table));
    }
    String cause = r != null && !r.isActive()
        ? " is a blackhole: " + r.describe()
            + " in " + p.routeTable().describe() + "; its target " + r.targetId() + " no longer exists, a deleted "
            + (r.targetKind() == RouteTargetKind.NAT_GATEWAY ? "NAT gateway" : r.targetKind() == RouteTargetKind.GATEWAY_ENDPOINT ? "endpoint" : "target")
            + ", so S3 traffic is dropped."
        : " leads nowhere: " + p.detail() + ".";
    return grouped(ctx, p.subnetId(), fail("The route that carries S3 traffic from subnet " + label(ctx, p.subnetId()) + cause,
        capitalize(fix.toString()), resources(p.subnetId(), p)),
        "The route that carries S3 traffic from subnets " + Grouping.SUBJECTS + cause);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  @Override
  boolean decidedDespite(RouteMatch route) {
    return route.isActive();
  }

  @Override
  String passMessage() {
    return "No route carrying S3 traffic from a job subnet is a blackhole.";
  }
}
