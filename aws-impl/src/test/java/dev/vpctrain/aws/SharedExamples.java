package dev.vpctrain.aws;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The shared example scenarios beside the repository ({@code ../shared/examples}), when present. */
public final class SharedExamples {
  private SharedExamples() {}

  /** The example folders; the test is skipped when the shared examples are absent. */
  public static List<Path> folders() throws IOException {
    Path dir = Path.of("..", "..", "shared", "examples");
    assumeTrue(Files.isDirectory(dir), "shared examples not found at " + dir.toAbsolutePath());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("job.json"))).sorted().collect(Collectors.toList());
    }
  }
}
