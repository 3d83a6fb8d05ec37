package dev.vpctrain.core.internal.rules.target;

import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.rules.target.TargetChecks.Check;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code target.security-group.egress}: no rule of the job's security groups allows the target's
 * protocol and port out to it (a CIDR covering it, a reference to one of its groups, a prefix
 * list). Decided once per target: the job's groups are the same in every subnet.
 */
public final class TargetSecurityGroupEgress extends TargetRule {
  public TargetSecurityGroupEgress() {
    super("target.security-group.egress", "The job's security groups let traffic out to each declared in-VPC target");
  }

  @Override
  String passMessage(List<String> checked) {
    return "The job's security groups let the traffic out to " + String.join("; ", checked) + ".";
  }

  @Override
  void evaluate(RuleContext ctx, ResolvedTarget t, List<String> subnets, List<Finding> out, Set<String> notes) {
    if (JobPeers.groups(ctx.job()).isEmpty()) {
      out.add(unverified("The job names no security group, so its egress to " + t.describe() + " cannot be checked "
          + "(request.vpc-config.partial reports the request).", null, t.name()));
      return;
    }
    List<Check> checks = new ArrayList<>();
    for (TargetEndpoint e : t.endpoints()) {
      if (e.routed()) {
        checks.add(TargetChecks.egress(ctx, e, t.traffic()));
      }
    }
    Finding f = combine(null, t, checks, notes,
        "Declared target " + t.describe() + " cannot be reached: connections from the training code time out:",
        "Allow it (by reference to the target's security group where it has one):",
        "Whether the job's security groups let traffic out to declared target " + t.describe() + " is unknown:");
    if (f != null) {
      out.add(f);
    }
  }
}
