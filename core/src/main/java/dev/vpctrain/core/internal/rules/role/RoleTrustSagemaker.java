package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.internal.policy.Caller;
import dev.vpctrain.core.internal.policy.Decision;
import dev.vpctrain.core.internal.policy.DecisionType;
import dev.vpctrain.core.internal.policy.ParsedPolicy;
import dev.vpctrain.core.internal.policy.Policy;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.rules.policy.PolicyDocuments;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Locale;

/**
 * {@code role.trust.sagemaker}: the role's trust policy lets {@code sagemaker.amazonaws.com} call
 * {@code sts:AssumeRole}, evaluated with {@code aws:SourceAccount} = the job's account and
 * {@code aws:SourceArn} = its training-job ARN; every other condition key is unknown. SageMaker has
 * lower-cased job names in ARNs: when the name has capitals, both spellings are evaluated and a
 * difference is UNVERIFIED.
 */
public final class RoleTrustSagemaker extends BaseRule {
  public RoleTrustSagemaker() {
    super("role.trust.sagemaker", Severity.ERROR, "SageMaker may assume the execution role");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    JobRole r = JobRole.of(ctx);
    if (!r.isAsked()) {
      return one(pass(r.reason()));
    }
    if (r.role().isEmpty()) {
      return one(unverified("Whether SageMaker may assume " + r.arn() + " is not known: " + r.reason() + ".",
          JobRole.captureAdvice(r), r.arn()));
    }
    IamRole role = r.role().get();
    if (role.trustPolicy().isEmpty()) {
      return one(unverified("The trust policy of role " + role.roleName() + " was not captured.",
          "Capture it: aws iam get-role --role-name " + role.roleName() + ".", role.arn()));
    }
    ParsedPolicy parsed = PolicyDocuments.parse(ctx, "trust policy of role " + role.roleName(), role.trustPolicy().get());
    if (parsed.policy().isEmpty()) {
      return one(unverified("The trust policy of role " + role.roleName() + " cannot be read: "
          + parsed.error().map(Throwable::getMessage).orElse("invalid") + ".", null, role.arn()));
    }
    Policy trust = parsed.policy().get();
    String account = TrustFix.account(ctx, role.arn());
    String name = ctx.job().name();
    String lower = name.toLowerCase(Locale.ROOT);
    Decision d = trust.evaluate(request(ctx, role, account, name));
    if (!lower.equals(name)) {
      Decision dl = trust.evaluate(request(ctx, role, account, lower));
      if (dl.isAllowed() != d.isAllowed() && !(d.isUnknown() || dl.isUnknown())) {
        return one(unverified("The trust policy of role " + role.roleName() + " decides differently for the "
                + "training-job ARN with the name as written (" + d.explanation() + ") and lower-cased ("
                + dl.explanation() + "); SageMaker has lower-cased job names in ARNs and which spelling "
                + "aws:SourceArn carries is not verified.",
            "Match the job name case-insensitively in aws:SourceArn (for example ArnLike with "
                + "training-job/*) or condition on aws:SourceAccount only.", role.arn()));
      }
      if (dl.isUnknown() && !d.isUnknown()) {
        d = dl;
      }
    }
    if (d.type() == DecisionType.ALLOW) {
      return one(pass("The trust policy of role " + role.roleName() + " lets sagemaker.amazonaws.com assume it ("
          + d.explanation() + ").", role.arn()));
    }
    // the fix re-reads the whole trust policy: built only for a finding that shows it
    String fix = "Let SageMaker assume the role with this trust statement (the command keeps the policy's "
        + "other statements): " + TrustFix.updateCommand(role.roleName(),
            TrustFix.withStatement(role.trustPolicy(), account));
    switch (d.type()) {
      case UNKNOWN:
        return one(unverified("Whether the trust policy of role " + role.roleName() + " lets "
                + "sagemaker.amazonaws.com assume it is not known: " + d.explanation() + ".",
            "If SageMaker cannot assume the role, CreateTrainingJob fails at once. " + fix, role.arn()));
      default:
        String why = d.type() == DecisionType.EXPLICIT_DENY ? d.explanation()
            : "no statement allows sts:AssumeRole to sagemaker.amazonaws.com for training job " + name
                + " in account " + account;
        return one(fail("The trust policy of role " + role.roleName() + " does not let sagemaker.amazonaws.com "
                + "assume it: " + why + ". CreateTrainingJob fails with \"ValidationException … Could not assume "
                + "role " + role.arn() + ". Please ensure that the role exists and allows principal "
                + "'sagemaker.amazonaws.com' to assume the role.\"",
            (d.type() == DecisionType.EXPLICIT_DENY ? "Remove or narrow " + d.statement().orElseThrow().label()
                + " of the trust policy, then: " : "") + fix,
            role.arn()));
    }
  }

  private static PolicyRequest request(RuleContext ctx, IamRole role, String account, String jobName) {
    RequestContext c = RequestContext.builder()
        .put("aws:SourceAccount", account)
        .put("aws:SourceArn", "arn:" + ctx.partition() + ":sagemaker:" + ctx.region() + ":" + account
            + ":training-job/" + jobName)
        .build();
    return PolicyRequest.builder().caller(Caller.service(TrustFix.SAGEMAKER)).action("sts:AssumeRole")
        .resource(role.arn()).context(c).build();
  }
}
