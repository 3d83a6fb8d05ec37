package dev.vpctrain.core.rules.s3;

import dev.vpctrain.core.reach.Reach;
import dev.vpctrain.core.reach.RouteMatch;
import dev.vpctrain.core.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;

/**
 * {@code s3.route.missing}: no gateway endpoint route, no S3 interface endpoint with private DNS,
 * and no default route to a working NAT gateway.
 */
public final class S3RouteMissing extends S3RouteRule {
  public S3RouteMissing() {
    super("s3.route.missing", Severity.ERROR, "Every job subnet has a route to S3");
  }

  @Override
  Finding judge(RuleContext ctx, Reach reach, S3Path p) {
    String subnet = p.subnetId();
    String table = p.routeTableId();
    if (p.kind() == S3Path.Kind.NONE) {
      return fail("Subnet " + label(ctx, subnet) + " has no route to S3: its " + p.routeTable().describe()
              + " has no S3 gateway endpoint route and no default route to a NAT gateway, and no S3 interface endpoint with "
              + "private DNS serves the VPC (" + p.detail() + ").",
          S3Remedies.addGatewayEndpoint(reach, vpcOf(p), table), resources(subnet, p));
    }
    if (p.kind() == S3Path.Kind.NAT_UNHEALTHY) {
      String nat = p.natGatewayId().orElse("?");
      return fail("Subnet " + label(ctx, subnet) + " has no working route to S3: its " + p.routeTable().describe()
              + " has no S3 gateway endpoint route and sends 0.0.0.0/0 to NAT gateway " + nat + ", which gives no internet path ("
              + String.join("; ", p.nat().get().problems()) + ").",
          S3Remedies.addGatewayEndpoint(reach, vpcOf(p), table) + " For other internet traffic, fix NAT gateway " + nat
              + " (it must be available, public, and sit in a subnet whose route table sends 0.0.0.0/0 to an attached internet gateway).",
          resources(subnet, p));
    }
    return null;
  }

  @Override
  boolean decidedDespite(RouteMatch route) {
    return false;
  }

  @Override
  String passMessage() {
    return "Every job subnet has a route to S3.";
  }
}
