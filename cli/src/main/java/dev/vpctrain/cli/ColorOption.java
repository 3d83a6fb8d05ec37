package dev.vpctrain.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --color} and {@code --no-color} of the text report. A picocli mixin, declared here once. */
final class ColorOption {
  @Option(names = "--color", description = "Colour the text report even when the output is not a terminal.")
  boolean color;

  @Option(names = "--no-color", description = "Do not colour the text report. Setting NO_COLOR does the same; "
      + "by default a terminal gets colour and a pipe or file does not.")
  boolean noColor;

  /** The choice made on the command line: on, off, or empty to decide by the terminal. */
  Optional<Boolean> choice() {
    if (color && noColor) {
      throw new UsageException("--color and --no-color contradict each other; give one of them.");
    }
    return color ? Optional.of(true) : noColor ? Optional.of(false) : Optional.empty();
  }
}
