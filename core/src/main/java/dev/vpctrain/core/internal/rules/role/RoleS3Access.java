package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.internal.policy.AuthDecision;
import dev.vpctrain.core.internal.policy.Authorization;
import dev.vpctrain.core.internal.policy.DecisionType;
import dev.vpctrain.core.internal.policy.ParsedPolicy;
import dev.vpctrain.core.internal.policy.Policy;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.PolicySource;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.rules.policy.PolicyDocuments;
import dev.vpctrain.core.internal.rules.s3.JobRequest;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.S3Access;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code role.s3.access}: the identity side of the job's S3 data path. Every S3 request of the job
 * ({@link JobRequest#of}, the list the s3 rules use: {@code s3:GetObject} under each input prefix and
 * on the code package object, {@code s3:ListBucket} on the bucket with {@code s3:prefix}, {@code
 * s3:PutObject} under each output prefix, Get, List and Put for checkpoints) is decided for the
 * job's role. When the role's own policies do not allow a request, the bucket policy's Allow
 * statements are consulted as a resource policy; the snapshot does not record which account owns a
 * bucket, and a bucket policy grants access by itself only in the owner's account, so an access
 * that only the bucket policy allows is UNVERIFIED. The bucket policy's Deny statements, and the
 * endpoint policies, stay with the s3 rules. One finding per S3 location (channel or field) the
 * role cannot use; decisions that hang on a condition key are left to {@code role.policy.undecidable}.
 */
public final class RoleS3Access extends BaseRule {
  static final String ID = "role.s3.access";
  private static final Pattern INPUT = Pattern.compile("InputDataConfig\\[(\\d+)]");

  public RoleS3Access() {
    super(ID, Severity.ERROR, "The execution role may read the job's S3 data and write its outputs");
  }

  /** The keys of this rule's per-preflight values in the rule context. */
  private enum Cached { ITEMS, CHECKS }

  /** One request of the job and how the role fares with it. */
  private record Item(JobRequest request, RoleCheck check) {}

  /**
   * Every S3 request of the job as the role's decision, in the order of {@code s3Accesses()}; empty
   * when the role is not judged (no {@code iam} section, role not found or unknown). Computed once
   * per preflight.
   */
  static List<RoleCheck> checks(RuleContext ctx) {
    return ctx.cached(Cached.CHECKS, k -> items(ctx).stream().map(Item::check).toList());
  }

  private static List<Item> items(RuleContext ctx) {
    return ctx.cached(Cached.ITEMS, k -> compute(ctx));
  }

  private static List<Item> compute(RuleContext ctx) {
    JobRole r = JobRole.of(ctx);
    if (r.role().isEmpty()) {
      return List.of();
    }
    IamRole role = r.role().get();
    Authorization auth = r.authorization(ctx);
    Map<String, Optional<PolicySource>> bucketPolicies = new HashMap<>();
    List<Item> out = new ArrayList<>();
    for (JobRequest q : JobRequest.of(ctx)) {
      RequestContext base = RequestContext.builder().put("aws:RequestedRegion", region(ctx, q.bucket())).build();
      PolicyRequest request = PolicyRequest.builder().roleSession(role.arn()).action(q.action()).resource(q.resource())
          .context(q.context(ctx, base)).build();
      Optional<PolicySource> bucketPolicy = bucketPolicies.computeIfAbsent(q.bucket(), b -> bucketPolicy(ctx, b));
      AuthDecision d = decide(auth, bucketPolicy, request, q.bucket(), role.accountId());
      out.add(new Item(q, new RoleCheck(ID, q.action(), shown(q), label(ctx, q.access()) + " "
          + q.access().location(), request, d)));
    }
    return List.copyOf(out);
  }

  /**
   * The role's own policies decide; only when none of them allows the request (and none denies it)
   * can the bucket policy's Allow statements grant it, and then only if the bucket is in the role's
   * account, which the snapshot does not show: such an allow is UNKNOWN.
   */
  private static AuthDecision decide(Authorization auth, Optional<PolicySource> bucketPolicy, PolicyRequest request,
      String bucket, String account) {
    AuthDecision identity = auth.decide(request);
    if (identity.type() != DecisionType.IMPLICIT_DENY || bucketPolicy.isEmpty()) {
      return identity;
    }
    AuthDecision withBucket = auth.withResourcePolicies(List.of(bucketPolicy.get()), false).decide(request);
    if (withBucket.isAllowed()) {
      return withBucket.asUnknown("undecidable: " + withBucket.explanation() + ", but the role's own policies do not "
          + "allow it, and a bucket policy grants access by itself only to a role of the bucket owner's account; "
          + "whether bucket " + bucket + " is in account " + account + " is not known (the snapshot does not record "
          + "bucket owners)");
    }
    return withBucket;
  }

  /**
   * The bucket policy's Allow statements as a resource policy (its Deny statements are the s3
   * rules'); an unknown source when the policy was not captured or cannot be read; empty when the
   * bucket has no policy.
   */
  private static Optional<PolicySource> bucketPolicy(RuleContext ctx, String bucket) {
    String name = "bucket policy of " + bucket;
    BucketFacts facts = ctx.network().buckets().get(bucket);
    if (facts == null || facts.policyState() == PolicyState.UNKNOWN) {
      Optional<CaptureError> err = ctx.network().errors().stream()
          .filter(e -> e.operation().equalsIgnoreCase("s3:GetBucketPolicy") && e.resource().equals(bucket))
          .findFirst();
      return Optional.of(PolicySource.unknown(name, err
          .map(e -> "s3:GetBucketPolicy failed during capture with " + e.code())
          .orElse("s3:GetBucketPolicy was not captured")));
    }
    if (facts.policyState() == PolicyState.NONE) {
      return Optional.empty();
    }
    ParsedPolicy parsed = PolicyDocuments.bucketPolicy(ctx, facts).orElseThrow();
    if (parsed.policy().isEmpty()) {
      return Optional.of(PolicySource.unknown(name, "it cannot be read"));
    }
    // a policy of Deny statements only grants nothing
    Policy allows = parsed.policy().get().allowStatements();
    return allows.statements().isEmpty() ? Optional.empty() : Optional.of(PolicySource.of(name, allows));
  }

  private static String region(RuleContext ctx, String bucket) {
    BucketFacts facts = ctx.network().buckets().get(bucket);
    return facts == null ? ctx.region() : facts.region().orElse(ctx.region());
  }

  /** "arn:aws:s3:::b/p/*", "arn:aws:s3:::b (s3:prefix p/)". */
  private static String shown(JobRequest q) {
    return q.listPrefix() == null ? q.resource().toString()
        : q.resource().value() + " (s3:prefix \"" + q.listPrefix() + "\")";
  }

  /** {@code InputDataConfig[0] "train"}, {@code OutputDataConfig.S3OutputPath}, … */
  static String label(RuleContext ctx, S3Access a) {
    Matcher m = INPUT.matcher(a.field());
    if (m.lookingAt()) {
      int i = Integer.parseInt(m.group(1));
      List<InputChannel> channels = ctx.job().inputChannels();
      return "input channel " + m.group() + (i < channels.size() ? " \"" + channels.get(i).name() + "\"" : "");
    }
    if (a.field().equals(TrainingJobSpec.CODE_PACKAGE_FIELD)) {
      return "the code package " + a.field();
    }
    return a.field();
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    JobRole r = JobRole.of(ctx);
    if (!r.isAsked()) {
      return one(pass(r.reason()));
    }
    if (ctx.job().s3Accesses().isEmpty()) {
      return one(pass("The job reads and writes no S3 location."));
    }
    if (r.role().isEmpty()) {
      return one(unverified("Whether role " + r.arn() + " may read the job's S3 data and write its outputs is not "
          + "known: " + r.reason() + ".", JobRole.captureAdvice(r), r.arn()));
    }
    IamRole role = r.role().get();
    Map<S3Access, List<Item>> byAccess = new LinkedHashMap<>();
    for (Item i : items(ctx)) {
      byAccess.computeIfAbsent(i.request().access(), k -> new ArrayList<>()).add(i);
    }
    List<Finding> out = new ArrayList<>();
    int undecidable = 0;
    for (Map.Entry<S3Access, List<Item>> e : byAccess.entrySet()) {
      List<Item> denied = new ArrayList<>();
      List<Item> uncaptured = new ArrayList<>();
      for (Item i : e.getValue()) {
        if (i.check().decision().isDenied()) {
          denied.add(i);
        } else if (i.check().isUncaptured()) {
          uncaptured.add(i);
        } else if (i.check().isUndecidable()) {
          undecidable++;
        }
      }
      if (!denied.isEmpty()) {
        out.add(failure(ctx, role, e.getKey(), denied, uncaptured));
      } else if (!uncaptured.isEmpty()) {
        out.add(unverified("Whether role " + role.roleName() + " may " + verb(uncaptured) + " "
            + label(ctx, e.getKey()) + " (" + e.getKey().location() + ") is not known: " + lines(uncaptured) + ".",
            "If it may not, " + consequence(e.getKey(), uncaptured) + " " + fix(role, uncaptured),
            resources(e.getKey(), role)));
      }
    }
    if (out.isEmpty()) {
      return one(pass("Role " + role.roleName() + " may read the job's S3 inputs and write its outputs, "
          + byAccess.size() + (byAccess.size() == 1 ? " location" : " locations") + (undecidable == 0 ? "."
          : "; " + undecidable + (undecidable == 1 ? " request" : " requests") + " decided by a condition whose value "
              + "cannot be known " + (undecidable == 1 ? "is" : "are") + " left to role.policy.undecidable.")
          + " Bucket and endpoint policies are judged by the s3 rules.", role.arn()));
    }
    return out;
  }

  private Finding failure(RuleContext ctx, IamRole role, S3Access a, List<Item> denied, List<Item> uncaptured) {
    String message = "Role " + role.roleName() + " may not " + verb(denied) + " " + label(ctx, a) + " ("
        + a.location() + "): " + lines(denied) + "."
        + (uncaptured.isEmpty() ? "" : " Also not known: " + lines(uncaptured) + ".")
        + " " + capitalized(consequence(a, denied));
    return fail(message, fix(role, denied), resources(a, role));
  }

  /** "s3:GetObject on arn:…/p/*: not allowed: no identity policy of the role allows it; …". */
  private static String lines(List<Item> items) {
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    for (Item i : items) {
      grouped.computeIfAbsent(i.check().decision().explanation(), k -> new ArrayList<>())
          .add(i.check().action() + " on " + i.check().resource());
    }
    List<String> out = new ArrayList<>();
    grouped.forEach((why, what) -> out.add(String.join(" and ", what) + ": " + why));
    return String.join("; ", out);
  }

  private static String verb(List<Item> items) {
    boolean reads = items.stream().anyMatch(i -> !isPut(i));
    boolean writes = items.stream().anyMatch(RoleS3Access::isPut);
    return reads && writes ? "read and write" : writes ? "write" : "read";
  }

  private static boolean isPut(Item i) {
    return i.check().action().equalsIgnoreCase("s3:PutObject");
  }

  /** What SageMaker does when these requests are refused (rules.md's failure text for the data download). */
  private static String consequence(S3Access a, List<Item> items) {
    String where = a.location().toString();
    if (a.field().equals(TrainingJobSpec.CODE_PACKAGE_FIELD)) {
      return "the training toolkit cannot download the code package when training starts (403 Forbidden), and "
          + "the job fails.";
    }
    boolean reads = items.stream().anyMatch(i -> !isPut(i));
    if (!reads) {
      return "SageMaker cannot upload to " + where + " (Access Denied), and the job fails when it writes there.";
    }
    boolean lists = items.stream().anyMatch(i -> i.check().action().equalsIgnoreCase("s3:ListBucket"));
    return "SageMaker fails the job while downloading its data: "
        + (lists ? "ClientError: Data download failed:Failed to download data. ListObjectsV2 failed for " + where
            + ": Access Denied …"
            : "ClientError: Data download failed: … Access Denied (the exact text for a refused GetObject is not "
                + "verified).");
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static String[] resources(S3Access a, IamRole role) {
    return new String[] {a.location().toString(), a.location().bucket(), role.arn()};
  }

  /**
   * The minimal inline policy: GetObject and PutObject on the objects under each prefix (or the one
   * code package object), ListBucket on each bucket limited by {@code s3:prefix} to the prefixes listed.
   */
  static String fix(IamRole role, List<Item> missing) {
    Map<String, Set<String>> objectActions = new LinkedHashMap<>();
    Map<String, Set<String>> listPrefixes = new LinkedHashMap<>();
    boolean explicit = false;
    for (Item i : missing) {
      explicit |= i.check().decision().type() == DecisionType.EXPLICIT_DENY;
      JobRequest q = i.request();
      if (q.listPrefix() != null) {
        listPrefixes.computeIfAbsent(q.resource().value(), k -> new LinkedHashSet<>()).add(q.listPrefix() + "*");
      } else {
        objectActions.computeIfAbsent(q.resource().toString(), k -> new LinkedHashSet<>()).add(q.action());
      }
    }
    List<Map<String, Object>> statements = new ArrayList<>();
    // objects that need the same actions share one statement
    Map<Set<String>, List<String>> byActions = new LinkedHashMap<>();
    objectActions.forEach((resource, actions) -> byActions.computeIfAbsent(actions, k -> new ArrayList<>()).add(resource));
    int n = 0;
    for (Map.Entry<Set<String>, List<String>> e : byActions.entrySet()) {
      String sid = e.getKey().contains("s3:PutObject")
          ? (e.getKey().size() > 1 ? "SageMakerS3ReadWrite" : "SageMakerS3Write") : "SageMakerS3Read";
      statements.add(RoleFix.allow(sid + (byActions.size() > 1 ? ++n : ""), List.copyOf(e.getKey()), e.getValue()));
    }
    int m = 0;
    for (Map.Entry<String, Set<String>> e : listPrefixes.entrySet()) {
      Map<String, Object> s = new LinkedHashMap<>(RoleFix.allow("SageMakerS3List" + (listPrefixes.size() > 1 ? ++m : ""),
          List.of("s3:ListBucket"), List.of(e.getKey())));
      List<String> prefixes = List.copyOf(e.getValue());
      s.put("Condition", Map.of("StringLike", Map.of("s3:prefix", prefixes.size() == 1 ? prefixes.get(0) : prefixes)));
      statements.add(s);
    }
    return RoleFix.attach(role, "vpctrain-sagemaker-s3", explicit, statements);
  }
}
