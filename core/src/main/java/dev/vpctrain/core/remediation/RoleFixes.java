package dev.vpctrain.core.remediation;

import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.InlinePolicy;
import dev.vpctrain.core.internal.rules.role.RoleRemedies;
import dev.vpctrain.core.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The execution role's step: ONE inline policy ({@value #POLICY_NAME}) holding exactly the missing
 * statements of every failing role rule, merged (equal statements once, Sids unique, rule order),
 * added to what an inline policy of that name already holds. A statement that an explicit Deny
 * would still block gets, in addition, an advice step naming the Deny: an Allow cannot override it.
 * Trust-policy findings stay advice (vpctrain never changes a trust policy).
 */
final class RoleFixes {
  /** Name of the inline policy the plan puts on the role. */
  static final String POLICY_NAME = "vpctrain-sagemaker-job";

  private RoleFixes() {}

  static void plan(PlanContext p) {
    List<RoleRemedies.Missing> missing = RoleRemedies.missing(p.rules, p.report);
    if (missing.isEmpty()) {
      return;
    }
    String roleName = missing.get(0).roleName();
    List<Map<String, Object>> statements = new ArrayList<>();
    Set<String> fixes = new LinkedHashSet<>();
    Severity severity = Severity.INFO;
    for (RoleRemedies.Missing m : missing) {
      if (!m.roleName().equals(roleName)) {
        continue; // a job has one role; a second name would be a bug of a rule, not something to attach to
      }
      statements.addAll(m.statements());
      fixes.add(m.ruleId());
      severity = stricter(severity, p.report.findings(m.ruleId()).stream()
          .filter(f -> f.outcome() == dev.vpctrain.core.report.Outcome.FAIL).map(f -> f.severity())
          .reduce(Severity.INFO, RoleFixes::stricter));
    }
    Optional<String> current = p.net.iam().flatMap(iam -> iam.role(roleName)).flatMap(RoleFixes::existing);
    String document = Policies.merge(current, statements, "inline policy " + POLICY_NAME + " of role " + roleName);
    String why = "Role " + roleName + " lacks permissions SageMaker uses as the role (" + String.join(", ", fixes)
        + "). The inline policy grants exactly the missing statements; vpctrain apply puts it only with --include-iam.";
    p.add(severity, List.copyOf(fixes), "Put inline policy " + POLICY_NAME + " on role " + roleName, why,
        new Change.PutRolePolicy(roleName, POLICY_NAME, current, document));
    for (RoleRemedies.Missing m : missing) {
      if (m.explicitDeny()) {
        p.add(Severity.ERROR, List.of(m.ruleId()), "Remove the Deny that blocks " + m.ruleId() + " ("
            + String.join(", ", m.resources()) + ")", m.message() + " An explicit Deny overrides every Allow: the inline policy above does not help "
            + "until that Deny statement is removed or narrowed, and vpctrain never weakens a Deny you wrote.",
            new Change.Advice("Remove or narrow the Deny statement named in the message, then run vpctrain check again."));
      }
    }
  }

  private static Optional<String> existing(IamRole role) {
    return role.inlinePolicies().orElse(List.of()).stream().filter(i -> i.policyName().equals(POLICY_NAME))
        .findFirst().flatMap(InlinePolicy::document);
  }

  private static Severity stricter(Severity a, Severity b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
