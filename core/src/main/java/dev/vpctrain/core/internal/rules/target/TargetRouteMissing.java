package dev.vpctrain.core.internal.rules.target;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * {@code target.route.missing}: no route, a blackhole route, or an internet path for a private
 * address, from a job subnet to a declared target or back (rules.md "Route to an address", through
 * {@code Reach.routeToAddress}). Routes through hops the snapshot cannot see beyond are left to
 * {@code target.unmodeled}; missing route data is UNVERIFIED.
 */
public final class TargetRouteMissing extends TargetRule {
  public TargetRouteMissing() {
    super("target.route.missing", "Every job subnet has a route to each declared in-VPC target and back");
  }

  @Override
  List<Finding> outsideVpc(RuleContext ctx) {
    List<String> names = VpcTargets.of(ctx).stream().map(ResolvedTarget::name).toList();
    return one(fail("The job declares in-VPC targets (" + String.join(", ", names) + ") but has no VpcConfig: a job "
            + "outside a VPC cannot reach addresses inside one.",
        "Add VpcConfig (Subnets and SecurityGroupIds) with subnets that reach the targets.",
        names.toArray(new String[0])));
  }

  @Override
  String passMessage(List<String> checked) {
    return "Every job subnet has a route to and back from " + String.join("; ", checked) + " (or one through a hop, "
        + "which target.unmodeled reports).";
  }

  @Override
  void evaluate(RuleContext ctx, ResolvedTarget t, List<String> subnets, List<Finding> out, Set<String> notes) {
    perSubnet(ctx, t, subnets, out, notes,
        (c, subnet, e, traffic, r) -> e.routed() ? TargetChecks.route(c, subnet, e, traffic, r) : new TargetChecks.Check(),
        new Lead("Job subnet {subnet} has no working route to declared target " + t.describe()
            + " or back, so connections time out:", "Job subnets " + Grouping.SUBJECTS
            + " have no working route to declared target " + t.describe() + " or back, so connections time out:"),
        "Fix the route:",
        new Lead("Whether job subnet {subnet} has a route to declared target " + t.describe() + " and back is unknown:",
            "Whether job subnets " + Grouping.SUBJECTS + " have a route to declared target " + t.describe()
                + " and back is unknown:"));
  }
}
