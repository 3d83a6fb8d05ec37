package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.InlinePolicy;
import dev.vpctrain.core.iam.ManagedPolicy;
import dev.vpctrain.core.iam.OrganizationPolicy;
import dev.vpctrain.core.internal.policy.Authorization;
import dev.vpctrain.core.internal.policy.Caller;
import dev.vpctrain.core.internal.policy.ParsedPolicy;
import dev.vpctrain.core.internal.policy.PolicySource;
import dev.vpctrain.core.internal.rules.policy.PolicyDocuments;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;

/**
 * The job's execution role as the snapshot's {@code iam} section shows it, resolved once per
 * preflight: found, known not to exist, unknown (and why), or not asked for (no {@code iam} section).
 */
final class JobRole {
  /** What the snapshot says of the job's role. */
  enum State {
    /** The snapshot has no {@code iam} section: the role was not part of the question. */
    NOT_ASKED,
    /** The role is in the section: {@link #role()}. */
    FOUND,
    /** A complete listing of the role's account does not have it, or GetRole said NoSuchEntity. */
    NOT_FOUND,
    /** The role cannot be judged: {@link #reason()}. */
    UNKNOWN
  }

  /** The message of a role rule when the snapshot has no {@code iam} section. */
  static final String NOT_ASKED_MESSAGE = "Not evaluated: the snapshot has no iam section, so the execution role "
      + "was not checked (add the role's get-role and policy outputs, docs/formats.md section 2a, to have it judged).";

  private final State state;
  private final String roleArn;
  private final IamRole role;
  private final String reason;

  private JobRole(State state, String roleArn, IamRole role, String reason) {
    this.state = state;
    this.roleArn = roleArn;
    this.role = role;
    this.reason = reason;
  }

  static JobRole of(RuleContext ctx) {
    return ctx.cached(JobRole.class, k -> resolve(ctx));
  }

  private static JobRole resolve(RuleContext ctx) {
    Optional<IamEvidence> iam = ctx.network().iam();
    String arn = ctx.job().roleArn().orElse(null);
    if (iam.isEmpty()) {
      return new JobRole(State.NOT_ASKED, arn, null, NOT_ASKED_MESSAGE);
    }
    if (arn == null) {
      return new JobRole(State.UNKNOWN, null, null, "the request names no RoleArn");
    }
    if (!Caller.isRoleArn(arn)) {
      return new JobRole(State.UNKNOWN, arn, null, "RoleArn " + arn
          + " is not a role ARN such as arn:aws:iam::123456789012:role/Name");
    }
    Caller caller = Caller.assumedRole(arn);
    String account = caller.account().orElseThrow();
    String name = caller.roleName().orElseThrow();
    IamEvidence e = iam.get();
    Optional<String> listed = e.accountId().or(() -> ctx.network().accountId());
    if (listed.isPresent() && !listed.get().equals(account)) {
      return new JobRole(State.UNKNOWN, arn, null, "role " + arn + " is in account " + account
          + ", not in account " + listed.get() + " whose IAM the snapshot holds (a role in another account is "
          + "not judged)");
    }
    Optional<IamRole> found = e.role(name);
    if (found.isPresent()) {
      if (!found.get().arn().equals(arn)) {
        return new JobRole(State.UNKNOWN, arn, null, "the snapshot holds role " + found.get().arn()
            + ", whose ARN differs from RoleArn " + arn + " (another path or case); whether SageMaker resolves "
            + "it is not verified");
      }
      return new JobRole(State.FOUND, arn, found.get(), "");
    }
    if (e.isKnownAbsent(name) && listed.isPresent()) {
      return new JobRole(State.NOT_FOUND, arn, null, "role " + name + " does not exist in account " + account);
    }
    return new JobRole(State.UNKNOWN, arn, null, "role " + name + " is not in the snapshot's iam section"
        + failure(ctx, "iam:GetRole", name).map(f -> ": " + f)
            .orElse(e.isComplete() ? " and the section does not say which account it lists" : " (a partial capture)"));
  }

  /**
   * What the capture recorded about {@code operation} on {@code resource} (or on every resource), e.g.
   * {@code iam:GetRole failed (AccessDenied): … vpctrain needs the IAM permission iam:GetRole …}.
   */
  private static Optional<String> failure(RuleContext ctx, String operation, String resource) {
    return ctx.network().errors().stream()
        .filter(x -> x.operation().equalsIgnoreCase(operation))
        .filter(x -> x.resource().isEmpty() || x.resource().equalsIgnoreCase(resource))
        .findFirst()
        .map(x -> operation + " failed (" + x.code() + "): " + x.message());
  }

