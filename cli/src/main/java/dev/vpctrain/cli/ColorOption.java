package dev.vpctrain.cli;

import dev.vpctrain.core.report.TextOptions;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --color} and {@code --no-color}, and the {@link Terminal} the output goes to: together they
 * decide the colour and width of a command's text output. A picocli mixin, declared here once; every
 * command that prints the text report or status lines mixes it in, and {@link Main#run} hands each
 * one the same terminal.
 */
final class ColorOption {
  @Option(names = "--color", description = "Colour the output even when it is not a terminal.")
  boolean color;

  @Option(names = "--no-color", description = "Do not colour the output. Setting NO_COLOR does the same; "
      + "by default a terminal gets colour and a pipe or file does not.")
  boolean noColor;

  /** Where the output goes; {@link Main#run} sets it, else the process's own. */
  private Terminal terminal;

  /** The choice made on the command line: on, off, or empty to decide by the terminal. */
  Optional<Boolean> choice() {
    if (color && noColor) {
      throw new UsageException("--color and --no-color contradict each other; give one of them.");
    }
    return color ? Optional.of(true) : noColor ? Optional.of(false) : Optional.empty();
  }

  /** Sends the output to {@code terminal} (colour and width follow it). */
  void terminal(Terminal terminal) {
    this.terminal = terminal;
  }

  /** Where the output goes. */
  Terminal terminal() {
    if (terminal == null) {
      terminal = Terminal.system();
    }
    return terminal;
  }

  /** The text report's options: colour and width from the flags and the terminal, and {@code verbose}. */
  TextOptions textOptions(boolean verbose) {
    return terminal().textOptions(choice(), verbose);
  }

  /** The colours of the output's words (verdicts, job states), off when the output has none. */
  Paint paint() {
    return new Paint(textOptions(false).color());
  }
}
