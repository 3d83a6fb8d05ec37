package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.internal.policy.Authorization;
import dev.vpctrain.core.internal.policy.DecisionType;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.policy.Target;
import dev.vpctrain.core.internal.rules.request.RegistryHost;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code role.ecr.pull}: the role may pull the job's ECR image — {@code ecr:GetAuthorizationToken}
 * on {@code "*"}, and {@code ecr:BatchGetImage}, {@code ecr:GetDownloadUrlForLayer},
 * {@code ecr:BatchCheckLayerAvailability} on the image's repository. The role's side (identity
 * policies, boundary, organisation Denies) is evaluated; the repository's side depends on the registry:
 * the job's own account (the identity side decides an Allow; an implicit deny on the repository may
 * still be granted by the repository policy, which the snapshot does not hold), an AWS-owned Deep
 * Learning Containers registry ({@link AwsImageRegistries}: its policy allows pulls), or another
 * account (its repository policy is unknown: UNVERIFIED unless the role's side already denies).
 */
public final class RoleEcrPull extends BaseRule {
  static final String TOKEN = "ecr:GetAuthorizationToken";
  static final List<String> ON_REPOSITORY = List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
      "ecr:BatchCheckLayerAvailability");
  static final String KNOWN_FAILURE = "The role '…' does not have BatchGetImage permission for the image: '…' "
      + "(the text SageMaker hosting gives; the training text is not verified)";

  public RoleEcrPull() {
    super("role.ecr.pull", Severity.ERROR, "The execution role may pull the job's ECR image");
  }

  /** Whose registry the image is in. */
  enum Owner {
    /** The role's own account. */
    SAME_ACCOUNT,
    /** An AWS-owned Deep Learning Containers registry. */
    AWS,
    /** Another account, whose repository policy is not in the snapshot. */
    OTHER
  }

  /** The job's ECR image: registry account and region, repository, its ARN and who owns it. */
  record EcrImage(String image, String account, String region, String repository, String arn, Owner owner,
      Optional<AwsImageRegistries.Registry> aws) {}

  /** The image and the decided requests (none when the job has no ECR image or the role is not in the snapshot). */
  private record Pull(Optional<EcrImage> image, List<RoleCheck> checks) {}

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    Optional<String> image = ctx.job().trainingImage().filter(s -> !s.isBlank());
    if (image.isEmpty()) {
      return one(pass("The job names no training image (an algorithm resource provides it): no ECR check."));
    }
    JobRole r = JobRole.of(ctx);
    Optional<EcrImage> ecr = ecrImage(ctx, image.get(), r.role().map(IamRole::accountId).orElse(""));
    if (ecr.isEmpty()) {
      return one(pass("Image " + image.get() + " is not in Amazon ECR: no ECR check."));
    }
    if (!r.isAsked()) {
      return one(pass(r.reason()));
    }
    EcrImage img = ecr.get();
    if (r.role().isEmpty()) {
      return one(unverified("Whether role " + r.arn() + " may pull image " + img.image() + " is not known: "
          + r.reason() + ".", JobRole.captureAdvice(r), img.arn(), r.arn()));
    }
    IamRole role = r.role().get();
    List<RoleCheck> checks = checks(ctx);
    // "action, action on resource: why" per (resource, explanation, note), failing and not known apart
    Map<String, List<String>> failing = new LinkedHashMap<>();
    Map<String, List<String>> unknown = new LinkedHashMap<>();
    List<RoleCheck> toGrant = new ArrayList<>();
    boolean explicit = false;
    for (RoleCheck c : checks) {
      if (c.decision().isAllowed() || c.isUndecidable()) {
        continue;
      }
      String why = c.resource() + ": " + c.decision().explanation();
      if (c.isUncaptured()) {
        unknown.computeIfAbsent(why, k -> new ArrayList<>()).add(c.action());
        continue;
      }
      toGrant.add(c);
      explicit |= c.decision().type() == DecisionType.EXPLICIT_DENY;
      boolean onRepository = !c.action().equals(TOKEN);
      if (img.owner() == Owner.AWS) {
        unknown.computeIfAbsent(why + "; the SageMaker guide says SageMaker pulls its pre-built images with "
            + "service-owned credentials, so a missing or denied ECR permission does not block them, but hosting has "
            + "been seen failing with \"" + KNOWN_FAILURE + "\"", k -> new ArrayList<>()).add(c.action());
      } else if (img.owner() == Owner.SAME_ACCOUNT && onRepository
          && c.decision().type() == DecisionType.IMPLICIT_DENY) {
        unknown.computeIfAbsent(why + " (unless the repository policy of " + img.repository() + ", which the "
            + "snapshot does not hold, allows the role: for a repository of the role's account either side "
            + "suffices)", k -> new ArrayList<>()).add(c.action());
      } else {
        failing.computeIfAbsent(why, k -> new ArrayList<>()).add(c.action());
      }
    }
    String[] res = {img.arn(), img.repository(), role.arn()};
    if (!failing.isEmpty()) {
      List<String> lines = lines(failing);
      lines.addAll(lines(unknown));
      return one(fail("Role " + role.roleName() + " may not pull image " + img.image() + ": " + String.join("; ", lines)
          + ". The job fails when SageMaker pulls the image; hosting reports \"" + KNOWN_FAILURE + "\"."
          + where(img), fix(role, img, toGrant, explicit), res));
    }
    if (!unknown.isEmpty()) {
      return one(unverified("Whether role " + role.roleName() + " may pull image " + img.image() + " is not known: "
          + String.join("; ", lines(unknown)) + "." + where(img), toGrant.isEmpty() ? JobRole.captureAdvice(r)
          : "If the pull is refused, " + lower(fix(role, img, toGrant, explicit)), res));
    }
    boolean undecidable = checks.stream().anyMatch(RoleCheck::isUndecidable);
    String except = undecidable ? ", except where a condition cannot be decided from the snapshot (see "
        + "role.policy.undecidable)" : "";
    if (img.owner() == Owner.OTHER) {
      return one(unverified("Role " + role.roleName() + " may pull from repository " + img.arn() + except
          + ", but the repository is in account " + img.account() + ", whose repository policy is not in the snapshot: "
          + "a pull across accounts needs both the role's policies and the repository policy to allow it.",
          "Check that the repository policy allows the role: aws ecr get-repository-policy --registry-id "
              + img.account() + " --repository-name " + img.repository() + " --region " + img.region()
              + " (run in account " + img.account() + "); it must allow " + String.join(", ", ON_REPOSITORY)
              + " to " + role.arn() + " or its account. Then accept it (--accept-unverified role.ecr.pull="
              + img.arn() + ").", res));
    }
    return one(pass("Role " + role.roleName() + " may pull image " + img.image() + ": "
        + (img.owner() == Owner.AWS ? "AWS-owned registry " + img.account() + ", listed in "
            + img.aws().map(AwsImageRegistries.Registry::source).orElse("AWS's documentation") + ", whose repository policy allows pulls"
            : "a repository of the role's account") + except + ".", res));
  }

  private static List<String> lines(Map<String, List<String>> byReason) {
    List<String> out = new ArrayList<>();
    byReason.forEach((why, actions) -> out.add(String.join(", ", actions) + " on " + why));
    return out;
  }

  private static String where(EcrImage img) {
    return img.owner() == Owner.OTHER ? " The repository is in account " + img.account()
        + ", so its repository policy must allow the role as well." : "";
  }

  private static String lower(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * Every request this rule decides for the job's role (empty when the image is not in ECR or the
   * role is not in the snapshot): {@code ecr:GetAuthorizationToken} on {@code "*"}, then the three
   * repository actions on the repository's ARN. The decisions are the role's side only (identity
   * policies, boundary, organisation Denies): the repository policy is never in the snapshot.
   */
  static List<RoleCheck> checks(RuleContext ctx) {
    return pull(ctx).checks();
  }

  private static Pull pull(RuleContext ctx) {
    return ctx.cached(Pull.class, k -> analyse(ctx));
  }

  private static Pull analyse(RuleContext ctx) {
    JobRole r = JobRole.of(ctx);
    Optional<String> image = ctx.job().trainingImage().filter(s -> !s.isBlank());
    if (image.isEmpty() || r.role().isEmpty()) {
      return new Pull(Optional.empty(), List.of());
    }
    IamRole role = r.role().get();
    Optional<EcrImage> ecr = ecrImage(ctx, image.get(), role.accountId());
    if (ecr.isEmpty()) {
      return new Pull(Optional.empty(), List.of());
    }
    EcrImage img = ecr.get();
    Authorization auth = r.authorization(ctx);
    RequestContext c = RequestContext.builder().put("aws:RequestedRegion", img.region()).build();
    List<RoleCheck> checks = new ArrayList<>();
    String purpose = "pulling image " + img.image();
    checks.add(check(role, auth, TOKEN, "*", c, purpose));
    for (String action : ON_REPOSITORY) {
      checks.add(check(role, auth, action, img.arn(), c, purpose));
    }
    return new Pull(ecr, List.copyOf(checks));
  }

  private static RoleCheck check(IamRole role, Authorization auth, String action, String resource,
      RequestContext c, String purpose) {
    PolicyRequest request = PolicyRequest.builder().roleSession(role.arn()).action(action)
        .resource(Target.exact(resource)).context(c).build();
    return new RoleCheck("role.ecr.pull", action, resource, purpose, request, auth.decide(request));
  }

  /** The job's image as an ECR image, or empty when it is not one (the registry host decides, as for request.image.*). */
  static Optional<EcrImage> ecrImage(RuleContext ctx, String image, String roleAccount) {
    RegistryHost host = RegistryHost.of(image);
    Optional<String> repository = RegistryHost.repository(image);
    if (!host.isEcr() || repository.isEmpty()) {
      return Optional.empty();
    }
    String account = host.ecrAccount().orElseThrow();
    String region = host.ecrRegion().orElseThrow();
    String arn = "arn:" + partition(region) + ":ecr:" + region + ":" + account + ":repository/" + repository.get();
    Optional<AwsImageRegistries.Registry> aws = AwsImageRegistries.find(account, region);
    Owner owner = account.equals(roleAccount) ? Owner.SAME_ACCOUNT : aws.isPresent() ? Owner.AWS : Owner.OTHER;
    return Optional.of(new EcrImage(image.trim(), account, region, repository.get(), arn, owner, aws));
  }

  private static String partition(String region) {
    return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }

  /** The minimal inline policy granting the missing actions, and the command that attaches it. */
  private static String fix(IamRole role, EcrImage img, List<RoleCheck> missing, boolean explicit) {
    Set<String> onRepository = new LinkedHashSet<>();
    boolean token = false;
    for (RoleCheck c : missing) {
      if (c.action().equals(TOKEN)) {
        token = true;
      } else {
        onRepository.add(c.action());
      }
    }
    List<Map<String, Object>> statements = new ArrayList<>();
    if (token) {
      statements.add(RoleFix.allow("SageMakerEcrToken", List.of(TOKEN), List.of("*")));
    }
    if (!onRepository.isEmpty()) {
      statements.add(RoleFix.allow("SageMakerEcrPull", List.copyOf(onRepository), List.of(img.arn())));
    }
    return RoleFix.attach(role, "vpctrain-sagemaker-ecr", explicit, statements);
  }
}
