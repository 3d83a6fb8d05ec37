package dev.vpctrain.core.internal.rules.request;

import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/** {@code request.subnets.count}: VpcConfig names 1 to 16 subnets (API limit). */
public final class RequestSubnetsCount extends BaseRule {
  static final int MAX = 16;

  public RequestSubnetsCount() {
    super("request.subnets.count", Severity.ERROR, "VpcConfig names 1 to 16 subnets");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job has no VpcConfig."));
    }
    VpcSpec vpc = ctx.job().vpc().get();
    int n = vpc.subnets().size();
    if (n >= 1 && n <= MAX) {
      return one(pass("VpcConfig.Subnets names " + n + " subnet(s), within the API's limit of 1 to " + MAX + "."));
    }
    return one(fail("VpcConfig.Subnets names " + n + " subnets; CreateTrainingJob accepts 1 to " + MAX + ".",
        n == 0 ? "Add at least one private subnet of the job's VPC to VpcConfig.Subnets."
            : "Keep at most " + MAX + " subnets in VpcConfig.Subnets (those with the most free IP addresses).",
        vpc.subnets().toArray(String[]::new)));
  }
}
