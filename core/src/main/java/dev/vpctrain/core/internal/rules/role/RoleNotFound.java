package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/** {@code role.not-found}: the job's RoleArn names a role that exists in the job's account. */
public final class RoleNotFound extends BaseRule {
  public RoleNotFound() {
    super("role.not-found", Severity.ERROR, "The execution role exists");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    JobRole r = JobRole.of(ctx);
    switch (r.state()) {
      case NOT_ASKED:
        return one(pass(r.reason()));
      case FOUND:
        return one(pass("Role " + r.arn() + " exists in the snapshot's iam section.", r.arn()));
      case NOT_FOUND:
        return one(fail("RoleArn " + r.arn() + " names no existing role: " + r.reason() + ". SageMaker rejects "
                + "CreateTrainingJob with \"ValidationException … Could not assume role " + r.arn() + ". Please ensure "
                + "that the role exists and allows principal 'sagemaker.amazonaws.com' to assume the role.\"",
            "Set RoleArn to an existing role of the account, or create it with a trust policy for SageMaker: "
                + TrustFix.createRoleCommand(ctx, r.arn()),
            r.arn()));
      default:
        return one(unverified("Whether role " + r.arn() + " exists is not known: " + r.reason() + ".",
            "Capture the role: aws iam get-role --role-name <name> (or aws iam get-account-authorization-details "
                + "--filter Role LocalManagedPolicy AWSManagedPolicy) into the bundle's iam section.",
            r.arn()));
    }
  }
}
