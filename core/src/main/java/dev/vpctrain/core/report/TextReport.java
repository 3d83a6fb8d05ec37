package dev.vpctrain.core.report;

import java.util.List;

/** Renders a report as text for people. */
public final class TextReport {
  private TextReport() {}

  /** The verdict line, then a block per finding (PASS ones only when {@code verbose}). */
  public static String render(PreflightReport report, boolean verbose) {
    StringBuilder sb = new StringBuilder();
    List<Finding> shown = verbose ? report.findings() : report.problems();
    long errors = shown.stream().filter(f -> f.severity() == Severity.ERROR && f.outcome() != Outcome.PASS).count();
    long warnings = shown.stream().filter(f -> f.severity() == Severity.WARNING && f.outcome() != Outcome.PASS).count();
    long infos = shown.stream().filter(f -> f.severity() == Severity.INFO && f.outcome() != Outcome.PASS).count();
    sb.append(report.verdict()).append("  job ").append(report.jobName()).append(" in ").append(report.region())
        .append(": ").append(errors).append(errors == 1 ? " error, " : " errors, ")
        .append(warnings).append(warnings == 1 ? " warning, " : " warnings, ")
        .append(infos).append(infos == 1 ? " info" : " infos")
        .append(" (").append(report.rulesEvaluated()).append(" rules evaluated)\n");
    for (Finding f : shown) {
      sb.append('\n');
      sb.append(f.severity()).append(' ').append(f.outcome()).append("  ").append(f.ruleId()).append('\n');
      sb.append("  ").append(f.message()).append('\n');
      if (!f.resources().isEmpty()) {
        sb.append("  resources: ").append(String.join(", ", f.resources())).append('\n');
      }
      f.remediation().ifPresent(r -> sb.append("  fix: ").append(r.replace("\n", "\n       ")).append('\n'));
      sb.append("  see: ").append(f.doc()).append('\n');
    }
    return sb.toString();
  }
}
