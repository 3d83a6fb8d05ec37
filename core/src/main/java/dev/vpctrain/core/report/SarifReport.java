package dev.vpctrain.core.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a report as a SARIF 2.1.0 log for code scanning: one run whose tool driver lists the rule
 * ids, one result per shown finding located at the job file. FAIL results carry the level of their
 * severity ({@code error}, {@code warning}, {@code note}); UNVERIFIED ones are {@code kind: open}
 * and PASS ones (verbose only) {@code kind: pass}, both with level {@code none} as SARIF requires.
 * An UNVERIFIED finding the user accepted carries an accepted external suppression (SARIF §3.35),
 * so code scanning shows it as dismissed by the user rather than open.
 */
public final class SarifReport {
  /** The SARIF version written, {@value}. */
  public static final String VERSION = "2.1.0";
  /** The schema URI of SARIF 2.1.0. */
  public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifReport() {}

  /**
   * {@return the SARIF log of {@code report}}
   *
   * @param report the preflight report to render
   * @param artifactUri the job file as a relative or absolute URI reference, for example {@code jobs/train.json}
   * @param ruleTitles rule id to one-line title, for the driver's rule list (finding ids missing here are added);
   *     {@code RuleCatalogue} gives every rule's title
   * @param verbose true to emit PASS outcomes too
   */
  public static String render(PreflightReport report, String artifactUri, Map<String, String> ruleTitles,
      boolean verbose) {
    return render(report, artifactUri, ruleTitles, Optional.empty(), verbose);
  }

  /**
   * {@return the SARIF log of {@code report}, each rule of the driver's list with a {@code helpUri}: its page
   * {@code <id>.md} under {@code rulePagesBase} (for example
   * {@code https://github.com/vpctrain/vpctrain/blob/main/docs/rules/}, ending in a slash)}
   *
   * @param report the preflight report to render
   * @param artifactUri the job file as a relative or absolute URI reference, for example {@code jobs/train.json}
   * @param ruleTitles rule id to one-line title, for the driver's rule list (finding ids missing here are added)
   * @param rulePagesBase the URL the rule pages are published under; empty for no {@code helpUri}
   * @param verbose true to emit PASS outcomes too
   */
  public static String render(PreflightReport report, String artifactUri, Map<String, String> ruleTitles,
      Optional<String> rulePagesBase, boolean verbose) {
    List<Finding> shown = verbose ? report.findings() : report.problems();
    Map<String, String> rules = new LinkedHashMap<>(ruleTitles);
    shown.forEach(f -> rules.putIfAbsent(f.ruleId(), f.ruleId()));
    Map<String, Integer> index = new LinkedHashMap<>();
    JsonWriter w = JsonWriter.create().beginObject()
        .member("$schema", SCHEMA_URI)
        .member("version", VERSION)
        .name("runs").beginArray().beginObject()
        .name("tool").beginObject()
        .name("driver").beginObject()
        .member("name", "vpctrain")
        .name("rules").beginArray();
    for (Map.Entry<String, String> r : rules.entrySet()) {
      index.put(r.getKey(), index.size());
      w.beginObject()
          .member("id", r.getKey())
          .name("shortDescription").beginObject().member("text", r.getValue()).endObject()
          .name("help").beginObject().member("text", "See docs/rules/" + r.getKey() + ".md").endObject();
      rulePagesBase.ifPresent(base -> w.member("helpUri", base + r.getKey() + ".md"));
      w.endObject();
    }
    w.endArray().endObject().endObject();
    w.name("artifacts").beginArray().beginObject()
        .name("location").beginObject().member("uri", artifactUri).endObject()
        .endObject().endArray();
    w.name("results").beginArray();
    for (Finding f : shown) {
      w.beginObject()
          .member("ruleId", f.ruleId())
          .member("ruleIndex", index.get(f.ruleId()));
      if (f.outcome() == Outcome.FAIL) {
        w.member("level", level(f.severity()));
      } else {
        w.member("kind", f.outcome() == Outcome.PASS ? "pass" : "open").member("level", "none");
      }
      String text = f.message() + f.remediation().map(r -> " Fix: " + r).orElse("");
      w.name("message").beginObject().member("text", text).endObject();
      w.name("locations").beginArray().beginObject()
          .name("physicalLocation").beginObject()
          .name("artifactLocation").beginObject().member("uri", artifactUri).member("index", 0).endObject()
          .name("region").beginObject().member("startLine", 1).endObject()
          .endObject();
      if (!f.resources().isEmpty()) {
        w.name("logicalLocations").beginArray();
        for (String resource : f.resources()) {
          w.beginObject().member("name", resource).member("kind", "resource").endObject();
        }
        w.endArray();
      }
      w.endObject().endArray();
      if (f.accepted()) {
        w.name("suppressions").beginArray().beginObject()
            .member("kind", "external")
            .member("status", "accepted")
            .member("justification", "The user accepted this unverified check (--accept-unverified "
                + f.ruleId() + "): they vouch for what the network snapshot cannot show.")
            .endObject().endArray();
      }
      w.name("properties").beginObject()
          .member("severity", f.severity().name())
          .member("outcome", f.outcome().name());
      if (f.accepted()) {
        w.member("accepted", true);
      }
      w.member("doc", f.doc())
          .endObject();
      w.endObject();
    }
    w.endArray();
    w.name("properties").beginObject()
        .member("job", report.jobName())
        .member("region", report.region())
        .member("verdict", report.verdict().name())
        .member("rulesEvaluated", report.rulesEvaluated())
        .endObject();
    return w.endObject().endArray().endObject().toString();
  }

  /**
   * {@return the SARIF level of a failing finding of {@code severity}}
   *
   * @param severity the finding's severity: ERROR gives {@code error}, WARNING {@code warning}, INFO {@code note}
   */
  public static String level(Severity severity) {
    switch (severity) {
      case ERROR:
        return "error";
      case WARNING:
        return "warning";
      default:
        return "note";
    }
  }
}
