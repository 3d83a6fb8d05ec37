package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.core.rules.RuleEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the command line on every shared example (the project's copy, {@code testdata/shared-examples})
 * and every bundled one, and checks each {@code expect.json}. An expectation about a rule that this
 * build does not have fails: every rule an example names must exist.
 */
class ExamplesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final RuleEngine ENGINE = RuleEngine.standard();
  private static final Path SHARED = Path.of("..", "testdata", "shared-examples");
  private static final Path SCENARIOS = Path.of("src", "test", "resources", "scenarios");

  @TestFactory
  Stream<DynamicNode> sharedExamples() throws IOException {
    if (!Files.isDirectory(SHARED)) {
      return Stream.of(dynamicTest("shared examples present", () ->
          assertTrue(false, "no shared examples at " + SHARED.toAbsolutePath())));
    }
    List<Path> dirs;
    try (Stream<Path> s = Files.list(SHARED)) {
      dirs = s.filter(d -> Files.isRegularFile(d.resolve("expect.json"))).sorted().collect(Collectors.toList());
    }
    assertThat(dirs).isNotEmpty();
    return dirs.stream().map(d -> {
      List<String> args = new ArrayList<>(List.of("check", "--job", d.resolve("job.json").toString(),
          "--network", d.resolve("network.json").toString()));
      return scenario("shared " + d.getFileName(), read(d.resolve("expect.json")), args);
    });
  }

  /**
   * The project's own scenarios, {@code src/test/resources/scenarios/<name>/}: {@code job.json},
   * {@code network.json} (or the files {@code expect.json} names under {@code "job"} and
   * {@code "network"}, relative to the scenario) and {@code expect.json}. Strict: a rule the
   * scenario names must exist.
   */
  @TestFactory
  Stream<DynamicNode> projectScenarios() throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(SCENARIOS)) {
      dirs = s.filter(d -> Files.isRegularFile(d.resolve("expect.json"))).sorted().collect(Collectors.toList());
    }
    return dirs.stream().map(d -> {
      JsonNode expect = read(d.resolve("expect.json"));
      Set<String> unknown = namedRules(expect).stream().filter(id -> ENGINE.rule(id).isEmpty())
          .collect(Collectors.toCollection(LinkedHashSet::new));
      if (!unknown.isEmpty()) {
        return dynamicTest("scenario " + d.getFileName() + " names known rules", () ->
            assertThat(unknown).as("rules named by " + d).isEmpty());
      }
      List<String> args = new ArrayList<>(List.of("check",
          "--job", d.resolve(expect.path("job").asText("job.json")).normalize().toString(),
          "--network", d.resolve(expect.path("network").asText("network.json")).normalize().toString()));
      return scenario("scenario " + d.getFileName(), expect, args);
    });
  }

  @TestFactory
  Stream<DynamicNode> bundledExamples() {
    Map<String, String> index = Examples.index();
    assertThat(index).containsKeys("ready-private-endpoints", "dedicated-tenancy", "no-s3-endpoint",
        "public-subnet-igw", "sg-no-self-ingress", "subnet-out-of-ips");
    return index.keySet().stream().map(name -> {
      JsonNode expect = parse(Examples.file(name, "expect.json").orElseThrow());
      assertThat(Examples.file(name, "network.json")).as(name).isPresent();
      return scenario("bundled " + name, expect, new ArrayList<>(List.of("check", "--example", name)));
    });
  }

  private static DynamicNode scenario(String name, JsonNode expect, List<String> args) {
    expect.path("args").forEach(a -> args.add(a.asText()));
    args.add("--format");
    args.add("json");
    Cli[] result = new Cli[1];
    java.util.function.Supplier<Cli> run = () -> {
      if (result[0] == null) {
        result[0] = Cli.run(args.toArray(String[]::new));
      }
      return result[0];
    };
    List<DynamicNode> tests = new ArrayList<>();
    if (expect.has("exit")) {
      int exit = expect.get("exit").asInt();
      tests.add(dynamicTest("exits " + exit + " with a message and no stack trace", () -> {
        Cli r = run.get();
        assertThat(r.code).as(r.toString()).isEqualTo(exit);
        assertThat(r.err).as(r.toString()).isNotBlank().doesNotContain("\tat ");
        if (expect.has("message")) {
          assertThat(r.err).contains(expect.get("message").asText());
        }
      }));
      return DynamicContainer.dynamicContainer(name, tests);
    }
    String verdict = expect.get("verdict").asText();
    Set<String> named = namedRules(expect);
    Set<String> missing = named.stream().filter(id -> ENGINE.rule(id).isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    tests.add(dynamicTest("verdict " + verdict + " and its exit code", () -> {
      if (!verdict.equals("READY")) {
        assertTrue(missing.isEmpty(), "rules not built yet: " + missing);
      }
      Cli r = run.get();
      assertThat(r.err).as(r.toString()).doesNotContain("\tat ");
      JsonNode report = parse(r.out);
      assertThat(report.get("schema").asText()).isEqualTo("vpctrain-report/1");
      assertThat(report.get("verdict").asText()).as(r.toString()).isEqualTo(verdict);
      assertThat(r.code).as(r.toString()).isEqualTo(verdict.equals("READY") ? 0 : verdict.equals("NOT_READY") ? 1 : 2);
      if (verdict.equals("READY")) {
        assertThat(findings(report)).as("a READY scenario carries no ERROR finding but accepted UNVERIFIED ones")
            .noneMatch(f -> f.get("severity").asText().equals("ERROR") && !f.path("accepted").asBoolean(false));
      }
    }));
    if (expect.has("kind")) {
      String kind = expect.get("kind").asText();
      tests.add(dynamicTest("a report of a " + kind + " job", () -> {
        JsonNode report = parse(run.get().out);
        // training reports carry no kind member, as before processing and tuning jobs were checked
        assertThat(report.path("kind").asText("training")).isEqualTo(kind);
      }));
    }
    expect.path("definitions").properties().forEach(e -> tests.add(dynamicTest(
        e.getKey() + " is about definition " + e.getValue().asText(), () -> {
          JsonNode report = parse(run.get().out);
          assertThat(findings(report)).as(run.get().toString())
              .anySatisfy(f -> {
                assertThat(f.get("rule").asText()).isEqualTo(e.getKey());
                assertThat(f.path("definition").asText()).isEqualTo(e.getValue().asText());
              });
        })));
    expectFindings(tests, run, expect, "errors", "ERROR");
    expectFindings(tests, run, expect, "warnings", "WARNING");
    expectFindings(tests, run, expect, "infos", "INFO");
    for (JsonNode id : expect.path("unverified")) {
      String rule = id.asText();
      tests.add(dynamicTest("UNVERIFIED " + rule, () -> {
        assertTrue(ENGINE.rule(rule).isPresent(), rule + " not built yet");
        assertThat(findings(parse(run.get().out))).as(run.get().toString()).anyMatch(f ->
            f.get("rule").asText().equals(rule) && f.get("outcome").asText().equals("UNVERIFIED"));
      }));
    }
    for (JsonNode id : expect.path("accepted")) {
      String rule = id.asText();
      tests.add(dynamicTest("accepted UNVERIFIED " + rule, () ->
          assertThat(findings(parse(run.get().out))).as(run.get().toString()).anyMatch(f ->
              f.get("rule").asText().equals(rule) && f.get("outcome").asText().equals("UNVERIFIED")
                  && f.path("accepted").asBoolean(false))));
    }
    for (JsonNode id : expect.path("absent")) {
      String rule = id.asText();
      tests.add(dynamicTest("no ERROR FAIL of " + rule, () ->
          assertThat(findings(parse(run.get().out))).as(run.get().toString()).noneMatch(f ->
              f.get("rule").asText().equals(rule) && f.get("severity").asText().equals("ERROR")
                  && f.get("outcome").asText().equals("FAIL"))));
    }
    Iterator<Map.Entry<String, JsonNode>> resources = expect.path("resources").fields();
    while (resources.hasNext()) {
      Map.Entry<String, JsonNode> e = resources.next();
      String rule = e.getKey();
      List<String> ids = new ArrayList<>();
      e.getValue().forEach(v -> ids.add(v.asText()));
      tests.add(dynamicTest(rule + " names " + ids, () -> {
        assertTrue(ENGINE.rule(rule).isPresent(), rule + " not built yet");
        Set<String> listed = new LinkedHashSet<>();
        findings(parse(run.get().out)).stream().filter(f -> f.get("rule").asText().equals(rule))
            .forEach(f -> f.get("resources").forEach(x -> listed.add(x.asText())));
        assertThat(listed).as(run.get().toString()).containsAll(ids);
      }));
    }
    return DynamicContainer.dynamicContainer(name, tests);
  }

  private static void expectFindings(List<DynamicNode> tests, java.util.function.Supplier<Cli> run, JsonNode expect,
      String key, String severity) {
    for (JsonNode id : expect.path(key)) {
      String rule = id.asText();
      tests.add(dynamicTest(severity + " FAIL " + rule, () -> {
        assertTrue(ENGINE.rule(rule).isPresent(), rule + " not built yet");
        assertThat(findings(parse(run.get().out))).as(run.get().toString()).anyMatch(f ->
            f.get("rule").asText().equals(rule) && f.get("severity").asText().equals(severity)
                && f.get("outcome").asText().equals("FAIL"));
      }));
    }
  }

  private static Set<String> namedRules(JsonNode expect) {
    Set<String> ids = new LinkedHashSet<>();
    for (String key : List.of("errors", "warnings", "infos", "unverified", "accepted", "absent")) {
      expect.path(key).forEach(n -> ids.add(n.asText()));
    }
    expect.path("resources").fieldNames().forEachRemaining(ids::add);
    return ids;
  }

  private static List<JsonNode> findings(JsonNode report) {
    List<JsonNode> out = new ArrayList<>();
    report.get("findings").forEach(out::add);
    return out;
  }

  private static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }
}
