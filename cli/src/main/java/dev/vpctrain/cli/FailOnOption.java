package dev.vpctrain.cli;

import picocli.CommandLine.Option;

/** {@code --fail-on LEVEL} of {@code check} and {@code launch}. A picocli mixin, declared here once. */
final class FailOnOption {
  /** The lowest severity whose FAIL counts as not ready. */
  enum Level { error, warning }

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
      description = "Lowest severity whose FAIL counts as not ready (check exits 1, launch refuses the job): "
          + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Level level;

  /** True with {@code --fail-on warning}: a failing WARNING counts as not ready too. */
  boolean warnings() {
    return level == Level.warning;
  }
}
