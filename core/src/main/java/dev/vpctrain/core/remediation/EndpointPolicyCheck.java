package dev.vpctrain.core.remediation;

import dev.vpctrain.core.job.S3Access;
import dev.vpctrain.core.internal.policy.Decision;
import dev.vpctrain.core.internal.policy.DecisionType;
import dev.vpctrain.core.internal.policy.ParsedPolicy;
import dev.vpctrain.core.internal.policy.Policy;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.policy.Target;
import dev.vpctrain.core.internal.rules.policy.JobCaller;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an endpoint policy, once the plan's statements are added, still explicitly denies a
 * request of the job: adding Allow statements cannot help then, and vpctrain never weakens a Deny.
 */
final class EndpointPolicyCheck {
  private EndpointPolicyCheck() {}

  /** The job's requests that {@code policy} explicitly denies through {@code vpce}, described; empty when none. */
  static List<String> explicitDenials(PlanContext p, String policy, String vpce) {
    ParsedPolicy parsed = Policy.tryParse(policy, "policy of " + vpce);
    if (!parsed.isValid()) {
      return List.of();
    }
    Policy doc = parsed.policy().orElseThrow();
    RequestContext.Builder context = RequestContext.builder().put("aws:SourceVpce", vpce);
    p.vpcId.ifPresent(v -> context.put("aws:SourceVpc", v));
    List<String> out = new ArrayList<>();
    for (S3Access a : p.job.s3Accesses()) {
      String bucketArn = "arn:" + p.partition + ":s3:::" + a.location().bucket();
      for (String action : a.actions()) {
        boolean list = action.equalsIgnoreCase("s3:ListBucket");
        RequestContext c = list ? context.build().toBuilder().put("s3:prefix", a.location().key()).build() : context.build();
        PolicyRequest request = PolicyRequest.builder().caller(JobCaller.of(p.rules)).action(action)
            .resource(list ? Target.exact(bucketArn) : objects(a, bucketArn))
            .context(c).build();
        Decision d = doc.evaluate(request);
        if (d.type() == DecisionType.EXPLICIT_DENY) {
          out.add(action + " on " + request.resource() + " (" + d.explanation() + ")");
        }
      }
    }
    return out;
  }

  private static Target objects(S3Access a, String bucketArn) {
    String arn = bucketArn + "/" + a.location().key();
    return a.isObject() ? Target.exact(arn) : Target.startingWith(arn);
  }
}
