package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.OrganizationPolicy;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/**
 * {@code role.org-policies.unchecked}: once per report when the role was evaluated, a note that
 * service control policies, resource control policies and session policies are not visible from
 * one member account and were not evaluated (beyond the Deny statements of SCP/RCP documents the
 * user supplied).
 */
public final class RoleOrgPoliciesUnchecked extends BaseRule {
  public RoleOrgPoliciesUnchecked() {
    super("role.org-policies.unchecked", Severity.INFO, "Organisation policies were not evaluated");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    JobRole r = JobRole.of(ctx);
    if (!r.isAsked()) {
      return one(pass(r.reason()));
    }
    List<OrganizationPolicy> supplied = ctx.network().organizationPolicies().orElse(List.of());
    String given = supplied.isEmpty()
        ? "No SCP or RCP documents were supplied."
        : "The Deny statements of the " + supplied.size() + " supplied SCP/RCP document(s) were evaluated; whether "
            + "the organisation's other policies and the Allow side of its SCPs permit the role's requests was not.";
    return one(finding(Outcome.UNVERIFIED, Severity.INFO, "Service control policies, resource control policies "
            + "and session policies are not visible from one member account and were not evaluated for "
            + r.arn() + ". " + given,
        "To have their Deny statements checked, add the policies' aws organizations describe-policy outputs "
            + "(from the management or a delegated-administrator account) as \"organizations\": "
            + "{\"DescribePolicy\": [...]} in the bundle.",
        r.arn()));
  }
}
