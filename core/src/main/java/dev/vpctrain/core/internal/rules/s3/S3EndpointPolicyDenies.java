package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.policy.DecisionType;
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
 * {@code s3.endpoint-policy.denies}: the policy of the endpoint on each subnet's S3 path must allow
 * every S3 request of the job (as a session of the job's role, arriving through that endpoint).
 * Requests the policy decides only through unknown keys are left to {@code s3.policy.undecidable}.
 */
public final class S3EndpointPolicyDenies extends S3PolicyRule {
  public S3EndpointPolicyDenies() {
    super("s3.endpoint-policy.denies", Severity.ERROR, "The S3 endpoint policy on the path allows the job's requests");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, S3PolicyAnalysis analysis) {
    List<Finding> out = new ArrayList<>();
    Map<String, List<Evaluation>> denied = new LinkedHashMap<>();
    int allowed = 0;
    int undecided = 0;
    for (Evaluation e : analysis.evaluations(Kind.ENDPOINT)) {
      DecisionType t = e.decision.type();
      if (t == DecisionType.EXPLICIT_DENY || t == DecisionType.IMPLICIT_DENY) {
        denied.computeIfAbsent(e.owner, k -> new ArrayList<>()).add(e);
      } else if (t == DecisionType.UNKNOWN) {
        undecided++;
      } else {
        allowed++;
      }
    }
    denied.forEach((endpoint, list) -> out.add(failure(ctx, endpoint, list)));
    for (Gap g : analysis.gaps(Kind.ENDPOINT)) {
      out.add(unverified("The endpoint policy on the S3 path of " + Texts.join(g.subnets) + " cannot be checked: " + g.reason() + ".",
          null, Texts.resources(g.owner.startsWith("vpce-") ? g.owner : null, g.subnets, List.of())));
    }
    if (!out.isEmpty()) {
      return out;
    }
    Set<String> endpoints = analysis.endpointsOnPaths();
    if (endpoints.isEmpty()) {
      return one(pass("No S3 request of the job passes a VPC endpoint, so no endpoint policy applies."));
    }
    String msg = "The policy of " + Texts.join(endpoints) + " allows " + (undecided == 0 ? "every" : allowed + " of the")
        + " S3 request" + (undecided == 0 ? "" : "s") + " of the job"
        + (undecided == 0 ? "." : "; " + undecided + " depend on keys whose values cannot be known (see s3.policy.undecidable).");
    return one(pass(msg, endpoints.toArray(new String[0])));
  }

  private Finding failure(RuleContext ctx, String endpoint, List<Evaluation> list) {
    Set<String> subnets = new LinkedHashSet<>();
    Set<String> buckets = new LinkedHashSet<>();
    Set<String> explicit = new LinkedHashSet<>();
    boolean notPrincipal = false;
    List<String> lines = new ArrayList<>();
    for (Evaluation e : list) {
      subnets.addAll(e.subnets);
      buckets.add(e.request.bucket());
      lines.add(e.request.describe() + " " + Texts.denial(e.decision));
      if (e.decision.type() == DecisionType.EXPLICIT_DENY) {
        explicit.add(e.decision.statement().get().label());
        notPrincipal |= e.decision.statement().get().isNotPrincipal();
      }
    }
    String message = "The policy of S3 endpoint " + endpoint + " on the S3 path of " + Texts.join(subnets)
        + " does not let " + JobCaller.describe(ctx) + " make the job's requests: " + String.join("; ", lines) + ".";
    StringBuilder fix = new StringBuilder("Add a statement for the job's buckets to the policy of " + endpoint
        + " (keep the statements other workloads in the VPC need)");
    if (!explicit.isEmpty()) {
      fix.append(", and remove or narrow ").append(Texts.join(explicit)).append(" so that it no longer matches these requests");
      if (notPrincipal) {
        fix.append(" (a NotPrincipal naming the role or the account does not exempt the role's sessions, as which S3 sees "
            + "the job: exempt the role with \"Principal\": \"*\" and an ArnNotEquals condition on aws:PrincipalArn instead)");
      }
    }
    fix.append(". A complete policy for this job:\n")
        .append(RecommendedPolicies.s3EndpointPolicy(ctx))
        .append("\nApply it with: ").append(RecommendedPolicies.applyEndpointPolicy(endpoint));
    return fail(message, fix.toString(), Texts.resources(endpoint, buckets, subnets));
  }
}
