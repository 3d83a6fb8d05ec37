package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.remediation.Change;
import dev.vpctrain.core.remediation.PolicyUpdate;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;

/**
 * The role's inline policy: read the live one of that name ({@code NoSuchEntity}: none), merge,
 * put. IAM has no dry run. The document that was there before is recorded so that the run can put
 * it back (or delete the policy) when a later step fails.
 */
final class IamSteps {
  private IamSteps() {}

  static StepOutcome putRolePolicy(ApplyContext ctx, Change.PutRolePolicy c) {
    if (ctx.iam == null) {
      throw new StepFailure("iam:PutRolePolicy", "NoIamClient",
          "the applier was built without an IAM client (PlanApplier.builder().iam(...))");
    }
    Optional<String> live = livePolicy(ctx, c);
    String source = "inline policy " + c.policyName() + " of role " + c.roleName();
    PolicyUpdate u = PolicyUpdate.decide(live, c.currentPolicy(), c.policyDocument(), source);
    Optional<StepOutcome> settled = PolicyGate.settled(u);
    if (settled.isPresent()) {
      return settled.get();
    }
    if (ctx.dryRun) {
      return StepOutcome.wouldRun("would put " + source + " (IAM has no dry run); " + u.reason());
    }
    AwsCalls.call("iam:PutRolePolicy", () -> ctx.iam.putRolePolicy(b -> b.roleName(c.roleName())
        .policyName(c.policyName()).policyDocument(u.document().orElseThrow())));
    ctx.rolePolicyPut(c, live);
    return StepOutcome.done(source + " put; " + u.reason() + "; undo: " + undoCommand(c, live));
  }

  /** Puts back the document that was there before, or deletes the policy when there was none. */
  static void undo(ApplyContext ctx, Change.PutRolePolicy c, Optional<String> before) {
    if (before.isPresent()) {
      AwsCalls.call("iam:PutRolePolicy", () -> ctx.iam.putRolePolicy(b -> b.roleName(c.roleName())
          .policyName(c.policyName()).policyDocument(before.get())));
    } else {
      AwsCalls.call("iam:DeleteRolePolicy", () -> ctx.iam.deleteRolePolicy(b -> b.roleName(c.roleName())
          .policyName(c.policyName())));
    }
  }

  /** The AWS CLI command that reverts the put. */
  static String undoCommand(Change.PutRolePolicy c, Optional<String> before) {
    return before.isPresent()
        ? "aws iam put-role-policy --role-name " + c.roleName() + " --policy-name " + c.policyName()
            + " --policy-document '" + before.get().replace("'", "'\\''") + "'"
        : "aws iam delete-role-policy --role-name " + c.roleName() + " --policy-name " + c.policyName();
  }

  private static Optional<String> livePolicy(ApplyContext ctx, Change.PutRolePolicy c) {
    AwsCalls.Answer<GetRolePolicyResponse> a = AwsCalls.write("iam:GetRolePolicy", Set.of("NoSuchEntity"),
        () -> ctx.iam.getRolePolicy(b -> b.roleName(c.roleName()).policyName(c.policyName())));
    // IAM returns the document URL-encoded (RFC 3986)
    return a.response().map(GetRolePolicyResponse::policyDocument).filter(p -> !p.isBlank())
        .map(p -> p.trim().startsWith("{") ? p : URLDecoder.decode(p, StandardCharsets.UTF_8));
  }
}
