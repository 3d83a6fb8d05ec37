package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/**
 * An S3 policy rule: PASS where {@link S3PolicyAnalysis} does not apply (no VPC, no S3 location),
 * else judged on the analysis of the job's requests over its S3 paths.
 */
abstract class S3PolicyRule extends BaseRule {
  S3PolicyRule(String id, Severity severity, String title) {
    super(id, severity, title);
  }

  @Override
  public final List<Finding> evaluate(RuleContext ctx) {
    S3PolicyAnalysis analysis = S3PolicyAnalysis.of(ctx);
    if (analysis.notApplicable().isPresent()) {
      return one(pass(analysis.notApplicable().get()));
    }
    return evaluate(ctx, analysis);
  }

  /** Evaluates the rule with the analysis of the job's S3 requests. */
  abstract List<Finding> evaluate(RuleContext ctx, S3PolicyAnalysis analysis);
}
