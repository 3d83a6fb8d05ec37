package dev.vpctrain.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -o/--output FILE}: where a command writes what it produces (snapshot, audit). A picocli mixin. */
final class OutputFileOption {
  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Where to write the output: the bundle of snapshot, the results of audit (default: stdout).")
  Path output;
}
