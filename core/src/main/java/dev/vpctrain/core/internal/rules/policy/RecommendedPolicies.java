package dev.vpctrain.core.internal.rules.policy;

import dev.vpctrain.core.job.S3Access;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The policy documents vpctrain proposes in remediations, ready to paste. */
public final class RecommendedPolicies {
  private RecommendedPolicies() {}

  /** The Amazon Linux repository buckets' object patterns (rules.md {@code s3.packages.not-blocked}). */
  public static List<String> repositoryObjectArns(String partition) {
    return List.of(
        "arn:" + partition + ":s3:::packages.*.amazonaws.com/*",
        "arn:" + partition + ":s3:::repo.*.amazonaws.com/*",
        "arn:" + partition + ":s3:::amazonlinux.*.amazonaws.com/*");
  }

  /**
   * An S3 endpoint policy allowing the job's S3 actions on its buckets (for every principal in the
   * VPC, as endpoint policies usually do) and denying the Amazon Linux repositories.
   */
  public static String s3EndpointPolicy(RuleContext ctx) {
    Set<String> actions = new TreeSet<>();
    Set<String> resources = new LinkedHashSet<>();
    for (S3Access a : ctx.job().s3Accesses()) {
      actions.addAll(a.actions());
      resources.add(bucketArn(ctx, a.location().bucket()));
      resources.add(bucketArn(ctx, a.location().bucket()) + "/*");
    }
    List<Object> statements = new ArrayList<>();
    statements.add(statement("TrainingJobBuckets", "Allow", "*", new ArrayList<>(actions), new ArrayList<>(resources), null));
    statements.add(statement("AmazonLinuxRepositories", "Deny", "*", List.of("s3:GetObject"),
        repositoryObjectArns(ctx.partition()), null));
    return document(statements);
  }

  /**
   * A bucket policy that denies every request to {@code bucket} unless it comes through one of
   * {@code endpointIds} or from one of {@code natIps}.
   */
  public static String bucketPolicyRestrictedTo(RuleContext ctx, String bucket, List<String> endpointIds, List<String> natIps) {
    Map<String, Object> condition = new LinkedHashMap<>();
    if (!endpointIds.isEmpty()) {
      condition.put(natIps.isEmpty() ? "StringNotEquals" : "StringNotEqualsIfExists",
          Map.of("aws:SourceVpce", endpointIds.size() == 1 ? endpointIds.get(0) : endpointIds));
    }
    if (!natIps.isEmpty()) {
      List<String> cidrs = new ArrayList<>();
      natIps.forEach(ip -> cidrs.add(ip + "/32"));
      condition.put(endpointIds.isEmpty() ? "NotIpAddress" : "NotIpAddressIfExists",
          Map.of("aws:SourceIp", cidrs.size() == 1 ? cidrs.get(0) : cidrs));
    }
    String sid = endpointIds.isEmpty() ? "AccessFromTrainingNatOnly" : "AccessThroughTrainingEndpointsOnly";
    return document(List.of(statement(sid, "Deny", "*", List.of("s3:*"),
        List.of(bucketArn(ctx, bucket), bucketArn(ctx, bucket) + "/*"), condition)));
  }

  /** An interface endpoint policy allowing the job's role every action of {@code iamPrefix}. */
  public static String interfaceEndpointPolicy(RuleContext ctx, String iamPrefix) {
    Object principal = ctx.job().roleArn().isPresent()
        ? Map.of("AWS", ctx.job().roleArn().get())
        : "*";
    return document(List.of(statement("TrainingJobRole", "Allow", principal, List.of(iamPrefix + ":*"), List.of("*"), null)));
  }

  /** The AWS CLI command that sets an endpoint's policy from {@code endpoint-policy.json}. */
  public static String applyEndpointPolicy(String endpointId) {
    return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + endpointId + " --policy-document file://endpoint-policy.json";
  }

  /** The AWS CLI command that sets a bucket's policy from {@code bucket-policy.json}. */
  public static String applyBucketPolicy(String bucket) {
    return "aws s3api put-bucket-policy --bucket " + bucket + " --policy file://bucket-policy.json";
  }

  public static String bucketArn(RuleContext ctx, String bucket) {
    return "arn:" + ctx.partition() + ":s3:::" + bucket;
  }

  private static Map<String, Object> statement(String sid, String effect, Object principal, List<String> actions,
      List<String> resources, Map<String, Object> condition) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("Sid", sid);
    s.put("Effect", effect);
    s.put("Principal", principal);
    s.put("Action", actions.size() == 1 ? actions.get(0) : actions);
    s.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
    if (condition != null && !condition.isEmpty()) {
      s.put("Condition", condition);
    }
    return s;
  }

  private static String document(List<Object> statements) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Version", "2012-10-17");
    doc.put("Statement", statements);
    return PolicyJson.pretty(doc);
  }
}
