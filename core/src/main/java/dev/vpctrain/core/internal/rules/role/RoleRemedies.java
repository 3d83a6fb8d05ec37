package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleCatalogue;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The structured remediations of the failing role rules, for the planner: for each FAIL finding of a
 * {@code role.*} rule whose fix is an inline policy built with {@link RoleFix}, the role, the exact
 * missing statements, and whether an explicit deny would still block them. The rules are evaluated
 * again on {@code ctx} and their {@link RoleFix} output is captured, so nothing is parsed from text.
 */
public final class RoleRemedies {
  private RoleRemedies() {}

  /** One failing finding's missing statements. */
  public record Missing(String ruleId, String roleName, String roleArn, boolean explicitDeny,
      List<Map<String, Object>> statements, String message, List<String> resources) {
    public Missing {
      statements = List.copyOf(statements);
      resources = List.copyOf(resources);
    }
  }

  /** The missing statements of every role rule that FAILs in {@code report}, in catalogue order. */
  public static List<Missing> missing(RuleContext ctx, PreflightReport report) {
    List<Missing> out = new ArrayList<>();
    for (Rule rule : RuleCatalogue.standard()) {
      if (!rule.id().startsWith("role.")
          || report.findings(rule.id()).stream().noneMatch(f -> f.outcome() == Outcome.FAIL)) {
        continue;
      }
      List<Finding> findings = new ArrayList<>();
      List<RoleFix.Attached> built = RoleFix.capture(() -> findings.addAll(rule.evaluate(ctx)));
      for (Finding f : findings) {
        if (f.outcome() != Outcome.FAIL || f.remediation().isEmpty()) {
          continue;
        }
        for (RoleFix.Attached a : built) {
          if (f.remediation().get().contains(a.text())) {
            out.add(new Missing(rule.id(), a.role().roleName(), a.role().arn(), a.explicitDeny(), a.statements(),
                f.message(), f.resources()));
            break;
          }
        }
      }
    }
    return out;
  }
}
