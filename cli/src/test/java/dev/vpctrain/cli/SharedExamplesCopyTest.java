package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tests read the project's copy of the specification's examples ({@code testdata/shared-examples});
 * this keeps the copy whole and, where the workspace has the specification beside the repository,
 * identical to it.
 */
class SharedExamplesCopyTest {
  private static final Path COPY = Path.of("..", "testdata", "shared-examples");
  private static final Path SPEC = Path.of("..", "..", "shared", "examples");

  @Test
  void theCopyHoldsTheSixExamplesWhole() throws IOException {
    List<String> folders = files(COPY).stream().filter(f -> f.endsWith("/job.json"))
        .map(f -> f.substring(0, f.indexOf('/'))).collect(Collectors.toList());
    assertThat(folders).containsExactly("dedicated-tenancy", "no-s3-endpoint", "public-subnet-igw",
        "ready-private-endpoints", "sg-no-self-ingress", "subnet-out-of-ips");
    for (String f : folders) {
      assertThat(COPY.resolve(f).resolve("network.json")).isRegularFile();
      assertThat(COPY.resolve(f).resolve("expect.json")).isRegularFile();
    }
  }

  @Test
  void theCopyEqualsTheSpecificationsExamplesWhereTheyAreBeside() throws IOException {
    if (!Files.isDirectory(SPEC)) {
      return; // a clean clone: the copy is the reference (checked whole above)
    }
    assertThat(files(COPY)).isEqualTo(files(SPEC));
    for (String f : files(SPEC)) {
      assertThat(Files.readAllBytes(COPY.resolve(f))).as(f).isEqualTo(Files.readAllBytes(SPEC.resolve(f)));
    }
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
          .collect(Collectors.toList());
    }
  }
}
