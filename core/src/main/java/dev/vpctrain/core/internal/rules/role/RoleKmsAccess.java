package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.KmsAlias;
import dev.vpctrain.core.iam.KmsKey;
import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.policy.AuthDecision;
import dev.vpctrain.core.internal.policy.Authorization;
import dev.vpctrain.core.internal.policy.DecisionType;
import dev.vpctrain.core.internal.policy.KeyPolicyAuthorization;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.PolicySource;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.policy.Target;
import dev.vpctrain.core.internal.rules.policy.PolicyDocuments;
import dev.vpctrain.core.job.S3Access;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code role.kms.access}: the role may use the job's KMS keys — {@code kms:CreateGrant} on
 * {@code ResourceConfig.VolumeKmsKeyId}, {@code kms:GenerateDataKey} (and, noted only,
 * {@code kms:Encrypt} and {@code kms:Decrypt} for multipart uploads) on {@code OutputDataConfig.KmsKeyId},
 * {@code kms:Decrypt} on the default-encryption key of an input bucket encrypted with {@code aws:kms}.
 * Decided by KMS's rules ({@link KeyPolicyAuthorization}): the key policy must name the role, or name
 * its account so that the role's IAM policies count. One finding per key.
 */
public final class RoleKmsAccess extends BaseRule {
  static final String GRANT = "kms:CreateGrant";
  static final String DATA_KEY = "kms:GenerateDataKey";
  static final String ENCRYPT = "kms:Encrypt";
  static final String DECRYPT = "kms:Decrypt";

  public RoleKmsAccess() {
    super("role.kms.access", Severity.ERROR, "The execution role may use the job's KMS keys");
  }

  /** One use of a key by the job: the field naming it, the key reference, the actions (required, then noted). */
  private record Use(String field, String reference, List<String> required, List<String> noted, boolean viaS3) {}

  /** A key use resolved and decided: the key ARN (or why it is unknown) and one check per action. */
  private record Decided(Use use, String keyArn, String unknown, List<RoleCheck> required, List<RoleCheck> noted,
      Set<String> keyPolicyRefuses) {}

  private enum Cached {
    DECIDED
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    JobRole r = JobRole.of(ctx);
    List<Use> uses = uses(ctx);
    if (uses.isEmpty()) {
      return one(pass("The job names no KMS key and reads no bucket encrypted with aws:kms: nothing to decide."));
    }
    if (!r.isAsked()) {
      return one(pass(r.reason()));
    }
    if (r.role().isEmpty()) {
      return one(unverified("Whether role " + r.arn() + " may use the job's KMS keys is not known: " + r.reason()
          + ".", JobRole.captureAdvice(r), r.arn()));
    }
    IamRole role = r.role().get();
    List<Finding> out = new ArrayList<>();
    List<String> passed = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    boolean undecidable = false;
    for (Decided d : decided(ctx)) {
      Use u = d.use();
      String keyName = d.keyArn() == null ? u.reference() : d.keyArn();
      if (d.unknown() != null) {
        out.add(unverified("Whether role " + role.roleName() + " may use KMS key " + u.reference() + " (" + u.field()
            + ") is not known: " + d.unknown() + ".", "Capture the key into the bundle's kms section: aws kms "
            + "describe-key --key-id " + u.reference() + ", aws kms get-key-policy --key-id " + u.reference()
            + " --policy-name default, and aws kms list-aliases for an alias.", u.reference(), role.arn()));
        continue;
      }
      List<RoleCheck> denied = d.required().stream().filter(c -> c.decision().isDenied()).toList();
      List<RoleCheck> uncaptured = d.required().stream().filter(RoleCheck::isUncaptured).toList();
      undecidable |= d.required().stream().anyMatch(RoleCheck::isUndecidable);
      for (RoleCheck c : d.noted()) {
        if (!c.decision().isAllowed()) {
          notes.add(c.action() + " on " + keyName + " (" + u.field() + ") is " + (c.decision().isDenied()
              ? "not allowed" : "not known to be allowed") + ": " + c.decision().explanation());
        }
      }
      if (!denied.isEmpty()) {
        out.add(fail("Role " + role.roleName() + " may not use KMS key " + keyName + " for " + u.field() + ": "
            + lines(denied) + ". " + consequence(u), fix(ctx, role, keyName, denied, d.keyPolicyRefuses()), keyName, role.arn()));
      } else if (!uncaptured.isEmpty()) {
        out.add(unverified("Whether role " + role.roleName() + " may use KMS key " + keyName + " for " + u.field()
            + " is not known: " + lines(uncaptured) + ".", null, keyName, role.arn()));
      } else {
        passed.add(keyName + " (" + u.field() + ")");
      }
    }
    if (out.isEmpty()) {
      return one(pass("Role " + role.roleName() + " may use the job's KMS keys: " + String.join(", ", passed)
          + (undecidable ? "; statements whose conditions cannot be decided are left to role.policy.undecidable" : "")
          + "." + (notes.isEmpty() ? "" : " Note: " + String.join("; ", notes) + "."), role.arn()));
    }
    return out;
  }

