package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.policy.Decision;
import dev.vpctrain.core.internal.policy.Policy;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.policy.JobCaller;
import dev.vpctrain.core.internal.rules.policy.RecommendedPolicies;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code s3.bucket-policy.not-restricted}: the bucket policy should deny requests that do not come
 * from the job's VPC or endpoint. Checked by asking the policy about the job's own requests sent
 * from elsewhere (through another VPC's endpoint, and from an internet address): restricted when it
 * explicitly denies all of them.
 */
public final class S3BucketPolicyNotRestricted extends S3PolicyRule {
  static final String OTHER_VPCE = "vpce-00000000000000000";
  static final String OTHER_VPC = "vpc-00000000000000000";
  /** An address of TEST-NET-2 (RFC 5737): never one of the job's. */
  static final String INTERNET_IP = "198.51.100.7";

  public S3BucketPolicyNotRestricted() {
    super("s3.bucket-policy.not-restricted", Severity.INFO, "The bucket policy restricts access to the VPC or endpoint");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, S3PolicyAnalysis analysis) {
    List<Finding> out = new ArrayList<>();
    for (String bucket : ctx.job().buckets()) {
      out.add(check(ctx, bucket));
    }
    return out;
  }

  private Finding check(RuleContext ctx, String bucket) {
    S3PolicyAnalysis.Lookup lookup = S3PolicyAnalysis.bucketPolicy(ctx, bucket);
    if (lookup.problem() != null) {
      return unverified("Whether bucket " + bucket + " restricts access to the job's VPC cannot be checked: "
          + lookup.problem() + ".", null, bucket);
    }
    if (!lookup.hasPolicy()) {
      return fail("Bucket " + bucket + " has no bucket policy, so it does not restrict access to the job's VPC or endpoint.",
          remediation(ctx, bucket), bucket);
    }
    Policy policy = lookup.policy();
    List<PathContext> elsewhere = List.of(
        PathContext.elsewhere(ctx, bucket, OTHER_VPCE, OTHER_VPC, null),
        PathContext.elsewhere(ctx, bucket, null, null, INTERNET_IP));
    String undecided = null;
    for (JobRequest r : JobRequest.of(ctx)) {
      if (!r.bucket().equals(bucket)) {
        continue;
      }
      for (PathContext pc : elsewhere) {
        Decision d = policy.evaluate(PolicyRequest.builder()
            .caller(JobCaller.of(ctx))
            .action(r.action())
            .resource(r.resource())
            .context(PathContext.forRequest(ctx, pc.context(), r))
            .build());
        if (d.explicitDeny() == Tri.NO) {
          return fail("The bucket policy of " + bucket + " does not restrict access to the job's VPC or endpoint: the job's "
              + r.describe() + " is not denied when it comes " + pc.via() + ".", remediation(ctx, bucket), bucket);
        }
        if (d.explicitDeny() == Tri.UNKNOWN && undecided == null) {
          undecided = r.describe() + " " + pc.via() + " (" + d.explanation() + ")";
        }
      }
    }
    if (undecided != null) {
      return unverified("Whether the bucket policy of " + bucket + " restricts access to the job's VPC or endpoint cannot be "
          + "decided: " + undecided + ".", null, bucket);
    }
    return pass("The bucket policy of " + bucket + " denies the job's requests from outside its VPC endpoints or NAT addresses.",
        bucket);
  }

  private static String remediation(RuleContext ctx, String bucket) {
    Reach reach = ReachContext.of(ctx);
    Set<String> endpoints = new LinkedHashSet<>();
    Set<String> natIps = new LinkedHashSet<>();
    for (String subnet : ctx.job().vpc().get().subnets()) {
      S3Path path = reach.s3Path(subnet, S3PolicyAnalysis.bucketRegion(ctx, bucket));
      path.sourceVpce().ifPresent(endpoints::add);
      if (path.kind() == S3Path.Kind.NAT) {
        natIps.addAll(path.publicIps());
      }
    }
    String intro = "Give " + bucket + " this bucket policy (or add its statement to the policy it has)";
    if (endpoints.isEmpty() && natIps.isEmpty()) {
      endpoints.add("<id of the job's S3 gateway endpoint>");
      intro = "First give the job's subnets an S3 gateway endpoint (see the s3.route.* findings); then give " + bucket
          + " this bucket policy (or add its statement to the policy it has)";
    }
    return intro + ". It denies every request that does not come through the job's S3 path, console and CLI access from "
        + "elsewhere included: add exceptions, for example on aws:PrincipalArn, before applying it.\n"
        + RecommendedPolicies.bucketPolicyRestrictedTo(ctx, bucket, new ArrayList<>(endpoints), new ArrayList<>(natIps))
        + "\nApply it with: " + RecommendedPolicies.applyBucketPolicy(bucket);
  }
}
