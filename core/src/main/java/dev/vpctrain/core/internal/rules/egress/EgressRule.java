package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;

/**
 * An egress rule: applies only to a job in a VPC that names subnets ({@link EgressScope}), and
 * then judges what the job reaches outside the VPC ({@link OutsideAccess}).
 */
abstract class EgressRule extends BaseRule {
  EgressRule(String id, Severity severity, String title) {
    super(id, severity, title);
  }

  @Override
  public final List<Finding> evaluate(RuleContext ctx) {
    Optional<Finding> skip = EgressScope.check(this, ctx);
    if (skip.isPresent()) {
      return one(skip.get());
    }
    return evaluate(ctx, OutsideAccess.of(ctx));
  }

  /** Evaluates the rule for a job in a VPC, with what the job needs outside it. */
  abstract List<Finding> evaluate(RuleContext ctx, OutsideAccess oa);
}
