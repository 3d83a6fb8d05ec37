package dev.vpctrain.core.internal.rules.cluster;

import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.SecurityGroupEvaluator;
import dev.vpctrain.core.internal.reach.SgDecision;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/**
 * {@code sg.cluster-egress.blocked}: for a distributed job, the job SGs' egress rules must let an
 * instance send to its peers (all traffic or all TCP to a job SG, or CIDRs covering the job subnets).
 */
public final class SgClusterEgressBlocked extends ClusterSgRule {
  public SgClusterEgressBlocked() {
    super("sg.cluster-egress.blocked",
        "The job security groups' egress lets an instance send to its peers (distributed jobs)",
        "lets all TCP traffic out to the job's own instances",
        "let the job's instances send to each other");
  }

  @Override
  SgDecision decide(SecurityGroupEvaluator sgs, List<String> groups, Peer instances) {
    return sgs.egress(groups, Traffic.allTcp(), instances);
  }

  @Override
  Finding blocked(RuleContext ctx, List<String> groups, String... resources) {
    return fail("The egress rules of the job's security groups (" + String.join(", ", groups)
            + ") do not let an instance send all TCP traffic to its peers (neither to a job security group nor to "
            + "CIDRs covering the job subnets): restricted egress blocks the cluster as surely as missing ingress.",
        "Allow the group to send to itself: " + Commands.egressToGroup(groups.get(0), groups.get(0)) + ".",
        resources);
  }
}
