package dev.vpctrain.core.internal.rules.request;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.reach.AddressRoute;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import dev.vpctrain.core.internal.rules.target.ResolvedTarget;
import dev.vpctrain.core.internal.rules.target.TargetChecks;
import dev.vpctrain.core.internal.rules.target.TargetChecks.Check;
import dev.vpctrain.core.internal.rules.target.TargetEndpoint;
import dev.vpctrain.core.internal.rules.target.VpcTargets;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A registry the user declared as an in-VPC target (a {@code --requires} item labelled with the
 * registry host): the route, the security groups both ways and the network ACLs between every job
 * subnet and that target decide the pull, on the registry's port, with the target rules' checks.
 */
final class DeclaredRegistry {
  final Tri result;
  final String detail;
  final List<String> fixes = new ArrayList<>();
  final Set<String> resources = new LinkedHashSet<>();
  final ResolvedTarget target;

  private DeclaredRegistry(ResolvedTarget target, Tri result, String detail) {
    this.target = target;
    this.result = result;
    this.detail = detail;
  }

  /** The declared target labelled with {@code registry}'s host (ignoring case), if any. */
  static Optional<ResolvedTarget> find(RuleContext ctx, RegistryHost registry) {
    return VpcTargets.of(ctx).stream()
        .filter(t -> t.target().label().map(l -> l.equalsIgnoreCase(registry.host())).orElse(false))
        .findFirst();
  }

  /** Decides the pull from every one of {@code subnets} to {@code t} on TCP {@code registry.port()}. */
  static DeclaredRegistry decide(RuleContext ctx, RegistryHost registry, ResolvedTarget t, List<String> subnets) {
    if (t.status() == ResolvedTarget.Status.NOT_FOUND) {
      DeclaredRegistry d = new DeclaredRegistry(t, Tri.NO, t.detail() + " (target.not-found)");
      d.resources.addAll(t.resources());
      return d;
    }
    if (t.endpoints().isEmpty()) {
      DeclaredRegistry d = new DeclaredRegistry(t, Tri.UNKNOWN, t.detail());
      d.resources.addAll(t.resources());
      return d;
    }
    Traffic pull = Traffic.tcp(registry.port());
    Tri result = Tri.YES;
    List<String> problems = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    Set<String> fixes = new LinkedHashSet<>();
    Set<String> res = new LinkedHashSet<>();
    for (String subnet : subnets) {
      List<Check> checks = new ArrayList<>();
      for (TargetEndpoint e : t.endpoints()) {
        AddressRoute r = TargetChecks.route(ctx, subnet, e, pull);
        if (e.routed()) {
          checks.add(TargetChecks.route(ctx, subnet, e, pull, r));
          checks.add(TargetChecks.hops(e, r));
          checks.add(TargetChecks.egress(ctx, e, pull));
          checks.add(TargetChecks.acls(ctx, subnet, e, pull, r));
        }
        checks.add(TargetChecks.ingress(ctx, subnet, e, pull, r));
      }
      Tri subnetResult = Tri.YES;
      for (Check c : checks) {
        subnetResult = subnetResult.and(c.result());
        if (c.result() == Tri.NO) {
          c.problems().forEach(p -> problems.add(JobSubnets.label(ctx, subnet) + ": " + p));
          fixes.addAll(c.fixes());
          res.add(subnet);
          res.addAll(c.resources());
        } else if (c.result() == Tri.UNKNOWN) {
          c.unknowns().forEach(u -> unknowns.add(JobSubnets.label(ctx, subnet) + ": " + u));
          res.add(subnet);
          res.addAll(c.resources());
          c.hops().forEach(h -> res.add(h.id()));
        }
      }
      result = result.and(subnetResult);
    }
    DeclaredRegistry d = new DeclaredRegistry(t, result,
        result == Tri.NO ? String.join("; ", problems) : String.join("; ", unknowns));
    d.fixes.addAll(fixes);
    d.resources.addAll(res);
    return d;
  }
}
