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
 * {@code sg.self-ingress.missing}: for a distributed job, some job SG must admit inbound traffic
 * (all traffic or all TCP ports) from the job's SGs — a self-reference, a reference to another
 * job SG, or CIDRs covering every job subnet.
 */
public final class SgSelfIngressMissing extends BaseRule {
  public SgSelfIngressMissing() {
    super("sg.self-ingress.missing", Severity.ERROR,
        "A job security group admits inbound traffic from the job's own instances (distributed jobs)");
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
        .ingress(groups, Traffic.allTcp(), JobPeers.instances(ctx.job(), ctx.network()));
    switch (d.result()) {
      case YES:
        return one(pass("Security group " + String.join(", ", d.allowedBy())
            + " admits all TCP traffic from the job's own instances.", res));
      case NO:
        return one(fail("No job security group (" + String.join(", ", groups) + ") admits inbound traffic from the job's "
                + "own security groups (all traffic or all TCP ports): the " + ctx.job().totalInstanceCount()
                + " instances cannot connect to each other and multi-node training hangs (\"Cannot connect to host algo-2\").",
            "Allow the group to reach itself: " + Commands.ingressFromGroup(groups.get(0), groups.get(0)) + ".",
            res));
      default:
        return one(unverified("Whether the job's security groups (" + String.join(", ", groups)
            + ") admit traffic between the job's instances is unknown: " + d.unknownReason() + ".", null, res));
    }
  }
}
