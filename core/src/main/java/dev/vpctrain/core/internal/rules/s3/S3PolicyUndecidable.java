package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.policy.DecisionType;
import dev.vpctrain.core.internal.policy.Statement;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.policy.JobCaller;
import dev.vpctrain.core.internal.rules.s3.S3PolicyAnalysis.Evaluation;
import dev.vpctrain.core.internal.rules.s3.S3PolicyAnalysis.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code s3.policy.undecidable}: a policy on the S3 path decides one of the job's requests only
 * through a condition key whose value the snapshot cannot show ({@code aws:PrincipalOrgID},
 * {@code aws:VpcSourceIp}, a principal's session name…). The outcome is UNVERIFIED, never PASS or
 * FAIL, naming the policy, the statement and the key.
 */
public final class S3PolicyUndecidable extends S3PolicyRule {
  public S3PolicyUndecidable() {
    super("s3.policy.undecidable", Severity.ERROR, "The policies on the S3 path can be decided from the snapshot");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, S3PolicyAnalysis analysis) {
    Map<List<Object>, List<Evaluation>> groups = new LinkedHashMap<>();
    for (Evaluation e : analysis.evaluations(Kind.ENDPOINT)) {
      if (e.decision.type() == DecisionType.UNKNOWN) {
        groups.computeIfAbsent(key(e), k -> new ArrayList<>()).add(e);
      }
    }
    for (Evaluation e : analysis.evaluations(Kind.BUCKET)) {
      if (e.decision.explicitDeny() == Tri.UNKNOWN) {
        groups.computeIfAbsent(key(e), k -> new ArrayList<>()).add(e);
      }
    }
    if (groups.isEmpty()) {
      return one(pass("Every evaluated endpoint and bucket policy decision on the job's S3 paths is decided by what the snapshot shows."));
    }
    List<Finding> out = new ArrayList<>();
    groups.values().forEach(list -> out.add(finding(ctx, list)));
    return out;
  }

  private static List<Object> key(Evaluation e) {
    return List.of(e.kind, e.owner, e.decision.statement().get().index(), e.decision.unknownKeys());
  }

  private Finding finding(RuleContext ctx, List<Evaluation> list) {
    Evaluation first = list.get(0);
    Statement st = first.decision.statement().get();
    Set<String> subnets = new LinkedHashSet<>();
    List<String> lines = new ArrayList<>();
    for (Evaluation e : list) {
      subnets.addAll(e.subnets);
      lines.add(e.request.describe() + " " + e.via.via());
    }
    String policy = first.kind == Kind.ENDPOINT ? "the policy of S3 endpoint " + first.owner : "the bucket policy of " + first.owner;
    String keys = String.join(", ", first.decision.unknownKeys());
    String message = "Whether " + policy + " " + (first.kind == Kind.ENDPOINT ? "allows" : "denies")
        + " the job's requests depends on " + keys + " in the " + st.effect().apiName() + " " + st.label()
        + ", whose value cannot be known from the snapshot: " + String.join("; ", lines) + ".";
    List<String> hints = new ArrayList<>();
    for (String k : first.decision.unknownKeys()) {
      hints.add(hint(ctx, k, subnets));
    }
    String fix = "Check by hand that " + st.label() + " of " + policy + " " + (st.effect().apiName().equals("Deny")
        ? "does not deny" : "allows") + " " + JobCaller.describe(ctx) + ": " + String.join(" ", hints)
        + " Once verified, accept it for this job (--accept-unverified s3.policy.undecidable=" + first.owner
        + "), or change the statement so that it does not hang on " + keys + ".";
    return unverified(message, fix, Texts.resources(first.owner, List.of(), subnets));
  }

  private static String hint(RuleContext ctx, String key, Set<String> subnets) {
    String account = ctx.job().roleArn().map(a -> a.split(":", -1).length > 4 ? a.split(":", -1)[4] : "").orElse("");
    switch (key.toLowerCase(Locale.ROOT)) {
      case "aws:principalorgid":
      case "aws:principalorgpaths":
        return key + " is the AWS Organizations organization (or path) of account " + account
            + " (aws organizations describe-organization --query Organization.Id, run in that account).";
      case "aws:vpcsourceip":
        return "aws:VpcSourceIp is the private IP the training instance gets in " + Texts.join(subnets) + ".";
      case "aws:userid":
      case "principal (role session name)":
        return "SageMaker names the role session itself, so " + key + " cannot be predicted; match the role with "
            + "aws:PrincipalArn instead.";
      case "aws:sourcevpce":
      case "aws:sourcevpc":
      case "aws:sourceip":
        return key + " depends on the S3 path, which the snapshot does not show (see the s3.route.* findings).";
      default:
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:principaltag/")) {
          return key + " is a tag of the job's role (aws iam list-role-tags --role-name "
              + JobCaller.of(ctx).roleName().orElse("<role>") + ").";
        }
        return "vpctrain cannot know " + key + " before launch.";
    }
  }
}
