package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.job.HostPort;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.internal.reach.AclDecision;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.cluster.Commands;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code egress.internet.unreachable}: every required internet destination needs, from every job
 * subnet, a NAT path (default route to an available, public NAT gateway whose subnet routes
 * {@code 0.0.0.0/0} to an attached internet gateway), job SG egress on its TCP port to public
 * addresses, and a subnet ACL that lets the request out and the replies (1024–65535) in.
 */
public final class EgressInternetUnreachable extends EgressRule {
  public EgressInternetUnreachable() {
    super("egress.internet.unreachable", Severity.ERROR,
        "Every required internet destination is reachable through NAT, the job's security groups and the subnet ACLs");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, OutsideAccess oa) {
    if (oa.internet().isEmpty()) {
      return one(pass("The job needs no internet destination."));
    }
    List<Finding> out = new ArrayList<>();
    for (HostPort dest : oa.internet()) {
      List<String> reasons = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      List<String> fixes = new ArrayList<>();
      Set<String> res = new LinkedHashSet<>();
      List<String> routeFixSubnets = new ArrayList<>();
      for (String subnet : oa.subnets()) {
        Access nat = oa.natPath(subnet, dest);
        Access sg = oa.securityGroupsTo(dest);
        Access acl = oa.aclTo(subnet, dest);
        Access all = nat.and(sg).and(acl);
        if (all.isNo()) {
          res.add(subnet);
          List<String> why = new ArrayList<>();
          if (nat.isNo()) {
            why.add("no NAT path, as " + nat.reason());
            res.addAll(nat.resources());
            routeFixSubnets.add(subnet);
          }
          if (sg.isNo()) {
            why.add(sg.reason());
            res.addAll(sg.resources());
            fixes.add(Commands.tcpEgressToCidr(oa.groups().get(0), dest.port(), "0.0.0.0/0"));
          }
          if (acl.isNo()) {
            why.add(acl.reason());
            res.addAll(acl.resources());
            oa.aclDecision(subnet, dest).ifPresent(d -> fixes.add(aclFix(ctx, subnet, d)));
          }
          reasons.add(subnet + ": " + String.join("; ", why));
        } else if (all.isUnknown()) {
          unknown.add(subnet + ": " + all.reason());
        }
      }
      if (!reasons.isEmpty()) {
        if (!routeFixSubnets.isEmpty()) {
          fixes.add(0, EgressServiceUnreachable.natFix(oa, routeFixSubnets));
        }
        out.add(fail("Internet destination " + dest + " is unreachable from " + String.join(", ", reasons) + ".",
            "Open the path: " + String.join("; ", new LinkedHashSet<>(fixes)) + ".", res.toArray(new String[0])));
      } else if (!unknown.isEmpty()) {
        out.add(unverified("Whether internet destination " + dest + " is reachable is unknown: "
            + String.join("; ", unknown) + ".", null, oa.subnets().toArray(new String[0])));
      }
    }
    if (out.isEmpty()) {
      return one(pass("Every required internet destination is reachable from every job subnet through a NAT gateway.",
          oa.subnets().toArray(new String[0])));
    }
    return out;
  }

  private static String aclFix(RuleContext ctx, String subnet, AclDecision d) {
    NetworkAcl acl = ReachContext.acls(ctx).aclOf(subnet).orElseThrow();
    int before = d.denyingEntry().map(AclEntry::ruleNumber).orElse(32767);
    return Commands.aclAllow(acl, d.egress(), before, d.traffic(), "0.0.0.0/0");
  }
}
