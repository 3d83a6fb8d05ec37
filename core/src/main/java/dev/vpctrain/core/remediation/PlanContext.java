package dev.vpctrain.core.remediation;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.vpc.JobVpc;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the planner's parts share while a plan is drafted: the job, its network and report, the
 * route analysis, and the drafts so far (an equal change planned twice becomes one step fixing both).
 */
final class PlanContext {
  final TrainingJobSpec job;
  final NetworkSnapshot net;
  final PreflightReport report;
  final RuleContext rules;
  final Reach reach;
  final String region;
  final String partition;
  final Optional<String> vpcId;
  final List<Draft> required = new ArrayList<>();
  final List<Draft> recommended = new ArrayList<>();
  /** Rule ids a change (not advice) was planned for. */
  final Set<String> handled = new LinkedHashSet<>();

  PlanContext(TrainingJobSpec job, NetworkSnapshot net, PreflightReport report) {
    this.job = job;
    this.net = net;
    this.report = report;
    this.rules = RuleContext.of(job, net);
    this.reach = ReachContext.of(rules);
    this.region = report.region();
    this.partition = rules.partition();
    this.vpcId = JobVpc.vpcId(rules);
  }

  /**
   * Plans {@code change}: required when {@code severity} is ERROR, else recommended (optional when
   * INFO). A change already planned gains {@code fixes} instead of a second step.
   */
  void add(Severity severity, List<String> fixes, String title, String why, Change change) {
    boolean advice = change instanceof Change.Advice;
    if (!advice) {
      handled.addAll(fixes);
      for (List<Draft> list : List.of(required, recommended)) {
        for (int i = 0; i < list.size(); i++) {
          Draft d = list.get(i);
          if (d.change().equals(change)) {
            Draft merged = d.withFixes(fixes, severity == Severity.ERROR ? false : d.optional());
            if (severity == Severity.ERROR && list == recommended) {
              list.remove(i);
              required.add(merged);
            } else {
              list.set(i, merged);
            }
            return;
          }
        }
      }
    }
    Draft d = new Draft(List.copyOf(fixes), title, why, change, severity == Severity.INFO && !advice);
    (severity == Severity.ERROR ? required : recommended).add(d);
  }

  /** The FAIL findings of {@code ruleId}. */
  List<Finding> failing(String ruleId) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : report.findings(ruleId)) {
      if (f.outcome() == Outcome.FAIL) {
        out.add(f);
      }
    }
    return out;
  }

  boolean anyFailing(String ruleId) {
    return !failing(ruleId).isEmpty();
  }

  /** The first of the job's security groups that the snapshot has. */
  Optional<String> firstJobGroup() {
    return job.vpc().flatMap(v -> v.securityGroups().stream().filter(id -> net.securityGroup(id).isPresent()).findFirst());
  }

  /** The job's subnets that the snapshot has. */
  List<String> jobSubnets() {
    List<String> out = new ArrayList<>();
    job.vpc().ifPresent(v -> v.subnets().stream().filter(id -> net.subnet(id).isPresent()).forEach(out::add));
    return out;
  }

  /** The {@code vpce-…} resources a finding names. */
  static List<String> endpointIds(Finding f) {
    List<String> out = new ArrayList<>();
    f.resources().stream().filter(r -> r.startsWith("vpce-")).forEach(out::add);
    return out;
  }

  /** The resources of a finding that are buckets of the job or of the snapshot. */
  List<String> bucketsOf(Finding f) {
    List<String> out = new ArrayList<>();
    f.resources().stream().filter(r -> net.buckets().containsKey(r) || job.buckets().contains(r)).forEach(out::add);
    return out;
  }

  /** A step being drafted (numbered once the plan is complete). */
  record Draft(List<String> fixes, String title, String why, Change change, boolean optional) {
    Draft withFixes(List<String> more, boolean optional) {
      Set<String> all = new LinkedHashSet<>(fixes);
      all.addAll(more);
      return new Draft(List.copyOf(all), title, why, change, optional);
    }

    RemediationStep toStep(int number) {
      return new RemediationStep(number, fixes, title, why, change, optional);
    }
  }
}
