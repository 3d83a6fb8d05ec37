package dev.vpctrain.core.remediation;

import java.util.ArrayList;
import java.util.List;

/**
 * What to change so that a job's preflight passes. {@link #steps()} fix the ERROR findings and are
 * needed for READY; {@link #recommended()} hold optional hardening (INFO findings) and advice for
 * warnings and for what vpctrain cannot change itself. The plan is empty for a READY network. Made by
 * {@link RemediationPlanner#plan}; applied by {@code dev.vpctrain.aws.remediation}.
 *
 * @param jobName the training job's name ({@code TrainingJobName})
 * @param region the AWS region the plan changes resources in
 * @param steps the steps needed for READY, numbered from 1, in the order to apply them
 * @param recommended the optional and advisory steps, numbered after {@code steps}
 */
public record RemediationPlan(String jobName, String region, List<RemediationStep> steps, List<RemediationStep> recommended) {
  /**
   * Creates a plan, copying the lists of steps.
   *
   * @param jobName the training job's name ({@code TrainingJobName})
   * @param region the AWS region the plan changes resources in
   * @param steps the steps needed for READY, in the order to apply them
   * @param recommended the optional and advisory steps
   * @throws NullPointerException when a list or a step is null
   */
  public RemediationPlan {
    steps = List.copyOf(steps);
    recommended = List.copyOf(recommended);
  }

  /** {@return true when nothing is needed for READY} */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** {@return required steps, then recommended ones} */
  public List<RemediationStep> allSteps() {
    List<RemediationStep> all = new ArrayList<>(steps);
    all.addAll(recommended);
    return all;
  }

  /**
   * {@return the steps that call AWS (advice excluded), required ones first, in plan order}
   *
   * @param includeOptional true to include the optional hardening steps, which are applied only on request
   */
  public List<RemediationStep> executable(boolean includeOptional) {
    List<RemediationStep> out = new ArrayList<>();
    for (RemediationStep s : allSteps()) {
      if (!s.isAdvice() && (includeOptional || !s.optional())) {
        out.add(s);
      }
    }
    return out;
  }

  /** {@return the plan for people: each step with its command and, for policies, a JSON diff} */
  public String render() {
    return PlanText.render(this);
  }

  /** {@return the plan as one JSON document ({@code vpctrain-plan/1})} */
  public String toJson() {
    return PlanJson.render(this);
  }
}
