package dev.vpctrain.core.internal.rules.request;

import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/** {@code request.vpc-config.partial}: subnets without security groups, or the reverse. */
public final class RequestVpcConfigPartial extends BaseRule {
  public RequestVpcConfigPartial() {
    super("request.vpc-config.partial", Severity.ERROR, "VpcConfig names both subnets and security groups");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job has no VpcConfig."));
    }
    VpcSpec vpc = ctx.job().vpc().get();
    boolean subnets = !vpc.subnets().isEmpty();
    boolean groups = !vpc.securityGroups().isEmpty();
    if (subnets && !groups) {
      return one(fail("VpcConfig names subnets but no security groups (VpcConfig.SecurityGroupIds is empty); "
              + "SDKs have silently dropped such a VpcConfig and launched the job outside the VPC.",
          "Add the job's security groups to VpcConfig.SecurityGroupIds.",
          vpc.subnets().toArray(String[]::new)));
    }
    if (groups && !subnets) {
      return one(fail("VpcConfig names security groups but no subnets (VpcConfig.Subnets is empty); "
              + "SDKs have silently dropped such a VpcConfig and launched the job outside the VPC.",
          "Add the job's private subnets to VpcConfig.Subnets.",
          vpc.securityGroups().toArray(String[]::new)));
    }
    if (!subnets) {
      return one(fail("VpcConfig is present but names neither subnets nor security groups.",
          "Fill VpcConfig.Subnets and VpcConfig.SecurityGroupIds, or remove VpcConfig to run outside a VPC."));
    }
    return one(pass("VpcConfig names " + vpc.subnets().size() + " subnet(s) and "
        + vpc.securityGroups().size() + " security group(s)."));
  }
}