  /** Every request this rule decides for the job's role (required actions only), in the order of the uses. */
  static List<RoleCheck> checks(RuleContext ctx) {
    List<RoleCheck> all = new ArrayList<>();
    decided(ctx).forEach(d -> all.addAll(d.required()));
    return all;
  }

  private static List<Decided> decided(RuleContext ctx) {
    return ctx.cached(Cached.DECIDED, k -> decide(ctx));
  }

  /** A key reference resolved: the key (empty for the AWS managed key of an encryption that names none), or why not. */
  private record Resolved(Optional<KmsKey> key, String unknown) {}

  private static Resolved resolve(RuleContext ctx, String reference) {
    if (reference.isEmpty()) {
      return new Resolved(Optional.empty(), null);
    }
    String keyId = reference;
    String alias = aliasName(reference);
    if (alias != null) {
      Optional<List<KmsAlias>> aliases = ctx.network().kmsAliases();
      if (aliases.isEmpty()) {
        return new Resolved(Optional.empty(), "it is an alias, and kms.ListAliases is not in the bundle to map it to a key");
      }
      keyId = aliases.get().stream().filter(a -> a.aliasName().equals(alias)).findFirst()
          .flatMap(KmsAlias::targetKeyId).orElse(null);
      if (keyId == null) {
        return new Resolved(Optional.empty(), "alias " + alias + " is not among the bundle's aliases (or points to no key)");
      }
    }
    Optional<KmsKey> key = find(ctx, keyId);
    return key.isPresent() ? new Resolved(key, null)
        : new Resolved(key, "key " + keyId + " is not in the bundle's kms section, so its key policy is not known");
  }

  private static List<Decided> decide(RuleContext ctx) {
    JobRole r = JobRole.of(ctx);
    if (r.role().isEmpty()) {
      return List.of();
    }
    IamRole role = r.role().get();
    Authorization auth = r.authorization(ctx);
    List<Decided> out = new ArrayList<>();
    for (Use u : uses(ctx)) {
      Resolved resolved = resolve(ctx, u.reference());
      if (resolved.unknown() != null) {
        out.add(new Decided(u, null, resolved.unknown(), List.of(), List.of(), Set.of()));
        continue;
      }
      Optional<KmsKey> key = resolved.key();
      // the AWS managed key aws/s3 of a bucket whose encryption names no key: its policy lets the account's IAM decide
      String keyArn = key.map(KmsKey::arn).orElse("arn:" + ctx.partition() + ":kms:" + ctx.region() + ":"
          + role.accountId() + ":alias/aws/s3");
      String keyAccount = accountOf(keyArn).orElse(role.accountId());
      KeyPolicyAuthorization keyAuth = key.map(k -> KeyPolicyAuthorization.of(auth, k.policy()
              .map(p -> source(ctx, "the key policy of " + k.arn(), p))
              .orElseGet(() -> PolicySource.unknown("the key policy of " + k.arn(), "kms:GetKeyPolicy was not captured")),
          ctx.partition(), role.accountId(), keyAccount)).orElse(null);
      RequestContext.Builder c = RequestContext.builder().put("aws:RequestedRegion", ctx.region())
          .put("kms:CallerAccount", role.accountId());
      if (u.viaS3()) {
        c.put("kms:ViaService", "s3." + ctx.region() + ".amazonaws.com");
      } else {
        // which service principal and grant constraints SageMaker's volume grant carries is not documented
        c.unknown("kms:ViaService", "kms:GrantIsForAWSResource", "kms:GrantOperations");
      }
      RequestContext context = c.build();
      List<RoleCheck> required = new ArrayList<>();
      List<RoleCheck> noted = new ArrayList<>();
      Set<String> refuses = new LinkedHashSet<>();
      for (String action : u.required()) {
        RoleCheck made = check(role, auth, keyAuth, action, keyArn, u, context);
        required.add(made);
        if (keyAuth != null && keyAuth.keyPolicyAdmits(made.request()) == Tri.NO) {
          refuses.add(action);
        }
      }
      for (String action : u.noted()) {
        noted.add(check(role, auth, keyAuth, action, keyArn, u, context));
      }
      out.add(new Decided(u, keyArn, null, List.copyOf(required), List.copyOf(noted), Set.copyOf(refuses)));
    }
    return out;
  }

  /** The role's decision on {@code action} on the key: by KMS's rules when the key is known, else by its IAM policies alone. */
  private static RoleCheck check(IamRole role, Authorization auth, KeyPolicyAuthorization keyAuth, String action,
      String keyArn, Use u, RequestContext context) {
    PolicyRequest request = PolicyRequest.builder().roleSession(role.arn()).action(action).resource(Target.exact(keyArn))
        .context(context).build();
    AuthDecision d = keyAuth == null ? auth.decide(request) : keyAuth.decide(request);
    return new RoleCheck("role.kms.access", action, keyArn, "using KMS key " + keyArn + " for " + u.field(), request, d);
  }

