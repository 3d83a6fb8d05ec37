package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden reports: the complete verbose JSON and text report of every bundled example, every shared
 * example (the project's copy in {@code testdata/shared-examples}) and every project scenario, byte for byte. A refactoring that must not change behaviour keeps these files
 * unchanged; a deliberate change of behaviour regenerates them
 * ({@code ./mvnw -B -o -pl cli -am test -Dtest=GoldenReportsTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true})
 * and the diff is reviewed in the commit.
 */
class GoldenReportsTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final Path SCENARIOS = Path.of("src", "test", "resources", "scenarios");
  private static final Path SHARED_EXAMPLES = Path.of("..", "testdata", "shared-examples");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> goldenReports() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : Examples.index().keySet()) {
      List<String> args = new ArrayList<>(List.of("check", "--example", name));
      expectArgs(Examples.file(name, "expect.json").orElse("{}"), args);
      addCases(tests, "example-" + name, args);
    }
    addFolders(tests, SHARED_EXAMPLES, "shared-");
    addFolders(tests, SCENARIOS, "scenario-");
    return tests.stream();
  }

  /** A case per folder of {@code root} with a job, a network and an {@code expect.json} that is not an input error. */
  private static void addFolders(List<DynamicTest> tests, Path root, String prefix) throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(d -> Files.isRegularFile(d.resolve("expect.json"))).sorted().collect(Collectors.toList());
    }
    for (Path d : dirs) {
      String expectText = Files.readString(d.resolve("expect.json"));
      JsonNode expect = MAPPER.readTree(expectText);
      if (expect.has("exit")) {
        continue; // input errors: their messages are checked by ExamplesTest
      }
      List<String> args = new ArrayList<>(List.of("check",
          "--job", d.resolve(expect.path("job").asText("job.json")).normalize().toString(),
          "--network", d.resolve(expect.path("network").asText("network.json")).normalize().toString()));
      expectArgs(expectText, args);
      addCases(tests, prefix + d.getFileName(), args);
    }
  }

  private static void expectArgs(String expectText, List<String> args) {
    try {
      MAPPER.readTree(expectText).path("args").forEach(a -> args.add(a.asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addCases(List<DynamicTest> tests, String name, List<String> args) {
    for (String format : List.of("json", "text")) {
      List<String> full = new ArrayList<>(args);
      full.addAll(List.of("--format", format, "--verbose"));
      Path golden = GOLDEN.resolve(name + "." + format);
      tests.add(dynamicTest(name + " (" + format + ")", () -> {
        Cli r = Cli.run(full.toArray(String[]::new));
        assertThat(r.err).as(r.toString()).doesNotContain("\tat ");
        String actual = r.out.replace(Path.of("").toAbsolutePath().toString(), "<cli>");
        if (UPDATE) {
          Files.createDirectories(GOLDEN);
          Files.writeString(golden, actual, StandardCharsets.UTF_8);
          return;
        }
        assertThat(golden).as("golden file " + golden + " (create it with -Dgolden.update=true)").isRegularFile();
        assertThat(actual).as(name + " " + format).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
      }));
    }
  }
}
