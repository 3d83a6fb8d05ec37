package dev.vpctrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The snippets of {@code docs/testkit.md} are the code of this repository's tests: each
 * {@code <!-- snippet: File.java#tag -->} block equals the region between {@code // tag::tag[]} and
 * {@code // end::tag[]} of that file (under this package's test sources), dedented.
 */
class DocsSnippetsTest {
  private static final Path DOC = Path.of("..", "docs", "testkit.md");
  private static final Path SOURCES = Path.of("src", "test", "java", "dev", "vpctrain", "testkit");
  private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->\n```java\n(.*?)\n```", Pattern.DOTALL);

  @Test
  void everySnippetIsTheTaggedCodeOfATest() throws IOException {
    String doc = Files.readString(DOC);
    Matcher m = SNIPPET.matcher(doc);
    List<String> stale = new ArrayList<>();
    int count = 0;
    while (m.find()) {
      count++;
      String expected = region(SOURCES.resolve(m.group(1)), m.group(2));
      if (!expected.equals(m.group(3))) {
        stale.add(m.group(1) + "#" + m.group(2) + " should read:\n" + expected);
      }
    }
    assertThat(count).as("snippets in %s", DOC).isGreaterThanOrEqualTo(10);
    assertThat(stale).as("stale snippets in %s", DOC).isEmpty();
  }

  static String region(Path file, String tag) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int start = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals("// tag::" + tag + "[]")) {
        start = i;
      } else if (lines.get(i).trim().equals("// end::" + tag + "[]")) {
        end = i;
      }
    }
    assertThat(start).as("tag %s in %s", tag, file).isNotNegative();
    assertThat(end).as("end of tag %s in %s", tag, file).isGreaterThan(start);
    List<String> body = lines.subList(start + 1, end);
    int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min()
        .orElse(0);
    List<String> out = new ArrayList<>();
    body.forEach(l -> out.add(l.isBlank() ? "" : l.substring(indent)));
    return String.join("\n", out);
  }
}
