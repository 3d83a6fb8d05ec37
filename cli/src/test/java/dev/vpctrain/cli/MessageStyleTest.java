package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Messages read as sentences: no parenthesis opens inside another in any finding's message or fix of
 * the JSON report goldens (every scenario, bundled example and shared example, failing and fixed). A
 * fix's policy document (the JSON after {@code '{}) is code, not prose, and is not read.
 */
class MessageStyleTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  @Test
  void noParenthesisOpensInsideAnother() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> nested = new ArrayList<>();
    int read = 0;
    try (Stream<Path> files = Files.list(GOLDEN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode finding : json.readTree(file.toFile()).findParents("rule")) {
          for (String member : List.of("message", "remediation")) {
            String text = finding.path(member).asText("");
            int policy = text.indexOf("'{");
            String prose = policy < 0 ? text : text.substring(0, policy);
            read++;
            if (nests(prose)) {
              nested.add(file.getFileName() + " " + finding.path("rule").asText() + " " + member + ": " + text);
            }
          }
        }
      }
    }
    assertThat(read).as("messages and fixes read").isGreaterThan(1000);
    assertThat(nested).as("messages with a parenthesis inside another").isEmpty();
  }

  @Test
  void theCheckFindsANestedParenthesis() {
    assertThat(nests("no NAT path (route table rtb-1 sends it to nat-1 (0.0.0.0/0 -> nat-1))")).isTrue();
    assertThat(nests("no NAT path, as route table rtb-1 sends it to nat-1 (0.0.0.0/0 -> nat-1) (deleted)")).isFalse();
  }

  static boolean nests(String text) {
    int depth = 0;
    for (char c : text.toCharArray()) {
      if (c == '(' && ++depth > 1) {
        return true;
      }
      if (c == ')' && depth > 0) {
        depth--;
      }
    }
    return false;
  }
}