  /** The job's key uses: the volume key, the output key, the default-encryption keys of the buckets it reads. */
  private static List<Use> uses(RuleContext ctx) {
    List<Use> uses = new ArrayList<>();
    ctx.job().volumeKmsKeyId().ifPresent(k -> uses.add(new Use("ResourceConfig.VolumeKmsKeyId", k, List.of(GRANT),
        List.of(), false)));
    ctx.job().outputKmsKeyId().ifPresent(k -> uses.add(new Use("OutputDataConfig.KmsKeyId", k, List.of(DATA_KEY),
        List.of(ENCRYPT, DECRYPT), true)));
    Set<String> read = new LinkedHashSet<>();
    for (S3Access a : ctx.job().s3Accesses()) {
      if (!a.writes()) {
        read.add(a.location().bucket());
      }
    }
    for (String bucket : read) {
      BucketFacts f = ctx.network().buckets().get(bucket);
      if (f != null && f.defaultEncryption().map(e -> e.toLowerCase(Locale.ROOT).startsWith("aws:kms")).orElse(false)) {
        uses.add(new Use("the default encryption of input bucket " + bucket, f.defaultEncryptionKeyId().orElse(""),
            List.of(DECRYPT), List.of(), true));
      }
    }
    return uses;
  }

  /** {@code alias/name} of an alias name or alias ARN; null for a key id or key ARN. */
  private static String aliasName(String reference) {
    int i = reference.indexOf("alias/");
    return i < 0 ? null : reference.substring(i);
  }

  private static Optional<KmsKey> find(RuleContext ctx, String keyIdOrArn) {
    KmsKey byArn = ctx.network().kmsKeys().get(keyIdOrArn);
    if (byArn != null) {
      return Optional.of(byArn);
    }
    return ctx.network().kmsKeys().values().stream().filter(k -> k.keyId().equals(keyIdOrArn)).findFirst();
  }

  private static Optional<String> accountOf(String arn) {
    String[] p = arn.split(":", -1);
    return p.length > 4 && !p[4].isEmpty() ? Optional.of(p[4]) : Optional.empty();
  }

  private static PolicySource source(RuleContext ctx, String name, String document) {
    var parsed = PolicyDocuments.parse(ctx, name, document);
    return parsed.policy().map(p -> PolicySource.of(name, p)).orElseGet(() -> PolicySource.unknown(name,
        "it cannot be read: " + parsed.error().map(Throwable::getMessage).orElse("invalid")));
  }

  private static String lines(List<RoleCheck> checks) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (RoleCheck c : checks) {
      byReason.computeIfAbsent(c.decision().explanation(), k -> new ArrayList<>()).add(c.action());
    }
    List<String> out = new ArrayList<>();
    byReason.forEach((why, actions) -> out.add(String.join(", ", actions) + ": " + why));
    return String.join("; ", out);
  }

  private static String consequence(Use u) {
    if (u.required().contains(GRANT)) {
      return "SageMaker cannot attach the encrypted storage volume to the training instances, and the job fails "
          + "while Starting (the failure text is not documented).";
    }
    if (u.required().contains(DATA_KEY)) {
      return "S3 refuses the SSE-KMS upload of the model artifacts, and the job fails while Uploading, after "
          + "training.";
    }
    return "S3 refuses to decrypt the bucket's objects, and the job fails while Downloading (ClientError: Data "
        + "download failed … Access Denied).";
  }

  private static String fix(RuleContext ctx, IamRole role, String keyArn, List<RoleCheck> denied, Set<String> refuses) {
    boolean explicit = denied.stream().anyMatch(c -> c.decision().type() == DecisionType.EXPLICIT_DENY);
    List<String> keyActions = denied.stream().map(RoleCheck::action).filter(refuses::contains).distinct().toList();
    boolean keySide = !explicit && !keyActions.isEmpty();
    List<String> actions = denied.stream().map(RoleCheck::action).distinct().toList();
    List<Map<String, Object>> statements = List.of(RoleFix.allow("SageMakerKmsKey", actions, List.of(keyArn)));
    String attach = RoleFix.attach(role, "vpctrain-sagemaker-kms", explicit, statements);
    if (!keySide) {
      return attach;
    }
    String keyStatement = "{\"Sid\": \"AllowAccountIam\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:"
        + ctx.partition() + ":iam::" + role.accountId() + ":root\"}, \"Action\": " + (keyActions.size() == 1
        ? "\"" + keyActions.get(0) + "\"" : "[\"" + String.join("\", \"", keyActions) + "\"]") + ", \"Resource\": \"*\"}";
    return "The key policy must let the role's account use the key for it (or name the role): add the statement "
        + keyStatement + " with aws kms "
        + "put-key-policy --key-id " + keyArn + " --policy-name default --policy file://key-policy.json (the command "
        + "replaces the whole policy: start from get-key-policy). Then, unless the key policy names the role itself: "
        + attach;
  }
}
