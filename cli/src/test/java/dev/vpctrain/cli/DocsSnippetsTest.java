package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of {@code README.md} and {@code docs/} is the code of a test of this repository, so it
 * compiles and runs. A {@code ```java} block must follow a {@code <!-- snippet: PATH#tag -->} line; PATH is the
 * end of a path under some module's {@code src/test/java} (for example {@code example/GuardedLauncher.java} or
 * {@code dev/vpctrain/cli/readme/ReadmeExamples.java}) matching exactly one file. The block reads:
 * <ol>
 *   <li>the imports the code needs, so that a reader can paste it: every import of that file, and every type of
 *       its package, whose simple name occurs in the region (none, and no blank line, when there are none);</li>
 *   <li>a blank line, then the region between {@code // tag::tag[]} and {@code // end::tag[]}, dedented.</li>
 * </ol>
 * A Java block without a marker fails, so no untested snippet creeps in.
 */
class DocsSnippetsTest {
  private static final Path ROOT = Path.of("..");
  private static final List<String> MODULES = List.of("core", "aws-impl", "testkit", "cli");
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->");
  private static final boolean UPDATE = Boolean.getBoolean("snippets.update");
  private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+?)(\\.\\*)?;$");

  @Test
  void everyJavaSnippetIsTheTaggedCodeOfATestWithItsImports() throws IOException {
    List<String> problems = new ArrayList<>();
    int count = 0;
    for (Path doc : docs()) {
      List<String> lines = new ArrayList<>(Files.readAllLines(doc));
      List<String> before = List.copyOf(lines);
      count += check(ROOT.relativize(doc).toString(), lines, problems);
      if (UPDATE && !lines.equals(before)) { // -Dsnippets.update=true rewrites stale blocks; review the diff
        Files.writeString(doc, String.join("\n", lines) + "\n");
      }
    }
    assertThat(count).as("Java snippets in README.md and docs/").isGreaterThanOrEqualTo(30);
    assertThat(problems).as("Java snippets that are not the tagged code of a test").isEmpty();
  }

  @Test
  void aJavaBlockWithoutAMarkerOrWithOtherCodeFails() {
    List<String> problems = new ArrayList<>();
    int count = check("doc.md", List.of(
        "Text.",
        "```java",
        "RuleEngine engine = RuleEngine.standard();",
        "```",
        "<!-- snippet: dev/vpctrain/cli/ReadmeApiTest.java#suppress -->",
        "```java",
        "RuleEngine engine = RuleEngine.standard();",
        "```",
        "<!-- snippet: dev/vpctrain/cli/ReadmeApiTest.java#no-such-tag -->",
        "```java",
        "```"), problems);

    assertThat(count).isEqualTo(3);
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).startsWith("doc.md:2: a Java block without a <!-- snippet: PATH#tag --> line");
    assertThat(problems.get(1)).startsWith("doc.md:6: snippet dev/vpctrain/cli/ReadmeApiTest.java#suppress should read:\n"
        + "import dev.vpctrain.core.rules.RuleEngine;\n\nRuleEngine engine = RuleEngine.builder()");
    assertThat(problems.get(2)).isEqualTo("doc.md:10: no region // tag::no-such-tag[] … // end::no-such-tag[]");
  }

  /** Checks the Java blocks of one document, adding what is wrong to {@code problems}; returns how many there are. */
  private static int check(String name, List<String> lines, List<String> problems) {
    int count = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.strip().equals("```java")) {
        continue;
      }
      count++;
      String indent = line.substring(0, line.indexOf('`'));
      String where = name + ":" + (i + 1);
      Matcher marker = MARKER.matcher(i > 0 ? lines.get(i - 1).strip() : "");
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).strip().equals("```")) {
        end++;
      }
      if (!marker.matches()) {
        problems.add(where + ": a Java block without a <!-- snippet: PATH#tag --> line before it");
        i = end;
        continue;
      }
      List<String> block = new ArrayList<>();
      for (String l : lines.subList(i + 1, end)) {
        block.add(l.startsWith(indent) ? l.substring(indent.length()) : l.strip());
      }
      try {
        String expected = expected(source(marker.group(1)), marker.group(2));
        if (!expected.equals(String.join("\n", block))) {
          if (UPDATE && lines instanceof ArrayList) {
            List<String> replacement = new ArrayList<>();
            expected.lines().forEach(l -> replacement.add(l.isEmpty() ? "" : indent + l));
            lines.subList(i + 1, end).clear();
            lines.addAll(i + 1, replacement);
            end = i + 1 + replacement.size();
          } else {
            problems.add(where + ": snippet " + marker.group(1) + "#" + marker.group(2) + " should read:\n" + expected);
          }
        }
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      i = end;
    }
    return count;
  }

  @Test
  void theImportsAreThoseTheRegionUses() {
    List<String> file = List.of(
        "package dev.vpctrain.cli;",
        "import static org.assertj.core.api.Assertions.assertThat;",
        "import dev.vpctrain.core.rules.RuleEngine;",
        "import dev.vpctrain.core.rules.Rule;",
        "import java.util.List;",
        "class X {",
        "  void f() {",
        "    // tag::t[]",
        "    RuleEngine e = RuleEngine.standard();",
        "    assertThat(e.rules()).hasSize(Examples.names().size());",
        "    // end::t[]",
        "  }",
        "}");
    assertThat(expected(file, "t", Set.of("Examples", "Unused")))
        .isEqualTo("import static org.assertj.core.api.Assertions.assertThat;\n"
            + "\n"
            + "import dev.vpctrain.cli.Examples;\n"
            + "import dev.vpctrain.core.rules.RuleEngine;\n"
            + "\n"
            + "RuleEngine e = RuleEngine.standard();\n"
            + "assertThat(e.rules()).hasSize(Examples.names().size());");
  }

  /** README.md and every Markdown file under docs/. */
  private static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> s = Files.walk(ROOT.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  /** The one test source whose path ends with {@code suffix}. */
  private static Path source(String suffix) throws IOException {
    List<Path> found = new ArrayList<>();
    for (String module : MODULES) {
      Path tests = ROOT.resolve(module).resolve("src/test/java");
      try (Stream<Path> s = Files.walk(tests)) {
        s.filter(p -> p.endsWith(suffix) && p.toString().endsWith("/" + suffix)).forEach(found::add);
      }
    }
    if (found.size() != 1) {
      throw new IllegalArgumentException(suffix + " matches " + found.size()
          + " test sources (need exactly one; give more of the path): " + found);
    }
    return found.get(0);
  }

  private static String expected(Path file, String tag) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return expected(lines, tag, samePackageTypes(file, lines));
  }

  /** The block a snippet must show: the imports the region uses, a blank line, the region. */
  static String expected(List<String> lines, String tag, Set<String> samePackageTypes) {
    String region = region(lines, tag);
    String pkg = lines.stream().filter(l -> l.startsWith("package ")).findFirst()
        .map(l -> l.substring("package ".length(), l.length() - 1)).orElse("");
    List<String> statics = new ArrayList<>();
    Set<String> types = new TreeSet<>();
    for (String l : lines) {
      Matcher m = IMPORT.matcher(l.strip());
      if (m.matches() && (m.group(3) != null || uses(region, simpleName(m.group(2))))) {
        (m.group(1) != null ? statics : types).add(l.strip());
      }
    }
    for (String type : samePackageTypes) {
      if (uses(region, type)) {
        types.add("import " + pkg + "." + type + ";");
      }
    }
    StringBuilder out = new StringBuilder();
    if (!statics.isEmpty()) {
      out.append(String.join("\n", statics)).append("\n\n");
    }
    if (!types.isEmpty()) {
      out.append(String.join("\n", types)).append("\n\n");
    }
    return out.append(region).toString();
  }

  /**
   * The top-level types of the file's package that a reader elsewhere would import: the other files of that
   * package in any module's main or test sources.
   */
  private static Set<String> samePackageTypes(Path file, List<String> lines) {
    String own = file.getFileName().toString().replace(".java", "");
    String pkgPath = lines.stream().filter(l -> l.startsWith("package ")).findFirst()
        .map(l -> l.substring("package ".length(), l.length() - 1).replace('.', '/')).orElse("");
    Set<String> types = new TreeSet<>();
    for (String module : MODULES) {
      for (String set : List.of("main", "test")) {
        Path dir = ROOT.resolve(module).resolve("src").resolve(set).resolve("java").resolve(pkgPath);
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (Stream<Path> s = Files.list(dir)) {
          types.addAll(s.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
              .map(n -> n.substring(0, n.length() - ".java".length()))
              .collect(Collectors.toSet()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    types.remove(own);
    return types;
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  private static boolean uses(String region, String name) {
    return Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\b").matcher(region).find();
  }

  /** The lines between {@code // tag::tag[]} and {@code // end::tag[]}, dedented. */
  static String region(List<String> lines, String tag) {
    int start = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("// tag::" + tag + "[]")) {
        start = i;
      } else if (lines.get(i).strip().equals("// end::" + tag + "[]")) {
        end = i;
      }
    }
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("no region // tag::" + tag + "[] … // end::" + tag + "[]");
    }
    List<String> body = lines.subList(start + 1, end);
    int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
  }
}
