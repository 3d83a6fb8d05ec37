package dev.vpctrain.core.rules.egress;

import dev.vpctrain.core.reach.EgressPath;
import dev.vpctrain.core.reach.NatHealth;
import dev.vpctrain.core.reach.Tri;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code egress.nat.misplaced}: a job subnet's default route goes to a NAT gateway that is not
 * {@code available}, is {@code private}, or sits in a subnet without an internet gateway route.
 * Checked when the job sends something through the default route.
 */
public final class EgressNatMisplaced extends BaseRule {
  public EgressNatMisplaced() {
    super("egress.nat.misplaced", Severity.ERROR,
        "The NAT gateway of each job subnet's default route works and sits in a public subnet");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    Optional<Finding> skip = EgressScope.check(this, ctx);
    if (skip.isPresent()) {
      return one(skip.get());
    }
    OutsideAccess oa = OutsideAccess.of(ctx);
    Tri needs = oa.needsDefaultRoute();
    if (needs == Tri.NO) {
      return one(pass("The job sends nothing through its subnets' default route."));
    }
    List<Finding> out = new ArrayList<>();
    for (String subnet : oa.subnets()) {
      EgressPath p = oa.internetPath(subnet);
      Optional<NatHealth> nat = p.nat();
      if (nat.isEmpty()) {
        continue;
      }
      NatHealth h = nat.get();
      if (h.status() == NatHealth.Status.UNHEALTHY && needs == Tri.YES) {
        List<String> res = new ArrayList<>(List.of(subnet, h.natGatewayId(), p.routeTableId()));
        h.subnetId().ifPresent(res::add);
        out.add(fail("The default route of " + subnet + " (" + p.routeTable().describe() + ") goes to NAT gateway "
                + h.natGatewayId() + ", which gives no internet path: " + String.join("; ", h.problems()) + ".",
            fix(oa, p, h), res.toArray(new String[0])));
      } else if (h.status() != NatHealth.Status.HEALTHY) {
        out.add(unverified("Whether NAT gateway " + h.natGatewayId() + " (the default route of " + subnet
            + ") gives an internet path is unknown: "
            + (h.status() == NatHealth.Status.UNKNOWN ? String.join("; ", h.unknowns())
                : String.join("; ", h.problems()) + ", and whether the job needs it is unknown")
            + ".", null, subnet, h.natGatewayId()));
      }
    }
    if (out.isEmpty()) {
      return one(pass("No job subnet's default route goes to a broken or misplaced NAT gateway.",
          oa.subnets().toArray(new String[0])));
    }
    return out;
  }

  private static String fix(OutsideAccess oa, EgressPath p, NatHealth h) {
    boolean misplaced = h.problems().stream().anyMatch(x -> x.contains("route table") || x.contains("internet gateway"));
    boolean broken = h.problems().stream().anyMatch(x -> x.contains("state") || x.contains("connectivity")
        || x.contains("does not exist"));
    List<String> steps = new ArrayList<>();
    if (broken) {
      steps.add("point the default route at an available public NAT gateway: "
          + EgressCommands.natRoute(p.routeTableId(), true, oa.healthyNat()));
    }
    if (misplaced && !broken && h.subnetId().isPresent()) {
      String natRtb = oa.reach().routeTableOf(h.subnetId().get()).routeTableId();
      steps.add("give the NAT gateway's subnet " + h.subnetId().get() + " a default route to the VPC's internet gateway: "
          + "aws ec2 create-route --route-table-id " + (natRtb.isEmpty() ? "<route-table-id>" : natRtb)
          + " --destination-cidr-block 0.0.0.0/0 --gateway-id " + oa.attachedInternetGateway().orElse("<igw-id>")
          + " (replace-route if one exists), or use a NAT "
          + "gateway in a public subnet");
    }
    if (steps.isEmpty()) {
      steps.add(EgressCommands.natRoute(p.routeTableId(), true, oa.healthyNat()));
    }
    return String.join("; ", steps) + ".";
  }
}
