package dev.vpctrain.core.remediation;

import dev.vpctrain.core.report.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders a plan as the {@code vpctrain-plan/1} JSON document. */
final class PlanJson {
  /** The value of the document's {@code schema} member. */
  static final String SCHEMA = "vpctrain-plan/1";

  private PlanJson() {}

  static String render(RemediationPlan plan) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schema", SCHEMA);
    doc.put("job", plan.jobName());
    doc.put("region", plan.region());
    doc.put("empty", plan.isEmpty());
    doc.put("steps", steps(plan.steps()));
    doc.put("recommended", steps(plan.recommended()));
    return JsonWriter.pretty(doc);
  }

  private static List<Object> steps(List<RemediationStep> steps) {
    List<Object> out = new ArrayList<>();
    for (RemediationStep s : steps) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("number", s.number());
      m.put("fixes", s.fixes());
      m.put("title", s.title());
      m.put("why", s.why());
      m.put("kind", s.isAdvice() ? "advice" : "change");
      m.put("optional", s.optional());
      if (!s.isAdvice()) {
        m.put("operation", s.operation());
        m.put("reversible", s.reversible());
      }
      m.put(s.isAdvice() ? "advice" : "command", s.command());
      Optional<String[]> policy = PlanText.policy(s.change());
      policy.ifPresent(p -> {
        m.put("policyBefore", p[0].isEmpty() ? null : p[0]);
        m.put("policyAfter", p[1]);
      });
      out.add(m);
    }
    return out;
  }
}
