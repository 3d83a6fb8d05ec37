package dev.vpctrain.core.remediation;

import dev.vpctrain.core.job.JobSpec;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.PreflightReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a preflight report into a {@link RemediationPlan}: exact changes for what vpctrain can fix
 * (VPC DNS attributes, the S3 gateway endpoint and its route tables, endpoint and bucket policies,
 * security-group rules, interface endpoints, the security-group rules and network-ACL entries a
 * file-system channel needs, one inline policy with the execution role's missing statements), advice for the rest. Changes only add: nothing the
 * user made is deleted, and a policy keeps every statement it has (the one exception, replacing a
 * default full-access endpoint policy, is optional hardening). Pure: reads the snapshot, calls nothing.
 */
public final class RemediationPlanner {
  /** Name of the security group the plan creates for interface endpoints. */
  public static final String ENDPOINT_GROUP_NAME = "vpctrain-endpoints";

  private RemediationPlanner() {}

  /**
   * {@return the plan that fixes {@code report}'s findings for {@code job} on {@code network}}
   *
   * @param job the training job the report is of
   * @param network the snapshot the report was made from: the plan names its resources
   * @param report the preflight report; an empty plan for a report without problems
   */
  public static RemediationPlan plan(TrainingJobSpec job, NetworkSnapshot network, PreflightReport report) {
    return planFor(job, network, report);
  }

  /**
   * {@return the plan that fixes {@code report}'s findings for a job of any kind: planned on the job's
   * {@linkplain JobSpec#scope() scope}, so that a tuning job's generated endpoint and bucket policies
   * allow the S3 requests of every definition}
   *
   * @param job the job the report is of
   * @param network the snapshot the report was made from: the plan names its resources
   * @param report the preflight report of {@code job}; an empty plan for a report without problems
   */
  public static RemediationPlan plan(JobSpec job, NetworkSnapshot network, PreflightReport report) {
    return planFor(job.scope(), network, report);
  }

  private static RemediationPlan planFor(TrainingJobSpec job, NetworkSnapshot network, PreflightReport report) {
    PlanContext p = new PlanContext(job, network, report);
    if (!report.problems().isEmpty()) {
      ServiceFixes.planDns(p);
      S3RouteFixes.plan(p);
      S3PolicyFixes.plan(p);
      GroupFixes.plan(p);
      TargetFixes.plan(p);
      FileSystemFixes.plan(p);
      ServiceFixes.planEndpoints(p);
      RoleFixes.plan(p);
      AdviceFixes.plan(p);
    }
    List<RemediationStep> steps = new ArrayList<>();
    List<RemediationStep> recommended = new ArrayList<>();
    int n = 0;
    for (PlanContext.Draft d : p.required) {
      steps.add(d.toStep(++n));
    }
    // recommended: changes applied by default (warnings), then optional hardening, then advice
    List<PlanContext.Draft> ordered = new ArrayList<>(p.recommended);
    ordered.sort(Comparator.comparingInt(d -> d.change() instanceof Change.Advice ? 2 : d.optional() ? 1 : 0));
    for (PlanContext.Draft d : ordered) {
      recommended.add(d.toStep(++n));
    }
    return new RemediationPlan(report.jobName(), report.region(), steps, recommended);
  }
}
