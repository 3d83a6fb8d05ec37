package dev.vpctrain.core.rules.cluster;

import dev.vpctrain.core.reach.JobPeers;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.Optional;

/** When a cluster rule does not apply: no VPC, a single instance, no security group named. */
final class ClusterScope {
  private ClusterScope() {}

  /** The finding to return instead of evaluating, or empty when the rule applies. */
  static Optional<Finding> check(Rule rule, RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return Optional.of(finding(rule, Outcome.PASS, "The job does not run in a VPC."));
    }
    if (!ctx.job().isDistributed()) {
      return Optional.of(finding(rule, Outcome.PASS,
          "The job runs on a single instance: no traffic flows between instances."));
    }
    if (JobPeers.groups(ctx.job()).isEmpty()) {
      return Optional.of(finding(rule, Outcome.UNVERIFIED,
          "The job names no security group, so traffic between its instances cannot be checked "
              + "(request.vpc-config.partial reports the request)."));
    }
    return Optional.empty();
  }

  static Finding finding(Rule rule, Outcome outcome, String message) {
    return Finding.builder().ruleId(rule.id()).severity(rule.severity()).outcome(outcome).message(message).build();
  }
}
