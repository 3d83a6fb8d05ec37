package dev.vpctrain.core.rules.cluster;

import dev.vpctrain.core.reach.JobPeers;
import dev.vpctrain.core.reach.SgDecision;
import dev.vpctrain.core.reach.Traffic;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code sg.cluster-egress.blocked}: for a distributed job, the job SGs' egress rules must let an
 * instance send to its peers (all traffic or all TCP to a job SG, or CIDRs covering the job subnets).
 */
public final class SgClusterEgressBlocked extends BaseRule {
  public SgClusterEgressBlocked() {
    super("sg.cluster-egress.blocked", Severity.ERROR,
        "The job security groups' egress lets an instance send to its peers (distributed jobs)");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    Optional<Finding> skip = ClusterScope.check(this, ctx);
    if (skip.isPresent()) {
      return one(skip.get());
    }
    List<String> groups = JobPeers.groups(ctx.job());
    String[] res = groups.toArray(new String[0]);
    SgDecision d = ReachContext.securityGroups(ctx)
        .egress(groups, Traffic.allTcp(), JobPeers.instances(ctx.job(), ctx.network()));
    switch (d.result()) {
      case YES:
        return one(pass("Security group " + String.join(", ", d.allowedBy())
            + " lets all TCP traffic out to the job's own instances.", res));
      case NO:
        return one(fail("The egress rules of the job's security groups (" + String.join(", ", groups)
                + ") do not let an instance send all TCP traffic to its peers (neither to a job security group nor to "
                + "CIDRs covering the job subnets): restricted egress blocks the cluster as surely as missing ingress.",
            "Allow the group to send to itself: " + Commands.egressToGroup(groups.get(0), groups.get(0)) + ".",
            res));
      default:
        return one(unverified("Whether the job's security groups (" + String.join(", ", groups)
            + ") let the job's instances send to each other is unknown: " + d.unknownReason() + ".", null, res));
    }
  }
}
