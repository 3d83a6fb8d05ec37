package dev.vpctrain.core.internal.rules.request;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/**
 * {@code request.vpc-config.absent}: the request has no {@code VpcConfig}, so the job runs in
 * SageMaker's own network with internet access and none of the VPC rules apply. INFO, so that a
 * user who meant to use a VPC sees it; it never holds the verdict back.
 */
public final class RequestVpcConfigAbsent extends BaseRule {
  public RequestVpcConfigAbsent() {
    super("request.vpc-config.absent", Severity.INFO, "The request has a VpcConfig (else the job runs outside any VPC)");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().vpc().isPresent()) {
      return one(pass("The request has a VpcConfig: the job runs in the VPC of its subnets."));
    }
    return one(fail("The request has no VpcConfig: the job runs in SageMaker's own network with internet access, "
            + "not in your VPC, so none of the VPC rules apply (subnets, security groups, routes, endpoints and ACLs "
            + "are not used). If you meant the job to run in a VPC, the request does not say so.",
        "To run the job in your VPC, add VpcConfig to the request: \"VpcConfig\": {\"Subnets\": [\"subnet-…\"], "
            + "\"SecurityGroupIds\": [\"sg-…\"]} (SageMaker Python SDK: subnets=[…], security_group_ids=[…] on the "
            + "estimator), then run the check again."));
  }
}
