package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.network.RouteTargetKind;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.RouteMatch;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;

/** {@code s3.route.igw-only}: S3 traffic goes to an internet gateway, useless without a public IP. */
public final class S3RouteIgwOnly extends S3RouteRule {
  public S3RouteIgwOnly() {
    super("s3.route.igw-only", Severity.ERROR, "No job subnet reaches S3 only through an internet gateway");
  }

  @Override
  Finding judge(RuleContext ctx, Reach reach, S3Path p) {
    if (p.kind() != S3Path.Kind.IGW_ONLY) {
      return null;
    }
    String igw = p.target().orElse("?");
    String cause = " S3 only through internet gateway " + igw + ", by " + p.route().map(RouteMatch::describe).orElse("")
        + " in " + p.routeTable().describe() + ": training instances get no public IP, so the internet gateway gives them "
        + "no access to S3.";
    return grouped(ctx, p.subnetId(), fail("Subnet " + label(ctx, p.subnetId()) + " reaches" + cause,
        S3Remedies.addGatewayEndpoint(reach, vpcOf(p), p.routeTableId())
            + " If the job also needs the internet, run it in private subnets whose default route goes to a NAT gateway.",
        resources(p.subnetId(), p)), "Subnets " + Grouping.SUBJECTS + " reach" + cause);
  }

  @Override
  boolean decidedDespite(RouteMatch route) {
    return route.targetKind() != RouteTargetKind.INTERNET_GATEWAY;
  }

  @Override
  String passMessage() {
    return "No job subnet depends on an internet gateway for S3.";
  }
}
