package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.internal.reach.EgressPath;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code egress.service.unreachable}: every required AWS service needs, from every job subnet, a
 * usable interface endpoint ({@code com.amazonaws.<region>.<service>}, available, private DNS on)
 * or a NAT path. IAM has no VPC endpoint and always needs the NAT path.
 */
public final class EgressServiceUnreachable extends EgressRule {
  public EgressServiceUnreachable() {
    super("egress.service.unreachable", Severity.ERROR,
        "Every required AWS service is reachable through an interface endpoint or a NAT path");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, OutsideAccess oa) {
    if (oa.services().isEmpty()) {
      return one(pass("The job needs no AWS service besides S3."));
    }
    List<Finding> out = new ArrayList<>();
    List<String> ok = new ArrayList<>();
    for (AwsService s : oa.services()) {
      List<String> failing = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      Set<String> res = new LinkedHashSet<>();
      List<String> natReasons = new ArrayList<>();
      for (String subnet : oa.subnets()) {
        Access a = oa.service(s, subnet);
        if (a.isNo()) {
          failing.add(subnet);
          res.add(subnet);
          res.addAll(oa.natPath(subnet).resources());
          natReasons.add(subnet + ": " + oa.natPath(subnet).reason());
        } else if (a.isUnknown()) {
          unknown.add(subnet + ": " + a.reason());
        }
      }
      Access ep = oa.endpoint(s);
      if (!failing.isEmpty()) {
        res.addAll(ep.resources());
        out.add(fail("AWS service " + s.endpointName() + " (" + oa.serviceName(s) + ") is unreachable from "
                + String.join(", ", failing) + ": " + ep.reason() + ", and there is no NAT path, as "
                + String.join("; ", natReasons) + ".",
            remediation(oa, s, failing),
            res.toArray(new String[0])));
      } else if (!unknown.isEmpty()) {
        out.add(unverified("Whether AWS service " + s.endpointName() + " is reachable is unknown: "
            + String.join("; ", unknown) + ".", null, oa.subnets().toArray(new String[0])));
      } else {
        ok.add(s.endpointName() + (ep.isYes() ? " via " + ep.reason() : " via NAT"));
      }
    }
    if (out.isEmpty()) {
      return one(pass("Every required AWS service is reachable from every job subnet: " + String.join("; ", ok) + ".",
          oa.subnets().toArray(new String[0])));
    }
    return out;
  }

  private static String remediation(OutsideAccess oa, AwsService s, List<String> failing) {
    String nat = natFix(oa, failing);
    if (!s.hasVpcEndpoint()) {
      return s.endpointName() + " has no VPC endpoint: give the job subnets a default route to a NAT gateway in a "
          + "public subnet (" + nat + ").";
    }
    if (!oa.interfaceEndpoints(s).isEmpty()) {
      return "Make interface endpoint " + oa.interfaceEndpoints(s).get(0).vpcEndpointId()
          + " usable (see egress.interface-endpoint.dns), or route the subnets to a NAT gateway (" + nat + ").";
    }
    return "Create an interface endpoint whose security group admits TCP 443 from the job's groups: "
        + EgressCommands.createInterfaceEndpoint(oa.vpcId().orElse("<vpc-id>"), oa.serviceName(s), failing, oa.groups())
        + " (or route the subnets to a NAT gateway: " + nat + ").";
  }

  static String natFix(OutsideAccess oa, List<String> subnets) {
    Set<String> cmds = new LinkedHashSet<>();
    for (String subnet : subnets) {
      EgressPath p = oa.internetPath(subnet);
      if (p.routeTableId().isEmpty()) {
        continue;
      }
      if (p.kind() == EgressPath.Kind.NAT) {
        // the route and the NAT gateway work: what blocks is the NAT gateway's own subnet ACL
        cmds.add("let the network ACL of NAT gateway " + p.natGatewayId().orElse("?")
            + "'s subnet pass the traffic (see egress.nat.nacl-blocked)");
        continue;
      }
      cmds.add(EgressCommands.natRoute(p.routeTableId(), p.route().isPresent(), oa.healthyNat()));
    }
    return cmds.isEmpty() ? "aws ec2 create-route --route-table-id <route-table-id> --destination-cidr-block 0.0.0.0/0 "
        + "--nat-gateway-id <nat-gateway-id>" : String.join("; ", cmds);
  }
}
