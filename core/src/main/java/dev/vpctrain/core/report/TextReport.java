package dev.vpctrain.core.report;

import java.util.List;

/** Renders a report as text for people. */
public final class TextReport {
  private TextReport() {}

  /**
   * {@return the verdict line, then a block per finding (PASS ones only when {@code verbose}); accepted
   * UNVERIFIED findings are marked and counted apart, and acceptances that matched nothing are
   * listed at the end}
   *
   * @param report the preflight report
   * @param verbose whether to include passing checks too
   */
  public static String render(PreflightReport report, boolean verbose) {
    StringBuilder sb = new StringBuilder();
    List<Finding> shown = verbose ? report.findings() : report.problems();
    long errors = count(shown, Severity.ERROR);
    long warnings = count(shown, Severity.WARNING);
    long infos = count(shown, Severity.INFO);
    long accepted = shown.stream().filter(Finding::accepted).count();
    sb.append(report.verdict()).append("  job ").append(report.jobName()).append(" in ").append(report.region())
        .append(": ").append(errors).append(errors == 1 ? " error, " : " errors, ")
        .append(warnings).append(warnings == 1 ? " warning, " : " warnings, ")
        .append(infos).append(infos == 1 ? " info" : " infos");
    if (accepted > 0) {
      sb.append(", ").append(accepted).append(" accepted");
    }
    sb.append(" (").append(report.rulesEvaluated()).append(" rules evaluated)\n");
    for (Finding f : shown) {
      sb.append('\n');
      sb.append(f.severity()).append(' ').append(f.outcome()).append(f.accepted() ? " (accepted)" : "")
          .append("  ").append(f.ruleId()).append('\n');
      sb.append("  ").append(f.message()).append('\n');
      if (!f.resources().isEmpty()) {
        sb.append("  resources: ").append(String.join(", ", f.resources())).append('\n');
      }
      if (f.accepted()) {
        sb.append("  accepted: you vouched for what the snapshot cannot show; it does not hold the verdict back\n");
      }
      f.remediation().ifPresent(r -> sb.append("  fix: ").append(r.replace("\n", "\n       ")).append('\n'));
      sb.append("  see: ").append(f.doc()).append('\n');
    }
    List<Acceptance> unmatched = report.unmatchedAcceptances();
    if (!unmatched.isEmpty()) {
      sb.append('\n');
      for (Acceptance a : unmatched) {
        boolean namesFail = report.findings().stream().anyMatch(f -> f.isFail() && a.matches(f));
        sb.append("accepted ").append(a).append(": no UNVERIFIED finding matches it")
            .append(namesFail ? " (a FAIL cannot be accepted)" : "").append('\n');
      }
    }
    return sb.toString();
  }

  /** Shown findings of {@code severity} that failed or are undecided and not accepted. */
  private static long count(List<Finding> shown, Severity severity) {
    return shown.stream().filter(f -> f.severity() == severity && f.outcome() != Outcome.PASS && !f.accepted()).count();
  }
}
