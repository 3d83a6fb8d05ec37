package dev.vpctrain.aws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The shared example scenarios: the project's copy in {@code testdata/shared-examples}. */
public final class SharedExamples {
  private SharedExamples() {}

  /** The example folders; the project's copy of the shared examples (testdata/shared-examples). */
  public static List<Path> folders() throws IOException {
    Path dir = Path.of("..", "testdata", "shared-examples");
    assertTrue(Files.isDirectory(dir), "shared examples not found at " + dir.toAbsolutePath());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("job.json"))).sorted().collect(Collectors.toList());
    }
  }
}
