package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.policy.Caller;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.policy.JobCaller;
import dev.vpctrain.core.internal.rules.policy.RecommendedPolicies;
import dev.vpctrain.core.internal.rules.s3.S3PolicyAnalysis.Evaluation;
import dev.vpctrain.core.internal.rules.s3.S3PolicyAnalysis.Gap;
import dev.vpctrain.core.internal.rules.s3.S3PolicyAnalysis.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code s3.bucket-policy.denies}: no bucket policy may explicitly deny one of the job's requests as
 * it arrives over the subnet's S3 path (a bucket policy need not allow: the role's own policy can).
 * Denials that hang on unknown keys are left to {@code s3.policy.undecidable}.
 */
public final class S3BucketPolicyDenies extends S3PolicyRule {
  public S3BucketPolicyDenies() {
    super("s3.bucket-policy.denies", Severity.ERROR, "No bucket policy denies the job's requests over its path");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, S3PolicyAnalysis analysis) {
    List<Finding> out = new ArrayList<>();
    Map<String, List<Evaluation>> denied = new LinkedHashMap<>();
    Set<String> checked = new LinkedHashSet<>();
    for (Evaluation e : analysis.evaluations(Kind.BUCKET)) {
      checked.add(e.owner);
      if (e.decision.explicitDeny() == Tri.YES) {
        denied.computeIfAbsent(e.owner, k -> new ArrayList<>()).add(e);
      }
    }
    denied.forEach((bucket, list) -> out.add(failure(ctx, bucket, list)));
    for (Gap g : analysis.gaps(Kind.BUCKET)) {
      out.add(unverified("Whether the bucket policy of " + g.owner + " denies the job's requests cannot be checked: "
          + g.reason() + ".", null, Texts.resources(g.owner, List.of(), g.subnets)));
    }
    if (!out.isEmpty()) {
      return out;
    }
    if (checked.isEmpty()) {
      boolean anyPolicy = ctx.job().buckets().stream().anyMatch(b -> S3PolicyAnalysis.bucketPolicy(ctx, b).hasPolicy());
      return one(pass(anyPolicy
          ? "No request of the job reaches a bucket with a policy: their S3 paths do not work (see the s3.route.* findings)."
          : "None of the job's buckets (" + Texts.join(ctx.job().buckets()) + ") has a bucket policy."));
    }
    return one(pass("The bucket policies of " + Texts.join(checked) + " do not explicitly deny the job's requests over its S3 paths.",
        checked.toArray(new String[0])));
  }

  private Finding failure(RuleContext ctx, String bucket, List<Evaluation> list) {
    Set<String> subnets = new LinkedHashSet<>();
    List<String> lines = new ArrayList<>();
    Set<String> fixes = new LinkedHashSet<>();
    String role = JobCaller.describe(ctx);
    for (Evaluation e : list) {
      subnets.addAll(e.subnets);
      lines.add(e.request.describe() + " " + e.via.via() + " is explicitly denied by " + e.decision.statement().get().label());
      fixes.add(BucketPolicyFixes.fix(e.decision.statement().get(), e.via, role,
          ctx.job().roleArn().filter(Caller::isRoleArn).orElse(null), e.request.describe()));
    }
    Set<String> ids = new LinkedHashSet<>();
    for (Evaluation e : list) {
      if (e.via.endpointId() != null) {
        ids.add(e.via.endpointId());
      }
      if (e.via.natGatewayId() != null) {
        ids.add(e.via.natGatewayId());
      }
    }
    String message = "The bucket policy of " + bucket + " denies the job's requests from " + Texts.join(subnets) + ": "
        + String.join("; ", lines) + ".";
    String fix = "In the bucket policy of " + bucket + ", " + String.join("; and ", fixes)
        + ". Then apply it: " + RecommendedPolicies.applyBucketPolicy(bucket) + ".";
    return fail(message, fix, Texts.resources(bucket, ids, subnets));
  }
}
