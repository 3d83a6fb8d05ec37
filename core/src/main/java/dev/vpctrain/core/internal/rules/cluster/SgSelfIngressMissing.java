package dev.vpctrain.core.internal.rules.cluster;

import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.SecurityGroupEvaluator;
import dev.vpctrain.core.internal.reach.SgDecision;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/**
 * {@code sg.self-ingress.missing}: for a distributed job, some job SG must admit inbound traffic
 * (all traffic or all TCP ports) from the job's SGs — a self-reference, a reference to another
 * job SG, or CIDRs covering every job subnet.
 */
public final class SgSelfIngressMissing extends ClusterSgRule {
  public SgSelfIngressMissing() {
    super("sg.self-ingress.missing",
        "A job security group admits inbound traffic from the job's own instances (distributed jobs)",
        "admits all TCP traffic from the job's own instances",
        "admit traffic between the job's instances");
  }

  @Override
  SgDecision decide(SecurityGroupEvaluator sgs, List<String> groups, Peer instances) {
    return sgs.ingress(groups, Traffic.allTcp(), instances);
  }

  @Override
  Finding blocked(RuleContext ctx, List<String> groups, String... resources) {
    return fail("No job security group (" + String.join(", ", groups) + ") admits inbound traffic from the job's "
            + "own security groups (all traffic or all TCP ports): the " + ctx.job().totalInstanceCount()
            + " instances cannot connect to each other and "
            + (ctx.job().kind() == JobKind.PROCESSING ? "the distributed processing job hangs."
                : "multi-node training hangs (\"Cannot connect to host algo-2\")."),
        "Allow the group to reach itself: " + Commands.ingressFromGroup(groups.get(0), groups.get(0)) + ".",
        resources);
  }
}
