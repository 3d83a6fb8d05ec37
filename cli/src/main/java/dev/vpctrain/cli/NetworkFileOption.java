package dev.vpctrain.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --network FILE}: a snapshot bundle to check against instead of the live network. A picocli
 * mixin, declared here once for {@link NetworkOptions} (check, plan, apply) and {@code launch}.
 */
final class NetworkFileOption {
  @Option(names = "--network", paramLabel = "FILE",
      description = "A snapshot bundle of the network (JSON), read instead of the live AWS APIs.")
  Path file;
}
