package dev.vpctrain.core.remediation;

import java.util.Optional;

/** Renders a plan for people. */
final class PlanText {
  private PlanText() {}

  static String render(RemediationPlan plan) {
    StringBuilder sb = new StringBuilder();
    if (plan.steps().isEmpty()) {
      sb.append("Nothing to change for job ").append(plan.jobName())
          .append(": no ERROR finding needs a fix.\n");
    } else {
      sb.append("Plan for job ").append(plan.jobName()).append(" in ").append(plan.region()).append(": ")
          .append(plan.steps().size()).append(plan.steps().size() == 1 ? " step" : " steps")
          .append(" needed for READY.\n");
    }
    plan.steps().forEach(s -> step(sb, s));
    if (!plan.recommended().isEmpty()) {
      sb.append("\nRecommended (optional hardening and advice):\n");
      plan.recommended().forEach(s -> step(sb, s));
    }
    return sb.toString();
  }

  private static void step(StringBuilder sb, RemediationStep s) {
    sb.append('\n').append(s.number()).append(". ").append(s.title());
    if (s.optional()) {
      sb.append("  [optional]");
    }
    sb.append('\n');
    sb.append("   fixes: ").append(String.join(", ", s.fixes())).append('\n');
    sb.append("   why: ").append(s.why()).append('\n');
    if (s.isAdvice()) {
      sb.append("   advice: ").append(s.command().replace("\n", "\n           ")).append('\n');
      return;
    }
    sb.append("   call: ").append(s.operation()).append(s.reversible() ? " (reversible)" : " (not reversible)").append('\n');
    sb.append("   command: ").append(s.command()).append('\n');
    policy(s.change()).ifPresent(p -> {
      sb.append("   policy change:\n");
      String diff = LineDiff.diff(p[0], p[1]);
      for (String line : diff.split("\n", -1)) {
        sb.append("     ").append(line).append('\n');
      }
    });
  }

  /** Before and after policy text of a policy-setting change. */
  static Optional<String[]> policy(Change change) {
    if (change instanceof Change.SetEndpointPolicy c) {
      return Optional.of(new String[] {c.currentPolicy().map(Policies::pretty).orElse(""), Policies.pretty(c.newPolicy())});
    }
    if (change instanceof Change.SetBucketPolicy c) {
      return Optional.of(new String[] {c.currentPolicy().map(Policies::pretty).orElse(""), Policies.pretty(c.newPolicy())});
    }
    if (change instanceof Change.PutRolePolicy c) {
      return Optional.of(new String[] {c.currentPolicy().map(Policies::pretty).orElse(""), Policies.pretty(c.policyDocument())});
    }
    if (change instanceof Change.CreateGatewayEndpoint c) {
      return Optional.of(new String[] {"", Policies.pretty(c.policyDocument())});
    }
    return Optional.empty();
  }
}
