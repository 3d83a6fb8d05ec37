package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.policy.Caller;
import dev.vpctrain.core.internal.policy.DecisionType;
import dev.vpctrain.core.internal.policy.Policy;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.policy.Target;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.policy.RecommendedPolicies;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code s3.endpoint-policy.full-access}: an S3 endpoint on the job's path keeps a full-access
 * policy. Full access is decided by the evaluator, not by the text: the policy allows every S3
 * action on every resource to any caller under any condition (the default policy does).
 */
public final class S3EndpointPolicyFullAccess extends S3PolicyRule {
  public S3EndpointPolicyFullAccess() {
    super("s3.endpoint-policy.full-access", Severity.INFO, "The S3 endpoint has a policy limited to the buckets in use");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, S3PolicyAnalysis analysis) {
    if (analysis.endpointsOnPaths().isEmpty()) {
      return one(pass("No S3 endpoint is on the job's S3 paths."));
    }
    List<Finding> out = new ArrayList<>();
    for (String endpoint : analysis.endpointsOnPaths()) {
      S3PolicyAnalysis.Lookup lookup = S3PolicyAnalysis.endpointPolicy(ctx, endpoint);
      if (!lookup.hasPolicy()) {
        out.add(unverified("Whether S3 endpoint " + endpoint + " keeps a full-access policy cannot be checked: "
            + lookup.problem() + ".", null, endpoint));
      } else if (isFullAccess(lookup.policy())) {
        out.add(fail("S3 endpoint " + endpoint + " keeps a full-access policy: anything in the VPC can reach any bucket "
                + "through it, and a leaked credential can copy data to a bucket outside your account.",
            "Limit the endpoint to the buckets the VPC's workloads use, for example:\n" + RecommendedPolicies.s3EndpointPolicy(ctx)
                + "\nApply it with: " + RecommendedPolicies.applyEndpointPolicy(endpoint),
            endpoint));
      } else {
        out.add(pass("S3 endpoint " + endpoint + " has a policy that limits access.", endpoint));
      }
    }
    return out;
  }

  /** True when the policy allows every S3 action on every resource to any caller, whatever the context. */
  static boolean isFullAccess(Policy policy) {
    PolicyRequest everything = PolicyRequest.builder()
        .caller(Caller.unknown())
        .action(Target.startingWith("s3:"))
        .resource(Target.any())
        .context(RequestContext.empty())
        .build();
    return policy.evaluate(everything).type() == DecisionType.ALLOW;
  }
}
