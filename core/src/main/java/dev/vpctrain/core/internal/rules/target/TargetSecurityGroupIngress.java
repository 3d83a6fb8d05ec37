package dev.vpctrain.core.internal.rules.target;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.reach.AddressRoute;
import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import dev.vpctrain.core.internal.rules.target.ResolvedTarget.Status;
import dev.vpctrain.core.internal.rules.target.TargetChecks.Check;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code target.security-group.ingress}: no security group of the target's interface admits the
 * protocol and port from a job group (by reference; across peering or a transit gateway such a
 * reference is UNVERIFIED) or from a CIDR covering the whole job subnet. Unknown target groups (an
 * interface not in the snapshot, another account) are UNVERIFIED, unless the route leaves the VPC
 * first ({@code target.unmodeled} covers what lies beyond). For a CIDR block, every interface inside
 * it must admit the job; interfaces not all known is UNVERIFIED.
 */
public final class TargetSecurityGroupIngress extends TargetRule {
  public TargetSecurityGroupIngress() {
    super("target.security-group.ingress", "Each declared in-VPC target's security groups admit the job");
  }

  @Override
  String passMessage(List<String> checked) {
    return "The security groups of " + String.join("; ", checked) + " admit the job's instances.";
  }

  @Override
  void evaluate(RuleContext ctx, ResolvedTarget t, List<String> subnets, List<Finding> out, Set<String> notes) {
    for (String subnet : subnets) {
      List<Check> checks = new ArrayList<>();
      List<AddressRoute> routes = new ArrayList<>();
      for (TargetEndpoint e : t.endpoints()) {
        AddressRoute r = TargetChecks.route(ctx, subnet, e, t.traffic());
        if (e.routed()) {
          routes.add(r);
        }
        checks.add(TargetChecks.ingress(ctx, subnet, e, t.traffic(), r));
      }
      if (t.status() == Status.BLOCK) {
        checks.add(blockInterfaces(ctx, t, routes));
      }
      if (checks.stream().allMatch(c -> c.result() == Tri.YES)) {
        checks.forEach(c -> notes.addAll(c.notes()));
        continue; // nothing to report: skip building the messages
      }
      String label = JobSubnets.label(ctx, subnet);
      Lead fail = Lead.of("Declared target " + t.describe() + " does not admit the job's instances in {subnet}"
          + ", so its connections time out:");
      Lead unknown = Lead.of("Whether declared target " + t.describe() + " admits the job's instances in {subnet} is unknown:");
      Finding f = combine(subnet, t, checks, notes, fail.one(label), "Admit the job's security group:", unknown.one(label));
      if (f != null) {
        Finding group = combine(subnet, t, checks, notes, fail.many(), "Admit the job's security group:", unknown.many(),
            true);
        out.add(f.withGrouping(Grouping.of(label, group.message())));
      }
    }
  }

  /** A block whose interfaces are not all known: UNKNOWN, unless every part of it lies beyond a hop leaving the VPC. */
  private static Check blockInterfaces(RuleContext ctx, ResolvedTarget t, List<AddressRoute> routes) {
    Check c = new Check();
    Cidr block = Cidr.parseIpv4(t.target().value());
    if (VpcTargets.interfacesKnown(ctx, block)) {
      return c;
    }
    if (!routes.isEmpty() && routes.stream().allMatch(TargetChecks::beyondHop)) {
      c.note(t.name() + " lies beyond " + TargetChecks.hopNames(routes.get(0)) + ": its security groups are part of what "
          + "target.unmodeled leaves to you");
      return c;
    }
    c.unknown("the network interfaces inside " + block + " are not all in the snapshot (it is not inside the job's VPC, "
        + "the interface list is not complete for the VPC, or the VPC is shared), so their security groups are unknown");
    return c;
  }
}