  /** "{@code fallback}", or the failure the capture recorded for {@code operation} on {@code resource}. */
  private static String notCaptured(RuleContext ctx, String operation, String resource, String fallback) {
    return failure(ctx, operation, resource).orElse(fallback);
  }

  /** The remediation of a role rule that cannot judge the role: create it, or capture it. */
  static String captureAdvice(JobRole r) {
    return r.state == State.NOT_FOUND
        ? "Create the role or correct RoleArn (see role.not-found); then capture it again."
        : "Capture the role and its policies into the bundle's iam section: aws iam get-role --role-name <name>, "
            + "list-attached-role-policies, list-role-policies, get-role-policy, get-policy and get-policy-version "
            + "(or aws iam get-account-authorization-details --filter Role LocalManagedPolicy AWSManagedPolicy).";
  }

  State state() {
    return state;
  }

  boolean isAsked() {
    return state != State.NOT_ASKED;
  }

  /** The role, when {@link State#FOUND}. */
  Optional<IamRole> role() {
    return Optional.ofNullable(role);
  }

  /** The RoleArn of the request, or "the job's role" when it has none. */
  String arn() {
    return roleArn == null ? "the job's role (no RoleArn)" : roleArn;
  }

  /** Why the role cannot be judged (UNKNOWN, NOT_FOUND, NOT_ASKED). */
  String reason() {
    return reason;
  }

  /** The role's policies as an {@link Authorization} (identity, boundary, organisation policies); FOUND only. */
  Authorization authorization(RuleContext ctx) {
    return ctx.cached(Authorization.class, k -> build(ctx));
  }

  private Authorization build(RuleContext ctx) {
    IamRole r = role().orElseThrow();
    IamEvidence e = ctx.network().iam().orElseThrow();
    Authorization.Builder b = Authorization.builder();
    String of = " of role " + r.roleName();
    if (r.inlinePolicies().isEmpty()) {
      b.identity(PolicySource.unknown("the inline policies" + of, notCaptured(ctx, "iam:ListRolePolicies",
          r.roleName(), "iam:ListRolePolicies was not captured")));
    } else {
      for (InlinePolicy p : r.inlinePolicies().get()) {
        String name = "inline policy \"" + p.policyName() + "\"" + of;
        b.identity(p.document().map(d -> source(ctx, name, d))
            .orElseGet(() -> PolicySource.unknown(name, notCaptured(ctx, "iam:GetRolePolicy", r.roleName(),
                "iam:GetRolePolicy was not captured"))));
      }
    }
    if (r.attachedPolicyArns().isEmpty()) {
      b.identity(PolicySource.unknown("the attached managed policies" + of, notCaptured(ctx,
          "iam:ListAttachedRolePolicies", r.roleName(), "iam:ListAttachedRolePolicies was not captured")));
    } else {
      r.attachedPolicyArns().get().forEach(a -> b.identity(managed(ctx, e, "managed policy " + a, a)));
    }
    r.permissionsBoundaryArn().ifPresent(a -> b.boundary(managed(ctx, e, "permissions boundary " + a, a)));
    List<OrganizationPolicy> org = ctx.network().organizationPolicies().orElse(List.of());
    for (OrganizationPolicy p : org) {
      String name = (p.type().toUpperCase(java.util.Locale.ROOT).startsWith("RESOURCE") ? "RCP " : "SCP ")
          + p.policyId().or(p::name).orElse("(no id)");
      b.organization(source(ctx, name, p.content()));
    }
    return b.build();
  }

  private static PolicySource managed(RuleContext ctx, IamEvidence e, String name, String arn) {
    Optional<ManagedPolicy> p = e.policy(arn);
    if (p.isEmpty()) {
      return PolicySource.unknown(name, notCaptured(ctx, "iam:GetPolicy", arn,
          arn + " is not among the snapshot's policies"));
    }
    return p.get().document().map(d -> source(ctx, name, d))
        .orElseGet(() -> PolicySource.unknown(name, failure(ctx, "iam:GetPolicyVersion", arn)
            .or(() -> failure(ctx, "iam:GetPolicy", arn)).orElse("its default version was not captured")));
  }

  private static PolicySource source(RuleContext ctx, String name, String document) {
    ParsedPolicy parsed = PolicyDocuments.parse(ctx, name, document);
    return parsed.policy().map(p -> PolicySource.of(name, p)).orElseGet(() -> PolicySource.unknown(name,
        "it cannot be read: " + parsed.error().map(Throwable::getMessage).orElse("invalid")));
  }
}
