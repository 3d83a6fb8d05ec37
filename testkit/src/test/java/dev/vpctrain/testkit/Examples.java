package dev.vpctrain.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The shared example folders: the project's copy in {@code testdata/shared-examples}. */
final class Examples {
  static final Path DIR = Path.of("..", "testdata", "shared-examples");

  private Examples() {}

  /** The folder of example {@code name}; the project's copy of the shared examples (testdata/shared-examples). */
  static Path folder(String name) {
    assertTrue(Files.isDirectory(DIR), "shared examples not found at " + DIR.toAbsolutePath());
    return DIR.resolve(name);
  }

  /** Every example folder with a job and a network. */
  static List<Path> folders() {
    assertTrue(Files.isDirectory(DIR), "shared examples not found at " + DIR.toAbsolutePath());
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("network.json")) && Files.isRegularFile(p.resolve("job.json")))
          .sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
