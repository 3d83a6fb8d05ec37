package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.Optional;

/** When an egress rule does not apply: no VPC, or no subnet named. */
final class EgressScope {
  private EgressScope() {}

  static Optional<Finding> check(Rule rule, RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return Optional.of(finding(rule, Outcome.PASS,
          "The job does not run in a VPC: SageMaker's own network gives it outbound access."));
    }
    if (JobPeers.subnets(ctx.job()).isEmpty()) {
      return Optional.of(finding(rule, Outcome.UNVERIFIED,
          "The job names no subnet, so what it can reach cannot be checked (request.vpc-config.partial reports the request)."));
    }
    return Optional.empty();
  }

  static Finding finding(Rule rule, Outcome outcome, String message) {
    return Finding.builder().ruleId(rule.id()).severity(rule.severity()).outcome(outcome).message(message).build();
  }
}
