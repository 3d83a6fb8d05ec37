package dev.vpctrain.core.remediation;

import java.util.ArrayList;
import java.util.List;

/**
 * What to change so that a job's preflight passes. {@link #steps()} fix the ERROR findings and are
 * needed for READY; {@link #recommended()} hold optional hardening (INFO findings) and advice for
 * warnings and for what vpctrain cannot change itself. The plan is empty for a READY network.
 */
public record RemediationPlan(String jobName, String region, List<RemediationStep> steps, List<RemediationStep> recommended) {
  public RemediationPlan {
    steps = List.copyOf(steps);
    recommended = List.copyOf(recommended);
  }

  /** True when nothing is needed for READY. */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** Required steps, then recommended ones. */
  public List<RemediationStep> allSteps() {
    List<RemediationStep> all = new ArrayList<>(steps);
    all.addAll(recommended);
    return all;
  }

  /** Steps that call AWS (advice excluded); optional ones only when {@code includeOptional}. */
  public List<RemediationStep> executable(boolean includeOptional) {
    List<RemediationStep> out = new ArrayList<>();
    for (RemediationStep s : allSteps()) {
      if (!s.isAdvice() && (includeOptional || !s.optional())) {
        out.add(s);
      }
    }
    return out;
  }

  /** The plan for people: each step with its command and, for policies, a JSON diff. */
  public String render() {
    return PlanText.render(this);
  }

  /** The plan as one JSON document ({@code vpctrain-plan/1}). */
  public String toJson() {
    return PlanJson.render(this);
  }
}
