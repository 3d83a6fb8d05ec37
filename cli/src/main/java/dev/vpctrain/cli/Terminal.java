package dev.vpctrain.cli;

import dev.vpctrain.core.report.TextOptions;
import java.util.Map;
import java.util.Optional;

/**
 * Where the CLI's output goes, as far as the text report cares: a terminal or not, and the
 * environment ({@code NO_COLOR}, {@code COLUMNS}, {@code TERM}). {@link #textOptions} turns it and
 * the command line's choices into the report's {@link TextOptions}:
 *
 * <ul>
 *   <li>colour: {@code --no-color} turns it off and {@code --color} on; otherwise it is on for a
 *       terminal, unless {@code NO_COLOR} is set to a non-empty value (no-color.org) or
 *       {@code TERM} is {@code dumb};
 *   <li>width: on a terminal, {@code COLUMNS} when it is a positive number, else 80; output that
 *       is not a terminal (a pipe, a file) is not wrapped, so that commands and ids stay on one line.
 * </ul>
 *
 * @param terminal true when standard output is a terminal ({@code System.console() != null})
 * @param env the environment variables
 */
record Terminal(boolean terminal, Map<String, String> env) {
  /** The width of a terminal that does not say ({@code COLUMNS} unset). */
  static final int DEFAULT_WIDTH = 80;

  /** The process's own: its console and environment. */
  static Terminal system() {
    return new Terminal(stdoutIsTerminal(), System.getenv());
  }

  /**
   * True when the JVM has a console, which on Java 17 to 21 means standard input and output are a
   * terminal; from Java 22 a console exists even for a pipe and {@code Console.isTerminal()} tells.
   */
  @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() where it exists
  static boolean stdoutIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // before Java 22: a console is a terminal
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** The report options for {@code color} ({@code --color}/{@code --no-color}, or empty) and {@code verbose}. */
  TextOptions textOptions(Optional<Boolean> color, boolean verbose) {
    return TextOptions.builder()
        .color(color.orElseGet(this::colorByDefault))
        .width(width())
        .verbose(verbose)
        .build();
  }

  private boolean colorByDefault() {
    String noColor = env.get("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }

  /**
   * Whether the output can be redrawn in place (the live display of a job): a terminal, unless
   * {@code TERM} is {@code dumb}, which moves no cursor.
   */
  boolean redraws() {
    return terminal && !"dumb".equals(env.get("TERM"));
  }

  /** The column to wrap at: 0 (none) unless a terminal. */
  int width() {
    if (!terminal) {
      return 0;
    }
    String columns = env.getOrDefault("COLUMNS", "").strip();
    try {
      int n = Integer.parseInt(columns);
      return n > 0 ? n : DEFAULT_WIDTH;
    } catch (NumberFormatException e) {
      return DEFAULT_WIDTH;
    }
  }
}
