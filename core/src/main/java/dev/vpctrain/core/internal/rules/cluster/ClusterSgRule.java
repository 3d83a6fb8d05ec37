package dev.vpctrain.core.internal.rules.cluster;

import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.SecurityGroupEvaluator;
import dev.vpctrain.core.internal.reach.SgDecision;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/**
 * A cluster security-group rule: for a distributed job in a VPC that names security groups, whether
 * the job's groups let all TCP traffic flow between the job's own instances in one direction. Does
 * not apply (PASS) without a VPC or to a single instance; UNVERIFIED when no group is named.
 */
abstract class ClusterSgRule extends BaseRule {
  private final String allowedText;
  private final String question;

  /**
   * {@code allowedText} completes "Security group sg-1 …" in the PASS; {@code question} completes
   * "Whether the job's security groups (sg-1) … is unknown".
   */
  ClusterSgRule(String id, String title, String allowedText, String question) {
    super(id, Severity.ERROR, title);
    this.allowedText = allowedText;
    this.question = question;
  }

  /** The evaluator's decision for all TCP between {@code groups} and the job's {@code instances}. */
  abstract SgDecision decide(SecurityGroupEvaluator sgs, List<String> groups, Peer instances);

  /** The FAIL for {@code groups}, whose decision is NO. */
  abstract Finding blocked(RuleContext ctx, List<String> groups, String... resources);

  @Override
  public final List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job does not run in a VPC."));
    }
    if (!ctx.job().isDistributed()) {
      return one(pass("The job runs on a single instance: no traffic flows between instances."));
    }
    List<String> groups = JobPeers.groups(ctx.job());
    if (groups.isEmpty()) {
      return one(unverified("The job names no security group, so traffic between its instances cannot be checked "
          + "(request.vpc-config.partial reports the request).", null));
    }
    String[] res = groups.toArray(new String[0]);
    SgDecision d = decide(ReachContext.securityGroups(ctx), groups, JobPeers.instances(ctx.job(), ctx.network()));
    switch (d.result()) {
      case YES:
        return one(pass("Security group " + String.join(", ", d.allowedBy()) + " " + allowedText + ".", res));
      case NO:
        return one(blocked(ctx, groups, res));
      default:
        return one(unverified("Whether the job's security groups (" + String.join(", ", groups) + ") " + question
            + " is unknown: " + d.unknownReason() + ".", null, res));
    }
  }
}
