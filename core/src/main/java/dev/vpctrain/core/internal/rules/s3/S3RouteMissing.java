package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.reach.EffectiveRouteTable;
import dev.vpctrain.core.internal.reach.NatForwarding;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.RouteMatch;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;

/**
 * {@code s3.route.missing}: no gateway endpoint route, no S3 interface endpoint, and no default
 * route to a working NAT gateway (one whose own subnet's network ACL passes S3 traffic counts). A
 * subnet whose only path is an S3 interface endpoint that does not work is left to
 * {@code s3.interface-endpoint.*}, which name the fault.
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
      // the detail says what the route table lacks or where it sends S3's addresses instead
      String cause = " no route to S3, and no S3 interface endpoint with private DNS serves the VPC: " + p.detail() + "."
          + (p.routeTable().source() == EffectiveRouteTable.Source.MAIN ? " It is the VPC's main route table, which "
              + "applies to every subnet without an explicit association." : "");
      return grouped(ctx, subnet, fail("Subnet " + label(ctx, subnet) + " has" + cause,
          S3Remedies.addGatewayEndpoint(reach, vpcOf(p), table), resources(subnet, p)),
          "Subnets " + Grouping.SUBJECTS + " have" + cause);
    }
    if (p.kind() == S3Path.Kind.NAT_UNHEALTHY) {
      String nat = p.natGatewayId().orElse("?");
      String cause = p.routeTable().describe() + " has no S3 gateway endpoint route and sends 0.0.0.0/0 to NAT gateway "
          + nat + ", which gives no internet path: " + String.join("; ", p.nat().get().problems()) + ".";
      return grouped(ctx, subnet, fail("Subnet " + label(ctx, subnet) + " has no working route to S3: its " + cause,
          S3Remedies.addGatewayEndpoint(reach, vpcOf(p), table) + " For other internet traffic, fix NAT gateway " + nat
              + ": it must be available, public, and sit in a subnet whose route table sends 0.0.0.0/0 to an attached "
              + "internet gateway.",
          resources(subnet, p)),
          "Subnets " + Grouping.SUBJECTS + " have no working route to S3: their " + cause);
    }
    if (p.kind() == S3Path.Kind.NAT_BLOCKED) {
      String nat = p.natGatewayId().orElse("?");
      java.util.List<String> res = new java.util.ArrayList<>(java.util.List.of(resources(subnet, p)));
      p.natForwarding().flatMap(f -> f.networkAclId()).ifPresent(res::add);
      NatForwarding forwarding = p.natForwarding().get();
      String route = p.routeTable().describe() + " has no S3 gateway endpoint route and sends S3's addresses to NAT gateway "
          + nat + ", but ";
      // the forwarding's description names the subnet; the group's names the ACL and the NAT gateway's subnet only
      String acl = forwarding.networkAclId().map(a -> "network ACL " + a).orElse("the network ACL") + " of NAT gateway "
          + nat + "'s subnet" + forwarding.natSubnetId().map(s -> " " + s).orElse("");
      return grouped(ctx, subnet, fail("Subnet " + label(ctx, subnet) + " has no working route to S3: its " + route
          + forwarding.describe() + "; see egress.nat.nacl-blocked.",
          S3Remedies.addGatewayEndpoint(reach, vpcOf(p), table) + " A gateway endpoint route bypasses the NAT gateway; to keep "
              + "the NAT path, let its subnet's ACL pass the traffic instead (see egress.nat.nacl-blocked).",
          res.toArray(new String[0])),
          "Subnets " + Grouping.SUBJECTS + " have no working route to S3: their " + route + acl
              + " blocks what the gateway forwards for them to S3; see egress.nat.nacl-blocked.");
    }
    // INTERFACE_ENDPOINT_UNUSABLE: the subnet's path is an S3 interface endpoint (so a route exists);
    // s3.interface-endpoint.dns and s3.interface-endpoint.security-group report what breaks it.
    return null;
  }

  @Override
  String passMessage(RuleContext ctx, Reach reach, java.util.List<String> subnets) {
    java.util.List<String> deferred = new java.util.ArrayList<>();
    for (String s : subnets) {
      S3Path p = reach.s3Path(s, ctx.region());
      if (p.kind() == S3Path.Kind.INTERFACE_ENDPOINT_UNUSABLE) {
        deferred.add(s + " (" + p.endpointId().orElse("?") + ")");
      }
    }
    if (deferred.isEmpty()) {
      return passMessage();
    }
    return "Every job subnet has a route to S3 or an S3 interface endpoint; the S3 interface endpoint path of "
        + String.join(", ", deferred) + " does not work, which s3.interface-endpoint.dns and "
        + "s3.interface-endpoint.security-group report.";
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
