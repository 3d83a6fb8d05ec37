package dev.vpctrain.core.remediation;

import java.util.ArrayList;
import java.util.List;

/**
 * What to change so that a job's preflight passes. {@link #steps()} fix the ERROR findings and are
 * needed for READY; {@link #recommended()} hold optional hardening (INFO findings) and advice for
 * warnings and for what vpctrain cannot change itself. The plan is empty for a READY network.
 */
public record RemediationPlan(String jobName, String region, List<RemediationStep> steps, List<RemediationStep> recommended) {
  /**
   * Copies the lists of steps.
   *
   * @param jobName the training job name
   * @param region the AWS region
   * @param steps the steps
   * @param recommended the recommended
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
   * {@return steps that call AWS (advice excluded); optional ones only when {@code includeOptional}}
   *
   * @param includeOptional the include optional
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
