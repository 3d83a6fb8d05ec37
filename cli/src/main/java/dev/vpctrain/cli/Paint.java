package dev.vpctrain.cli;

import dev.vpctrain.core.report.Verdict;
import java.util.Locale;

/**
 * ANSI colours of the words the commands print outside the text report: a verdict (in the text
 * report's colours) and a training job's state. With colour off, every word is returned as it is.
 *
 * @param on whether to colour
 */
record Paint(boolean on) {
  private static final String RESET = "\u001B[0m";
  private static final String BOLD = "\u001B[1m";
  private static final String RED = "\u001B[31m";
  private static final String GREEN = "\u001B[32m";
  private static final String YELLOW = "\u001B[33m";

  /** {@code v}'s name in the text report's verdict colour: READY green, NOT_READY red, UNVERIFIED yellow. */
  String verdict(Verdict v) {
    String color = v == Verdict.READY ? GREEN : v == Verdict.NOT_READY ? RED : YELLOW;
    return paint(BOLD + color, v.name());
  }

  /**
   * A training job's status or secondary status ({@code Completed}, {@code FAILED}, {@code Training}...):
   * green when it completed, red when it failed or ran out of time, yellow when it stopped; the
   * states on the way are bold.
   */
  String state(String state) {
    switch (state.toLowerCase(Locale.ROOT)) {
      case "completed":
        return paint(BOLD + GREEN, state);
      case "failed":
      case "maxruntimeexceeded":
      case "maxwaittimeexceeded":
      case "interrupted":
        return paint(BOLD + RED, state);
      case "stopping":
      case "stopped":
        return paint(BOLD + YELLOW, state);
      default:
        return paint(BOLD, state);
    }
  }

  /** {@code text} in bold. */
  String bold(String text) {
    return paint(BOLD, text);
  }

  /**
   * {@code line} with the word {@code state} that follows {@code prefix} painted as a {@link #state};
   * unchanged when it does not start so.
   */
  String stateAfter(String prefix, String state, String line) {
    if (!on || !line.startsWith(prefix + state)) {
      return line;
    }
    return prefix + state(state) + line.substring(prefix.length() + state.length());
  }

  private String paint(String color, String text) {
    return on ? color + text + RESET : text;
  }
}
