package dev.vpctrain.core.internal.rules.cluster;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.SecurityGroupEvaluator;
import dev.vpctrain.core.internal.reach.SgDecision;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sg.efa.self-traffic}: for a distributed EFA job (more than one instance; a single instance
 * has no peer, so the rule passes as not applicable) some job SG must allow all protocols both inbound
 * from and outbound to itself (a self-reference: EFA traffic is not IP, so CIDR rules such as
 * egress to {@code 0.0.0.0/0} do not count). ERROR when no job SG has the pair; WARNING naming
 * each job SG that lacks it while another has it.
 */
public final class SgEfaSelfTraffic extends BaseRule {
  public SgEfaSelfTraffic() {
    super("sg.efa.self-traffic", Severity.ERROR,
        "A job security group allows all protocols inbound from and outbound to itself (EFA jobs)");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job does not run in a VPC."));
    }
    if (!ctx.job().isEfa()) {
      return one(pass("The job does not use EFA (instance types " + ctx.job().instanceTypes() + ")."));
    }
    if (!ctx.job().isDistributed()) {
      return one(pass("The job runs on a single instance: EFA traffic flows only between instances, so this rule does not "
          + "apply (instance count " + ctx.job().totalInstanceCount() + ")."));
    }
    List<String> groups = JobPeers.groups(ctx.job());
    if (groups.isEmpty()) {
      return one(unverified("The job names no security group, so its EFA self-traffic rules cannot be checked "
          + "(request.vpc-config.partial reports the request).", null));
    }
    SecurityGroupEvaluator sgs = ReachContext.securityGroups(ctx);
    Map<String, Pair> pairs = new LinkedHashMap<>();
    for (String g : groups) {
      Peer self = Peer.groups(List.of(g));
      pairs.put(g, new Pair(sgs.ingress(List.of(g), Traffic.allProtocols(), self),
          sgs.egress(List.of(g), Traffic.allProtocols(), self)));
    }
    List<String> having = new ArrayList<>();
    pairs.forEach((g, p) -> {
      if (p.result() == Tri.YES) {
        having.add(g);
      }
    });
    String[] res = groups.toArray(new String[0]);
    if (having.isEmpty()) {
      boolean unknown = pairs.values().stream().anyMatch(p -> p.result() == Tri.UNKNOWN);
      if (unknown) {
        List<String> reasons = new ArrayList<>();
        pairs.forEach((g, p) -> {
          if (p.result() == Tri.UNKNOWN) {
            reasons.add(g + ": " + p.unknownReason());
          }
        });
        return one(unverified("Whether a job security group allows all protocols to and from itself, as EFA requires, "
            + "is unknown: " + String.join("; ", reasons) + ".", null, res));
      }
      List<String> lacks = new ArrayList<>();
      pairs.forEach((g, p) -> lacks.add(g + " " + p.lacking()));
      String g0 = groups.get(0);
      return one(fail("No job security group allows all protocols both inbound from and outbound to itself, which EFA "
              + "requires (EFA traffic is not IP, so rules for CIDRs such as 0.0.0.0/0 do not count): "
              + String.join("; ", lacks) + ".",
          "Add both self-referencing rules: " + Commands.ingressFromGroup(g0, g0) + " && "
              + Commands.egressToGroup(g0, g0) + ".",
          res));
    }
    List<Finding> out = new ArrayList<>();
    pairs.forEach((g, p) -> {
      if (p.result() == Tri.NO) {
        out.add(fail(Severity.WARNING, "Security group " + g + " " + p.lacking() + ", while " + String.join(", ", having)
                + " allows all protocols to and from itself: EFA health checks have failed on such mixed sets of groups.",
            "Give " + g + " the same pair: " + pairCommands(g, p) + ".", g));
      } else if (p.result() == Tri.UNKNOWN) {
        out.add(finding(Outcome.UNVERIFIED, Severity.WARNING, "Whether security group " + g
            + " allows all protocols to and from itself, as " + String.join(", ", having) + " does, is unknown: "
            + p.unknownReason() + ".", null, g));
      }
    });
    if (out.isEmpty()) {
      out.add(pass("Every job security group (" + String.join(", ", having)
          + ") allows all protocols inbound from and outbound to itself.", res));
    }
    return out;
  }

  private static String pairCommands(String g, Pair p) {
    List<String> cmds = new ArrayList<>();
    if (p.in.result() != Tri.YES) {
      cmds.add(Commands.ingressFromGroup(g, g));
    }
    if (p.out.result() != Tri.YES) {
      cmds.add(Commands.egressToGroup(g, g));
    }
    return String.join(" && ", cmds);
  }

  private static final class Pair {
    final SgDecision in;
    final SgDecision out;

    Pair(SgDecision in, SgDecision out) {
      this.in = in;
      this.out = out;
    }

    Tri result() {
      return in.result().and(out.result());
    }

    String unknownReason() {
      return in.result() == Tri.UNKNOWN ? in.unknownReason() : out.unknownReason();
    }

    String lacking() {
      if (in.result() == Tri.NO && out.result() == Tri.NO) {
        return "has neither an inbound nor an outbound all-traffic rule referencing itself";
      }
      return in.result() == Tri.NO
          ? "has no inbound all-traffic rule referencing itself"
          : "has no outbound all-traffic rule referencing itself";
    }
  }
}
