package dev.vpctrain.core.internal.rules.subnet;

import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/**
 * A rule about what the snapshot says of each job subnet (free addresses, zones): PASS when the job
 * names no subnet, UNVERIFIED while {@code DescribeSubnets} is not captured, else judged on the
 * distinct job subnet ids.
 */
public abstract class SubnetRule extends BaseRule {
  private final String facts;

  /** {@code facts} names what the rule reads of the subnets, "free IP addresses". */
  protected SubnetRule(String id, Severity severity, String title, String facts) {
    super(id, severity, title);
    this.facts = facts;
  }

  @Override
  public final List<Finding> evaluate(RuleContext ctx) {
    List<String> ids = JobSubnets.ids(ctx);
    if (ids.isEmpty()) {
      return one(pass("The job does not run in a VPC."));
    }
    if (!ctx.network().has(Section.SUBNETS)) {
      return one(unverified("The " + facts + " of the job's subnets are not known: "
          + ctx.network().unknownReason(Section.SUBNETS) + ".", null, ids.toArray(new String[0])));
    }
    return evaluate(ctx, ids);
  }

  /** Evaluates the rule for the distinct job subnet ids {@code ids} (not empty), with the subnets captured. */
  protected abstract List<Finding> evaluate(RuleContext ctx, List<String> ids);
}
