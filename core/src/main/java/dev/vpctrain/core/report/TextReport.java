package dev.vpctrain.core.report;

import dev.vpctrain.core.job.JobKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Renders a report as text for people. The layout:
 *
 * <ol>
 *   <li>the verdict line with the counts: errors and warnings (FAIL), unverified (ERROR and WARNING
 *       checks that could not be decided, not accepted), infos, accepted;
 *   <li>one block per ERROR FAIL, then per WARNING FAIL, then per UNVERIFIED ERROR or WARNING (the
 *       accepted ones marked): the message, the resources, the fix and the rule's page;
 *   <li>the INFO findings, one line each (in full with their advice when verbose);
 *   <li>when verbose, the checks that passed;
 *   <li>acceptances that matched nothing.
 * </ol>
 *
 * <p>A fix's policy document (a JSON object over several lines) is replaced by a one-line note
 * unless verbose. With a {@linkplain TextOptions#width() width}, prose is wrapped at spaces (a word
 * longer than the line is not broken) and policy documents are left as they are.
 */
public final class TextReport {
  private static final String RESET = "\u001B[0m";
  private static final String BOLD = "\u001B[1m";
  private static final String DIM = "\u001B[2m";
  private static final String RED = "\u001B[31m";
  private static final String GREEN = "\u001B[32m";
  private static final String YELLOW = "\u001B[33m";
  private static final String MAGENTA = "\u001B[35m";
  private static final String CYAN = "\u001B[36m";

  private final TextOptions options;
  private final StringBuilder sb = new StringBuilder();

  private TextReport(TextOptions options) {
    this.options = options;
  }

  /**
   * The report in the default layout ({@link TextOptions#plain()}), or verbose.
   *
   * @param report the report to render
   * @param verbose true to print everything ({@link TextOptions#verbose()}): INFO advice and policy
   *     documents in full, and the checks that passed
   * @return the text, lines ending in {@code \n}, without colour or wrapping
   */
  public static String render(PreflightReport report, boolean verbose) {
    return render(report, TextOptions.builder().verbose(verbose).build());
  }

  /**
   * The report laid out by {@code options}.
   *
   * @param report the report to render
   * @param options the width, colour and verbosity
   * @return the text, lines ending in {@code \n}
   */
  public static String render(PreflightReport report, TextOptions options) {
    return new TextReport(options).write(report);
  }

  private String write(PreflightReport report) {
    List<Finding> all = report.findings();
    List<Finding> errors = where(all, f -> f.isFail() && f.severity() == Severity.ERROR);
    List<Finding> warnings = where(all, f -> f.isFail() && f.severity() == Severity.WARNING);
    List<Finding> unverified = where(all, f -> f.isUnverified() && f.severity() != Severity.INFO);
    List<Finding> infos = where(all, f -> f.outcome() != Outcome.PASS && f.severity() == Severity.INFO);
    long open = unverified.stream().filter(f -> !f.accepted()).count();
    long accepted = all.stream().filter(Finding::accepted).count();
    StringBuilder verdict = new StringBuilder()
        .append(paint(verdictColor(report.verdict()), report.verdict().name()))
        .append(report.kind() == JobKind.TRAINING ? "  job " : "  " + report.kind().label() + " job ").append(report.jobName()).append(" in ").append(report.region()).append(": ")
        .append(count(errors.size(), "error", "errors")).append(", ")
        .append(count(warnings.size(), "warning", "warnings")).append(", ")
        .append(open).append(" unverified, ")
        .append(count(infos.size(), "info", "infos"));
    if (accepted > 0) {
      verdict.append(", ").append(accepted).append(" accepted");
    }
    verdict.append(" (").append(report.rulesEvaluated()).append(" rules evaluated)");
    wrap("", verdict.toString(), 2);
    errors.forEach(this::block);
    warnings.forEach(this::block);
    unverified.forEach(this::block);
    if (options.verbose()) {
      infos.forEach(this::block);
      where(all, f -> f.outcome() == Outcome.PASS).forEach(this::block);
    } else if (!infos.isEmpty()) {
      sb.append('\n');
      infos.forEach(this::line);
    }
    List<Acceptance> unmatched = report.unmatchedAcceptances();
    if (!unmatched.isEmpty()) {
      sb.append('\n');
      for (Acceptance a : unmatched) {
        boolean namesFail = all.stream().anyMatch(f -> f.isFail() && a.matches(f));
        wrap("", "accepted " + a + ": no UNVERIFIED finding matches it"
            + (namesFail ? " (a FAIL cannot be accepted)" : ""), 2);
      }
    }
    return sb.toString();
  }

