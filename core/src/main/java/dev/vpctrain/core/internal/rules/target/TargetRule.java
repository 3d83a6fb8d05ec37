package dev.vpctrain.core.internal.rules.target;

import dev.vpctrain.core.internal.reach.AddressRoute;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import dev.vpctrain.core.internal.rules.target.ResolvedTarget.Status;
import dev.vpctrain.core.internal.rules.target.TargetChecks.Check;
import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape every {@code target.*} rule shares: PASS without declared targets, UNVERIFIED when the
 * job subnets are unknown, then one finding per job subnet × target that fails or cannot be
 * decided (the job subnet first in its resources, then the target's name, so that
 * {@code --accept-unverified RULE=LABEL} accepts it), else one PASS.
 */
abstract class TargetRule extends BaseRule {
  TargetRule(String id, String title) {
    super(id, Severity.ERROR, title);
  }

  /** One endpoint's check from one job subnet. */
  interface EndpointCheck {
    Check check(RuleContext ctx, String subnet, TargetEndpoint e, Traffic traffic, AddressRoute route);
  }

  @Override
  public final List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().requiredInVpc().isEmpty()) {
      return one(pass("The job declares no in-VPC target (--requires [label=]ADDR|CIDR|sg-…|eni-…:PORTS)."));
    }
    if (ctx.job().vpc().isEmpty()) {
      return outsideVpc(ctx);
    }
    if (JobPeers.subnets(ctx.job()).isEmpty()) {
      return one(unverified("The job names no subnet, so its way to the declared in-VPC targets cannot be checked "
          + "(request.vpc-config.partial reports the request).", null));
    }
    List<String> subnets = JobSubnets.evaluable(ctx);
    if (subnets.isEmpty()) {
      return one(unverified("None of the job's subnets is in the snapshot, so their way to the declared in-VPC targets "
          + "cannot be checked (vpc.resource.not-found reports them).", null));
    }
    List<Finding> out = new ArrayList<>();
    Set<String> notes = new LinkedHashSet<>();
    List<String> checked = new ArrayList<>();
    for (ResolvedTarget t : VpcTargets.of(ctx)) {
      if (!resolvedOnly() && t.status() == Status.NOT_FOUND) {
        notes.add(t.name() + " is not checked here: " + t.detail() + " (target.not-found)");
        continue;
      }
      if (!resolvedOnly() && t.endpoints().isEmpty()) {
        List<String> res = new ArrayList<>(List.of(t.name()));
        res.addAll(t.resources());
        out.add(unverified("Declared target " + t.describe() + " cannot be checked: " + t.detail() + ".",
            "Capture ec2.DescribeNetworkInterfaces (and ec2.DescribeSecurityGroups) for the job's VPC, e.g. with vpctrain "
                + "snapshot, or confirm by hand and accept it: --accept-unverified " + id() + "=" + t.name() + ".",
            res.toArray(new String[0])));
        continue;
      }
      checked.add(t.describe());
      evaluate(ctx, t, subnets, out, notes);
    }
    if (out.isEmpty()) {
      out.add(pass(passMessage(checked) + (notes.isEmpty() ? "" : " Note: " + String.join("; ", notes) + ".")));
    }
    return out;
  }

  /** True for the rule that reports resolution itself ({@code target.not-found}). */
  boolean resolvedOnly() {
    return false;
  }

  /** The findings for a job outside a VPC that declares targets (default: PASS, nothing to check here). */
  List<Finding> outsideVpc(RuleContext ctx) {
    return one(pass("The job has no VpcConfig, so there is no path to its declared in-VPC targets to check here "
        + "(target.route.missing reports it)."));
  }

  /** The remediation of an UNVERIFIED finding about {@code t}. */
  String unknownFix(ResolvedTarget t) {
    return "Give vpctrain the missing data (see the message), or confirm it by hand and accept it: --accept-unverified "
        + id() + "=" + t.name() + ".";
  }

  /** The PASS message, {@code checked} naming the targets decided. */
  abstract String passMessage(List<String> checked);

  /** Adds the findings for target {@code t} (most rules through {@link #perSubnet}). */
  abstract void evaluate(RuleContext ctx, ResolvedTarget t, List<String> subnets, List<Finding> out, Set<String> notes);

  /**
   * One finding per job subnet whose checks of {@code t}'s endpoints fail (else are undecided):
   * {@code fail} and {@code unknown} phrase the message around the joined problems. Findings of
   * subnets with the same problems and fixes are grouped ({@link Grouping}): the report shows one
   * naming them all, phrased by the leads' {@link Lead#many} form.
   */
  void perSubnet(RuleContext ctx, ResolvedTarget t, List<String> subnets, List<Finding> out, Set<String> notes,
      EndpointCheck check, Lead failLead, String fixLead, Lead unknownLead) {
    for (String subnet : subnets) {
      List<Check> checks = new ArrayList<>();
      for (TargetEndpoint e : t.endpoints()) {
        AddressRoute r = e.routed() ? TargetChecks.route(ctx, subnet, e, t.traffic()) : null;
        checks.add(check.check(ctx, subnet, e, t.traffic(), r));
      }
      if (checks.stream().allMatch(c -> c.result() == Tri.YES)) {
        checks.forEach(c -> notes.addAll(c.notes()));
        continue; // nothing to report: skip building the messages
      }
      String label = JobSubnets.label(ctx, subnet);
      Finding f = combine(subnet, t, checks, notes, failLead.one(label), fixLead, unknownLead.one(label));
      if (f != null) {
        Finding group = combine(subnet, t, checks, notes, failLead.many(), fixLead, unknownLead.many(), true);
        out.add(f.withGrouping(Grouping.of(label, group.message())));
      }
    }
  }

  /**
   * A message's lead for one subnet ({@code one}, {@code {subnet}} standing for it) and for several
   * ({@code many}, {@link Grouping#SUBJECTS} standing for them).
   */
  record Lead(String one, String many) {
    Lead {
      if (!many.isEmpty() && !many.contains(Grouping.SUBJECTS)) {
        throw new IllegalArgumentException("a lead for several subnets names them with " + Grouping.SUBJECTS);
      }
    }

    /** A lead that reads right for one subnet and for several: {@code {subnet}} stands for either. */
    static Lead of(String both) {
      return new Lead(both, both.replace("{subnet}", Grouping.SUBJECTS));
    }

    String one(String label) {
      return one.replace("{subnet}", label);
    }
  }

  /** The FAIL (any NO) or UNVERIFIED (any UNKNOWN) finding of {@code checks}, or null (notes collected). */
  Finding combine(String subnet, ResolvedTarget t, List<Check> checks, Set<String> notes, String failLead, String fixLead,
      String unknownLead) {
    return combine(subnet, t, checks, notes, failLead, fixLead, unknownLead, false);
  }

  /** As {@link #combine}; {@code many} phrases the problems for several job subnets of one cause. */
  Finding combine(String subnet, ResolvedTarget t, List<Check> checks, Set<String> notes, String failLead, String fixLead,
      String unknownLead, boolean many) {
    Set<String> res = new LinkedHashSet<>();
    if (subnet != null) {
      res.add(subnet);
    }
    res.add(t.name());
    List<String> problems = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    Set<String> fixes = new LinkedHashSet<>();
    Tri result = Tri.YES;
    for (Check c : checks) {
      result = result.and(c.result());
      notes.addAll(c.notes());
      if (c.result() == Tri.NO) {
        problems.addAll(many ? c.groupProblems() : c.problems());
        fixes.addAll(c.fixes());
        res.addAll(c.resources());
      } else if (c.result() == Tri.UNKNOWN) {
        unknowns.addAll(c.unknowns());
      }
    }
    if (result == Tri.NO) {
      return fail(failLead + " " + String.join("; ", problems) + ".", fixLead + " " + String.join("; ", fixes) + ".",
          res.toArray(new String[0]));
    }
    if (result == Tri.UNKNOWN) {
      for (Check c : checks) {
        if (c.result() == Tri.UNKNOWN) {
          res.addAll(c.resources());
          c.hops().forEach(h -> res.add(h.id()));
        }
      }
      return unverified(unknownLead + " " + String.join("; ", unknowns) + ".", unknownFix(t), res.toArray(new String[0]));
    }
    return null;
  }
}
