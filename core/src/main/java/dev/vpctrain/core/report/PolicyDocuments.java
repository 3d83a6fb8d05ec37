package dev.vpctrain.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The policy documents inside a remediation: a JSON object over several lines, opened by a line
 * that ends in <code>{</code> and closed by the first later line that starts with <code>}</code>.
 * The text report prints them as they are (never wrapped, so that they can be copied) when verbose,
 * and otherwise replaces each by a one-line note.
 */
final class PolicyDocuments {
  private PolicyDocuments() {}

  /** Per line of {@code lines}: true inside a document, after the line that opens it. */
  static boolean[] inside(List<String> lines) {
    boolean[] in = new boolean[lines.size()];
    for (int open = 0; open < lines.size(); open++) {
      if (!lines.get(open).endsWith("{")) {
        continue;
      }
      int close = close(lines, open);
      if (close > open) {
        for (int i = open + 1; i <= close; i++) {
          in[i] = true;
        }
        open = close;
      }
    }
    return in;
  }

  /** The lines of {@code remediation} with each document replaced by a note of its size. */
  static List<String> elide(String remediation) {
    List<String> lines = remediation.lines().toList();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      int close = l.endsWith("{") ? close(lines, i) : -1;
      if (close < 0) {
        out.add(l);
        continue;
      }
      String before = l.substring(0, l.length() - 1);
      String after = lines.get(close).substring(1);
      out.add(before + "<a policy document of " + (close - i + 1) + " lines: vpctrain plan or --verbose prints it>"
          + after);
      i = close;
    }
    return out;
  }

  /** The line that closes the document opened at {@code open}, or -1. */
  private static int close(List<String> lines, int open) {
    for (int i = open + 1; i < lines.size(); i++) {
      if (lines.get(i).startsWith("}")) {
        return i;
      }
    }
    return -1;
  }
}
