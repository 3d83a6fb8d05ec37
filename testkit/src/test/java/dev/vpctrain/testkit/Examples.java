package dev.vpctrain.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The shared example folders beside the repository ({@code ../shared/examples}). */
final class Examples {
  static final Path DIR = Path.of("..", "..", "shared", "examples");

  private Examples() {}

  /** The folder of example {@code name}; the test is skipped when the shared examples are absent. */
  static Path folder(String name) {
    assumeTrue(Files.isDirectory(DIR), "shared examples not found at " + DIR.toAbsolutePath());
    return DIR.resolve(name);
  }

  /** Every example folder with a job and a network. */
  static List<Path> folders() {
    assumeTrue(Files.isDirectory(DIR), "shared examples not found at " + DIR.toAbsolutePath());
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("network.json")) && Files.isRegularFile(p.resolve("job.json")))
          .sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
