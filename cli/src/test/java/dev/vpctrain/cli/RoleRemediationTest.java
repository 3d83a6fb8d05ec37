package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remediation statements of the role rules, pinned and proven. For every failing role rule of
 * every {@code role-*} scenario whose fix is an inline policy: the policy document is compared
 * byte for byte with {@code golden/role-remediation/<scenario>.<rule>.json} (regenerate with
 * {@code -Dgolden.update=true}), and — unless the miss comes from an explicit Deny, which no Allow
 * overrides, or from a key policy that must change first — the document attached to the role in the scenario's bundle makes the rule stop
 * failing: the fix is enough.
 */
class RoleRemediationTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "role-remediation");
  private static final Path SCENARIOS = Path.of("src", "test", "resources", "scenarios");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String MARK = "--policy-document '";

  @TempDir
  static Path tmp;

  @TestFactory
  Stream<DynamicTest> roleFixesArePinnedAndSufficient() throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(SCENARIOS)) {
      dirs = s.filter(d -> d.getFileName().toString().startsWith("role-") && Files.isRegularFile(d.resolve("expect.json")))
          .sorted().collect(Collectors.toList());
    }
    List<DynamicTest> tests = new ArrayList<>();
    int fixes = 0;
    for (Path d : dirs) {
      JsonNode expect = MAPPER.readTree(d.resolve("expect.json").toFile());
      if (expect.has("exit")) {
        continue;
      }
      Path job = d.resolve(expect.path("job").asText("job.json")).normalize();
      Path network = d.resolve(expect.path("network").asText("network.json")).normalize();
      List<String> extra = new ArrayList<>();
      expect.path("args").forEach(a -> extra.add(a.asText()));
      JsonNode report = check(job, network, extra);
      // each failing finding of a rule carries the statements it misses: a rule's fix is all of them
      java.util.Map<String, java.util.LinkedHashSet<String>> documents = new java.util.LinkedHashMap<>();
      java.util.Set<String> explicitDeny = new java.util.HashSet<>();
      for (JsonNode f : report.path("findings")) {
        String rule = f.path("rule").asText();
        String fix = f.path("remediation").asText("");
        if (!rule.startsWith("role.") || !"FAIL".equals(f.path("outcome").asText()) || !fix.contains("put-role-policy")
            || !fix.contains(MARK)) {
          continue;
        }
        documents.computeIfAbsent(rule, k -> new java.util.LinkedHashSet<>())
            .add(fix.substring(fix.indexOf(MARK) + MARK.length(), fix.lastIndexOf('\'')));
        if (fix.startsWith("Change the Deny") || fix.contains("put-key-policy")) {
          // an Allow cannot override a Deny, and a key policy that ignores IAM needs its own change first
          explicitDeny.add(rule);
        }
      }
      for (java.util.Map.Entry<String, java.util.LinkedHashSet<String>> e : documents.entrySet()) {
        fixes++;
        String rule = e.getKey();
        List<String> docs = List.copyOf(e.getValue());
        String name = d.getFileName() + "." + rule;
        tests.add(dynamicTest(name, () -> {
          Path golden = GOLDEN.resolve(name + ".json");
          String pinned = String.join("\n", docs) + "\n";
          if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, pinned, StandardCharsets.UTF_8);
          } else {
            assertThat(golden).as("golden file " + golden + " (create it with -Dgolden.update=true)").isRegularFile();
            assertThat(pinned).as(name).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
          }
          JsonNode bundle = MAPPER.readTree(network.toFile());
          int n = 0;
          for (String document : docs) {
            JsonNode statements = MAPPER.readTree(document).path("Statement");
            assertThat(statements.isArray() && statements.size() > 0).as("statements of " + name).isTrue();
            statements.forEach(s -> assertThat(s.path("Effect").asText()).isEqualTo("Allow"));
            bundle = withInlinePolicy(bundle, "vpctrain-fix-" + (++n), MAPPER.readTree(document));
          }
          if (explicitDeny.contains(rule)) {
            return; // the inline policy is only part of this fix (see above)
          }
          Path fixed = tmp.resolve(name + ".network.json");
          Files.writeString(fixed, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(bundle));
          JsonNode after = check(job, fixed, extra);
          List<String> stillFailing = new ArrayList<>();
          after.path("findings").forEach(x -> {
            if (x.path("rule").asText().equals(rule) && x.path("outcome").asText().equals("FAIL")) {
              stillFailing.add(x.path("message").asText());
            }
          });
          assertThat(stillFailing).as(rule + " after attaching the remediation of " + name).isEmpty();
        }));
      }
    }
    assertThat(fixes).as("role scenarios with an inline-policy fix").isGreaterThanOrEqualTo(2);
    return tests.stream();
  }

  private static JsonNode check(Path job, Path network, List<String> extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("check", "--job", job.toString(), "--network", network.toString(),
        "--format", "json", "--verbose"));
    args.addAll(extra);
    Cli r = Cli.run(args.toArray(String[]::new));
    assertThat(r.err).as(r.toString()).doesNotContain("\tat ");
    return MAPPER.readTree(r.out);
  }

  /** The bundle with {@code document} added to each role of its {@code iam} section (either form) as inline policy {@code name}. */
  private static JsonNode withInlinePolicy(JsonNode bundle, String name, JsonNode document) {
    ObjectNode copy = bundle.deepCopy();
    JsonNode iam = copy.path("iam");
    if (iam.has("GetAccountAuthorizationDetails")) {
      iam.path("GetAccountAuthorizationDetails").path("RoleDetailList").forEach(r -> {
        ObjectNode p = ((ObjectNode) r).withArray("RolePolicyList").addObject();
        p.put("PolicyName", name);
        p.set("PolicyDocument", document);
      });
      return copy;
    }
    JsonNode roles = iam.path("roles");
    assertThat(roles.isObject()).as("the scenario has an iam section").isTrue();
    roles.fields().forEachRemaining(e -> {
      ObjectNode role = (ObjectNode) e.getValue();
      ObjectNode list = role.with("ListRolePolicies");
      list.withArray("PolicyNames").add(name);
      JsonNode get = role.path("GetRolePolicy");
      ArrayNode policies = get.isArray() ? (ArrayNode) get : role.putArray("GetRolePolicy");
      ObjectNode p = policies.addObject();
      p.put("RoleName", e.getKey());
      p.put("PolicyName", name);
      p.set("PolicyDocument", document);
    });
    return copy;
  }
}
