package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/**
 * An S3 path rule: applies only to a job in a VPC that touches S3 (outside a VPC SageMaker reaches
 * S3 outside the user's network), and then judges the way the job's subnets reach S3.
 */
abstract class S3PathRule extends BaseRule {
  S3PathRule(String id, Severity severity, String title) {
    super(id, severity, title);
  }

  @Override
  public final List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job does not run in a VPC: SageMaker reaches S3 outside your network."));
    }
    if (ctx.job().s3Accesses().isEmpty()) {
      return one(pass("The job touches no S3 location."));
    }
    return evaluatePaths(ctx);
  }

  /** Evaluates the rule for a job in a VPC that touches S3. */
  abstract List<Finding> evaluatePaths(RuleContext ctx);
}
