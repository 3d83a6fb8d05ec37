package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule catalogue checks itself: every rule of {@link RuleEngine#standard()} has a unique id, a
 * class in the package its id prefix names, its own test class in core, a docs page headed by its
 * id, a line in the docs index, a line in {@code vpctrain rules} and an entry in the SARIF rule list;
 * and every docs page belongs to a rule. Each failure names the rule and what is missing.
 */
class RuleCatalogueTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path DOCS = Path.of("..", "docs", "rules");
  private static final Path CORE_TESTS = Path.of("..", "core", "src", "test", "java");

  /**
   * Rule-id prefix (the part before the first dot) to the last segment of the Java package its class
   * lives in, under {@code dev.vpctrain.core.internal.rules}. Mostly the same word; the {@code sg.*} and
   * {@code nacl.*} rules both check traffic between the job's own instances and share package
   * {@code cluster} (rules.md, "traffic between the job's instances"). A new prefix needs a row here.
   */
  private static final Map<String, String> PACKAGE_OF_PREFIX = Map.ofEntries(
      Map.entry("request", "request"),
      Map.entry("vpc", "vpc"),
      Map.entry("subnet", "subnet"),
      Map.entry("s3", "s3"),
      Map.entry("egress", "egress"),
      Map.entry("isolation", "isolation"),
      Map.entry("sg", "cluster"),
      Map.entry("nacl", "cluster"),
      Map.entry("fs", "fs"),
      Map.entry("target", "target"),
      Map.entry("role", "role"));

  private static List<Rule> catalogue() {
    return RuleEngine.standard().rules();
  }

  private static void assertNoProblems(String what, List<String> problems) {
    assertThat(problems).withFailMessage("%s", what + ":\n  " + String.join("\n  ", problems)).isEmpty();
  }

  @Test
  void idsAreUnique() {
    Set<String> seen = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (Rule r : catalogue()) {
      if (!seen.add(r.id())) {
        problems.add("rule " + r.id() + " (" + r.getClass().getName() + "): the id is used by more than one rule");
      }
    }
    assertThat(seen).as("the catalogue").isNotEmpty();
    assertNoProblems("duplicate rule ids", problems);
  }

  @Test
  void everyRuleLivesInThePackageItsIdPrefixNames() {
    List<String> problems = new ArrayList<>();
    for (Rule r : catalogue()) {
      String prefix = r.id().substring(0, Math.max(0, r.id().indexOf('.')));
      String pkg = r.getClass().getPackageName();
      String expected = PACKAGE_OF_PREFIX.get(prefix);
      if (expected == null) {
        problems.add("rule " + r.id() + ": its id prefix '" + prefix + "' has no row in PACKAGE_OF_PREFIX");
      } else if (!pkg.equals("dev.vpctrain.core.internal.rules." + expected)) {
        problems.add("rule " + r.id() + ": class " + r.getClass().getName() + " is not in package dev.vpctrain.core.internal.rules."
            + expected + " (prefix '" + prefix + "')");
      }
    }
    assertNoProblems("rules outside the package their id prefix names", problems);
  }

  @Test
  void everyRuleHasItsOwnTestClassInCore() {
    List<String> problems = new ArrayList<>();
    for (Rule r : catalogue()) {
      Class<?> c = r.getClass();
      Path test = CORE_TESTS.resolve(c.getPackageName().replace('.', '/')).resolve(c.getSimpleName() + "Test.java");
      if (!Files.isRegularFile(test)) {
        problems.add("rule " + r.id() + ": no test class " + Path.of("core/src/test/java").resolve(CORE_TESTS.relativize(test)));
      }
    }
    assertNoProblems("rules without a test class of their own", problems);
  }

  @Test
  void everyRuleHasADocsPageHeadedByItsId() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Rule r : catalogue()) {
      Path page = DOCS.resolve(r.id() + ".md");
      if (!Files.isRegularFile(page)) {
        problems.add("rule " + r.id() + ": no page docs/rules/" + r.id() + ".md");
        continue;
      }
      String first = Files.readAllLines(page).stream().filter(l -> !l.isBlank()).findFirst().orElse("");
      if (!first.matches("#\\s+`?" + java.util.regex.Pattern.quote(r.id()) + "`?\\s*")) {
        problems.add("rule " + r.id() + ": docs/rules/" + r.id() + ".md does not start with the heading '# " + r.id()
            + "' (it starts with '" + first + "')");
      }
    }
    assertNoProblems("rules without a proper docs page", problems);
  }

  @Test
  void theDocsIndexListsEveryRule() throws IOException {
    List<String> lines = Files.readAllLines(DOCS.resolve("README.md"));
    List<String> problems = new ArrayList<>();
    for (Rule r : catalogue()) {
      if (lines.stream().noneMatch(l -> l.contains("`" + r.id() + "`"))) {
        problems.add("rule " + r.id() + ": docs/rules/README.md has no line naming `" + r.id() + "`");
      }
    }
    assertNoProblems("rules missing from the docs index", problems);
  }

  @Test
  void everyDocsPageBelongsToARule() throws IOException {
    Set<String> ids = catalogue().stream().map(Rule::id).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.list(DOCS)) {
      for (Path p : files.sorted().collect(Collectors.toList())) {
        String name = p.getFileName().toString();
        if (!name.endsWith(".md") || name.equals("README.md")) {
          continue;
        }
        String id = name.substring(0, name.length() - ".md".length());
        if (!ids.contains(id)) {
          problems.add("docs/rules/" + name + ": no rule of id " + id + " in the catalogue");
        }
      }
    }
    assertNoProblems("docs pages without a rule", problems);
  }

  @Test
  void vpctrainRulesListsEveryRuleWithItsSeverity() {
    Cli r = Cli.run("rules");
    assertThat(r.code).as(r.toString()).isEqualTo(0);
    Map<String, String> severityOf = new LinkedHashMap<>();
    for (String line : r.out.split("\\R")) {
      String[] cols = line.strip().split("\\s+");
      if (cols.length >= 2) {
        severityOf.putIfAbsent(cols[0], cols[1]);
      }
    }
    List<String> problems = new ArrayList<>();
    for (Rule rule : catalogue()) {
      String listed = severityOf.get(rule.id());
      if (listed == null) {
        problems.add("rule " + rule.id() + ": no line in 'vpctrain rules'");
      } else if (!listed.equals(rule.severity().name())) {
        problems.add("rule " + rule.id() + ": 'vpctrain rules' shows severity " + listed + ", the rule has " + rule.severity());
      }
    }
    assertNoProblems("rules missing from 'vpctrain rules'", problems);
  }

  /**
   * The SARIF driver lists every catalogue rule (not only those with results), each with help text
   * naming its docs page and a {@code helpUri} linking the page under the build's
   * {@code vpctrain.docs.base-url}.
   */
  @Test
  void theBuildSetsTheRulePagesBaseUrl() {
    assertThat(RulePages.baseUrl()).as("vpctrain.docs.base-url of the parent pom, through BuildInfo")
        .hasValueSatisfying(url -> assertThat(url).startsWith("https://").endsWith("/docs/rules/"));
  }

  @Test
  void theSarifRuleListHasEveryRuleAndItsPage() throws Exception {
    Cli r = Cli.run("check", "--example", "ready-private-endpoints", "--format", "sarif");
    assertThat(r.err).as(r.toString()).doesNotContain("\tat ");
    JsonNode run = MAPPER.readTree(r.out).get("runs").get(0);
    Map<String, JsonNode> listed = new LinkedHashMap<>();
    for (JsonNode d : run.get("tool").get("driver").get("rules")) {
      listed.put(d.get("id").asText(), d);
    }
    List<String> problems = new ArrayList<>();
    for (JsonNode result : run.get("results")) {
      if (!listed.containsKey(result.get("ruleId").asText())) {
        problems.add("rule " + result.get("ruleId").asText() + ": has a SARIF result but no entry in tool.driver.rules");
      }
    }
    for (Rule rule : catalogue()) {
      JsonNode d = listed.get(rule.id());
      if (d == null) {
        problems.add("rule " + rule.id() + ": no entry in the SARIF tool.driver.rules");
        continue;
      }
      String page = "docs/rules/" + rule.id() + ".md";
      if (!d.path("help").path("text").asText().contains(page)) {
        problems.add("rule " + rule.id() + ": its SARIF help text does not name " + page);
      }
      String helpUri = RulePages.baseUrl().orElseThrow() + rule.id() + ".md";
      if (!d.has("helpUri")) {
        problems.add("rule " + rule.id() + ": its SARIF entry has no helpUri (expected " + helpUri + ")");
      } else if (!d.get("helpUri").asText().equals(helpUri) || !d.get("helpUri").asText().endsWith(page)) {
        problems.add("rule " + rule.id() + ": its SARIF helpUri " + d.get("helpUri").asText() + " is not " + helpUri);
      }
    }
    assertNoProblems("rules missing from the SARIF rule list", problems);
  }
}
