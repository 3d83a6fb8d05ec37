package dev.vpctrain.core.report;

import dev.vpctrain.core.job.JobKind;
import java.util.List;

/**
 * Renders a report as the {@code vpctrain-report/1} JSON document: FAIL and
 * UNVERIFIED findings (PASS ones too when verbose), ERRORs first. An UNVERIFIED finding the user
 * accepted carries {@code "accepted": true} (the member is absent otherwise).
 */
public final class JsonReport {
  /** The value of the document's {@code schema} member. */
  public static final String SCHEMA = "vpctrain-report/1";

  private JsonReport() {}

  /**
   * {@return the JSON document of {@code report}}
   *
   * @param report the preflight report to render
   * @param verbose true to include the PASS findings too
   */
  public static String render(PreflightReport report, boolean verbose) {
    List<Finding> shown = verbose ? report.findings() : report.problems();
    JsonWriter w = JsonWriter.create().beginObject()
        .member("schema", SCHEMA)
        .member("job", report.jobName());
    if (report.kind() != JobKind.TRAINING) {
      w.member("kind", report.kind().label());
    }
    w.member("region", report.region())
        .member("verdict", report.verdict().name())
        .name("findings").beginArray();
    for (Finding f : shown) {
      w.beginObject()
          .member("rule", f.ruleId())
          .member("severity", f.severity().name())
          .member("outcome", f.outcome().name());
      f.definition().ifPresent(d -> w.member("definition", d));
      if (f.accepted()) {
        w.member("accepted", true);
      }
      w.member("resources", f.resources())
          .member("message", f.message())
          .member("remediation", f.remediation().orElse(null))
          .member("doc", f.doc())
          .endObject();
    }
    return w.endArray()
        .member("rulesEvaluated", report.rulesEvaluated())
        .endObject()
        .toString();
  }
}
