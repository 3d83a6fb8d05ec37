package dev.vpctrain.core.internal.rules.target;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * {@code target.nacl.blocked}: the job subnet's ACL must pass the request out to the target and the
 * replies back in on 1024-65535; the target subnet's ACL the request in from the job subnet's CIDR
 * and the replies out (rules.md; {@code NetworkAclEvaluator.flow}). No ACL applies within one
 * subnet; a target subnet outside the snapshot is UNVERIFIED, unless the route leaves the VPC first.
 */
public final class TargetNaclBlocked extends TargetRule {
  public TargetNaclBlocked() {
    super("target.nacl.blocked", "The network ACLs pass the traffic to each declared in-VPC target and its replies");
  }

  @Override
  String passMessage(List<String> checked) {
    return "The network ACLs pass the traffic between every job subnet and " + String.join("; ", checked)
        + ", both ways.";
  }

  @Override
  void evaluate(RuleContext ctx, ResolvedTarget t, List<String> subnets, List<Finding> out, Set<String> notes) {
    perSubnet(ctx, t, subnets, out, notes,
        (c, subnet, e, traffic, r) -> e.routed() ? TargetChecks.acls(c, subnet, e, traffic, r) : new TargetChecks.Check(),
        new Lead("The network ACLs block the way between job subnet {subnet} and declared target " + t.describe() + ":",
            "The network ACLs block the way between job subnets " + Grouping.SUBJECTS + " and declared target "
                + t.describe() + ":"),
        "Add ACL entries; ACLs are stateless: the port one way, the replies on 1024-65535 the other:",
        new Lead("Whether the network ACLs pass the way between job subnet {subnet} and declared target " + t.describe()
            + " is unknown:", "Whether the network ACLs pass the way between job subnets " + Grouping.SUBJECTS
            + " and declared target " + t.describe() + " is unknown:"));
  }
}
