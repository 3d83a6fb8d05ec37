package dev.vpctrain.core.internal.rules.vpc;

import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/** A rule about the job's VPC configuration: PASS for a job without a VPC, else judged on its {@code VpcConfig}. */
abstract class VpcRule extends BaseRule {
  VpcRule(String id, Severity severity, String title) {
    super(id, severity, title);
  }

  @Override
  public final List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job does not run in a VPC."));
    }
    return evaluate(ctx, ctx.job().vpc().get());
  }

  /** Evaluates the rule for a job in a VPC, with its {@code VpcConfig}. */
  abstract List<Finding> evaluate(RuleContext ctx, VpcSpec vpc);
}