  private static List<Finding> where(List<Finding> findings, Predicate<Finding> p) {
    List<Finding> out = new ArrayList<>();
    findings.stream().filter(p).forEach(out::add);
    return out;
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** A finding in full: heading, message, resources, fix and page. */
  private void block(Finding f) {
    sb.append('\n').append(heading(f)).append("  ").append(paint(BOLD, f.ruleId())).append('\n');
    wrap("  ", f.message(), 2);
    f.definition().ifPresent(d -> wrap(label("definition:"), d, 4));
    if (!f.resources().isEmpty()) {
      wrap(label("resources:"), String.join(", ", f.resources()), 4);
    }
    if (f.accepted()) {
      wrap(label("accepted:"), "you vouched for what the snapshot cannot show; it does not hold the verdict back", 4);
    }
    f.remediation().ifPresent(this::fix);
    sb.append(label("see:")).append(f.doc()).append('\n');
  }

  /** A finding in one line: heading, rule id and message, cut at the width. */
  private void line(Finding f) {
    String head = heading(f) + "  " + paint(BOLD, f.ruleId()) + "  ";
    int used = visible(heading(f)) + 2 + f.ruleId().length() + 2;
    String text = f.definition().map(d -> d + ": ").orElse("") + f.message();
    if (options.width() > 0 && used + text.length() > options.width()) {
      int room = Math.max(options.width() - used - 1, 10);
      text = text.length() > room ? text.substring(0, room).stripTrailing() + "…" : text;
    }
    sb.append(head).append(text).append('\n');
  }

  private String heading(Finding f) {
    String plain = f.severity() + " " + f.outcome() + (f.accepted() ? " (accepted)" : "");
    return paint(headingColor(f), plain);
  }

  /** The fix: prose wrapped, a policy document kept as it is (verbose) or replaced by a note. */
  private void fix(String remediation) {
    List<String> lines = options.verbose() ? remediation.lines().toList() : PolicyDocuments.elide(remediation);
    boolean[] document = PolicyDocuments.inside(lines);
    for (int i = 0; i < lines.size(); i++) {
      String prefix = i == 0 ? label("fix:") : "       ";
      if (document[i]) {
        sb.append(prefix).append(lines.get(i)).append('\n'); // JSON as it is, so that it can be copied
      } else {
        wrap(prefix, lines.get(i), 7);
      }
    }
  }

  private String label(String name) {
    return "  " + paint(DIM, name) + " ";
  }

  /**
   * Appends {@code prefix} then {@code text}, wrapped at the width with later lines indented by
   * {@code indent} spaces; without a width, one line.
   */
  private void wrap(String prefix, String text, int indent) {
    int width = options.width();
    if (width <= 0) {
      sb.append(prefix).append(text).append('\n');
      return;
    }
    String pad = " ".repeat(indent);
    StringBuilder line = new StringBuilder(prefix);
    int col = visible(prefix);
    boolean empty = true;
    for (String word : text.split(" ", -1)) {
      int length = visible(word);
      if (!empty && col + 1 + length > width) {
        sb.append(line.toString().stripTrailing()).append('\n');
        line.setLength(0);
        line.append(pad);
        col = indent;
        empty = true;
      }
      if (!empty) {
        line.append(' ');
        col++;
      }
      line.append(word);
      col += length;
      empty = false;
    }
    sb.append(line).append('\n');
  }

  /** The length of {@code s} on the screen: without its colour codes. */
  static int visible(String s) {
    return s.replaceAll("\u001B\\[[0-9;]*m", "").length();
  }

  private String paint(String color, String text) {
    return options.color() ? color + text + RESET : text;
  }

  private static String verdictColor(Verdict v) {
    switch (v) {
      case READY:
        return BOLD + GREEN;
      case NOT_READY:
        return BOLD + RED;
      default:
        return BOLD + YELLOW;
    }
  }

  private static String headingColor(Finding f) {
    if (f.accepted()) {
      return DIM;
    }
    switch (f.outcome()) {
      case PASS:
        return GREEN;
      case UNVERIFIED:
        return f.severity() == Severity.INFO ? CYAN : MAGENTA;
      default:
        switch (f.severity()) {
          case ERROR:
            return BOLD + RED;
          case WARNING:
            return YELLOW;
          default:
            return CYAN;
        }
    }
  }
}
