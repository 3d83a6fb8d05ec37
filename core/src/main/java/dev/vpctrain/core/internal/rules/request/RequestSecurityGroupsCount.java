package dev.vpctrain.core.internal.rules.request;

import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/** {@code request.security-groups.count}: VpcConfig names 1 to 5 security groups (API limit). */
public final class RequestSecurityGroupsCount extends BaseRule {
  static final int MAX = 5;

  public RequestSecurityGroupsCount() {
    super("request.security-groups.count", Severity.ERROR, "VpcConfig names 1 to 5 security groups");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job has no VpcConfig."));
    }
    VpcSpec vpc = ctx.job().vpc().get();
    int n = vpc.securityGroups().size();
    if (n >= 1 && n <= MAX) {
      return one(pass("VpcConfig.SecurityGroupIds names " + n + " security group(s), within the API's limit of 1 to "
          + MAX + "."));
    }
    return one(fail("VpcConfig.SecurityGroupIds names " + n + " security groups; CreateTrainingJob accepts 1 to "
            + MAX + ".",
        n == 0 ? "Add at least one security group of the job's VPC to VpcConfig.SecurityGroupIds."
            : "Merge the rules into at most " + MAX + " security groups and list those in VpcConfig.SecurityGroupIds.",
        vpc.securityGroups().toArray(String[]::new)));
  }
}
