package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.internal.reach.EgressPath;
import dev.vpctrain.core.internal.reach.NatHealth;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code egress.nat.misplaced}: a job subnet's default route goes to a NAT gateway that is not
 * {@code available}, is {@code private}, or sits in a subnet without an internet gateway route.
 */
public final class EgressNatMisplaced extends EgressRule {
  public EgressNatMisplaced() {
    super("egress.nat.misplaced", Severity.ERROR,
        "The NAT gateway of each job subnet's default route works and sits in a public subnet");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, OutsideAccess oa) {
    Map<String, List<EgressPath>> byNat = new LinkedHashMap<>();
    for (String subnet : oa.subnets()) {
      EgressPath p = oa.internetPath(subnet);
      p.nat().ifPresent(h -> byNat.computeIfAbsent(h.natGatewayId(), k -> new ArrayList<>()).add(p));
    }
    List<Finding> out = new ArrayList<>();
    for (List<EgressPath> paths : byNat.values()) {
      NatHealth h = paths.get(0).nat().orElseThrow();
      Set<String> subnets = new LinkedHashSet<>();
      Set<String> tables = new LinkedHashSet<>();
      paths.forEach(p -> {
        subnets.add(p.subnetId());
        tables.add(p.routeTableId());
      });
      String where = "the default route of " + String.join(", ", subnets) + " (route table" + (tables.size() == 1 ? " " : "s ")
          + String.join(", ", tables) + ")";
      if (h.status() == NatHealth.Status.UNHEALTHY) {
        Set<String> res = new LinkedHashSet<>(subnets);
        res.add(h.natGatewayId());
        res.addAll(tables);
        h.subnetId().ifPresent(res::add);
        out.add(fail(capitalize(where) + " goes to NAT gateway " + h.natGatewayId() + ", which gives no internet path: "
                + String.join("; ", h.problems()) + ".",
            fix(oa, tables, h), res.toArray(new String[0])));
      } else if (h.status() != NatHealth.Status.HEALTHY) {
        Set<String> res = new LinkedHashSet<>(subnets);
        res.add(h.natGatewayId());
        out.add(unverified("Whether NAT gateway " + h.natGatewayId() + " (" + where + ") gives an internet path is unknown: "
            + String.join("; ", h.unknowns()) + ".", null, res.toArray(new String[0])));
      }
    }
    if (out.isEmpty()) {
      return one(pass("No job subnet's default route goes to a broken or misplaced NAT gateway.",
          oa.subnets().toArray(new String[0])));
    }
    return out;
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String fix(OutsideAccess oa, Set<String> tables, NatHealth h) {
    boolean misplaced = h.problems().stream().anyMatch(x -> x.contains("route table") || x.contains("internet gateway"));
    boolean broken = h.problems().stream().anyMatch(x -> x.contains("state") || x.contains("connectivity")
        || x.contains("does not exist"));
    List<String> steps = new ArrayList<>();
    if (broken) {
      steps.add("point the default route at an available public NAT gateway: " + natRoutes(oa, tables));
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
      steps.add(natRoutes(oa, tables));
    }
    return capitalize(String.join("; ", steps)) + ".";
  }

  private static String natRoutes(OutsideAccess oa, Set<String> tables) {
    List<String> cmds = new ArrayList<>();
    for (String t : tables) {
      cmds.add(EgressCommands.natRoute(t, true, oa.healthyNat()));
    }
    return String.join("; ", cmds);
  }
}
