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

  /**
   * The text report as people see it, for the {@code report-*} scenarios: the short form into a pipe
   * ({@code .short.text}), with {@code --color} ({@code .color.text}), and on a terminal 72 columns
   * wide ({@code .wrapped.text}, colour on as a terminal has it).
   */
  @TestFactory
  Stream<DynamicTest> textLayouts() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> dirs;
    try (Stream<Path> s = Files.list(SCENARIOS)) {
      dirs = s.filter(d -> d.getFileName().toString().startsWith("report-")).sorted().collect(Collectors.toList());
    }
    Terminal pipe = new Terminal(false, java.util.Map.of());
    Terminal narrow = new Terminal(true, java.util.Map.of("COLUMNS", "72"));
    for (Path d : dirs) {
      JsonNode expect = MAPPER.readTree(Files.readString(d.resolve("expect.json")));
      List<String> args = new ArrayList<>(List.of("check",
          "--job", d.resolve(expect.path("job").asText("job.json")).normalize().toString(),
          "--network", d.resolve(expect.path("network").asText("network.json")).normalize().toString()));
      expect.path("args").forEach(a -> args.add(a.asText()));
      String name = "report-" + d.getFileName().toString().substring("report-".length());
      tests.add(golden(name + ".short.text", pipe, args));
      List<String> colour = new ArrayList<>(args);
      colour.add("--color");
      tests.add(golden(name + ".color.text", pipe, colour));
      tests.add(golden(name + ".wrapped.text", narrow, args));
    }
    return tests.stream();
  }

  /** {@code vpctrain explain} of one rule: its page as bundled in the jar. */
  @TestFactory
  Stream<DynamicTest> explain() {
    return Stream.of(golden("explain-s3.route.missing.md", new Terminal(false, java.util.Map.of()),
        List.of("explain", "s3.route.missing")));
  }

  private static DynamicTest golden(String file, Terminal terminal, List<String> args) {
    Path golden = GOLDEN.resolve(file);
    return dynamicTest(file, () -> {
      Cli r = Cli.run(terminal, args.toArray(String[]::new));
      assertThat(r.err).as(r.toString()).isEmpty();
      String actual = r.out.replace(Path.of("").toAbsolutePath().toString(), "<cli>");
      if (UPDATE) {
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(golden).as("golden file " + golden + " (create it with -Dgolden.update=true)").isRegularFile();
      assertThat(actual).as(file).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    });
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
