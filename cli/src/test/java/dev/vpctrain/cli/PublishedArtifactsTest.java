package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM and the consumer project follow the reactor: the BOM has no parent (so it manages nothing but
 * vpctrain), which is why nothing but this test keeps its version and module list in step.
 */
class PublishedArtifactsTest {
  private static final Path ROOT = Path.of("..");
  /** Reactor modules that are not published artifacts. */
  private static final Set<String> UNPUBLISHED = Set.of("bom", "benchmarks", "examples");

  @Test
  void theBomListsEveryPublishedModuleAtTheReactorsVersion() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String version = first(parent, "<artifactId>vpctrain-parent</artifactId>\\s*<version>([^<]+)</version>");
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    assertThat(first(bom, "<artifactId>vpctrain-bom</artifactId>\\s*<version>([^<]+)</version>")).isEqualTo(version);
    assertThat(bom).doesNotContain("<parent>");

    List<String> published = new ArrayList<>();
    for (String module : all(parent, "<module>([^<]+)</module>")) {
      if (!UNPUBLISHED.contains(module)) {
        String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        published.add(first(pom, "</parent>\\s*<artifactId>([^<]+)</artifactId>"));
        assertThat(pom).as(module + " has a name and a description for its POM")
            .containsPattern("<name>[^<]+</name>").containsPattern("<description>[^<]+</description>");
      }
    }
    assertThat(published).containsExactlyInAnyOrder("vpctrain-core", "vpctrain-aws", "vpctrain-testkit", "vpctrain-cli");
    for (String artifact : published) {
      assertThat(bom).as("the BOM manages " + artifact)
          .containsPattern("<artifactId>" + artifact + "</artifactId>\\s*<version>" + Pattern.quote(version) + "</version>");
    }
    assertThat(all(bom, "<artifactId>(vpctrain-[a-z]+)</artifactId>")).containsExactlyInAnyOrderElementsOf(
        concat(published, "vpctrain-bom"));
  }

  @Test
  void theConsumerProjectDefaultsToTheReactorsVersion() throws IOException {
    String version = first(Files.readString(ROOT.resolve("pom.xml")),
        "<artifactId>vpctrain-parent</artifactId>\\s*<version>([^<]+)</version>");
    String consumer = Files.readString(ROOT.resolve("examples/consumer/pom.xml"));
    assertThat(first(consumer, "<vpctrain.version>([^<]+)</vpctrain.version>")).isEqualTo(version);
    assertThat(consumer).as("it knows vpctrain by its coordinates only").doesNotContain("<parent>")
        .contains("<artifactId>vpctrain-bom</artifactId>");
  }

  @Test
  void thePomCarriesWhatACentralRepositoryRequires() throws IOException {
    for (String file : List.of("pom.xml", "bom/pom.xml")) {
      String pom = Files.readString(ROOT.resolve(file));
      assertThat(pom).as(file)
          .containsPattern("<url>https://[^<]+</url>")
          .contains("<licenses>", "Apache License, Version 2.0", "<developers>", "<scm>", "<connection>scm:git:");
    }
    assertThat(ROOT.resolve("LICENSE")).content().contains("Apache License", "Version 2.0");
  }

  private static List<String> concat(List<String> list, String more) {
    List<String> all = new ArrayList<>(list);
    all.add(more);
    return all;
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in the POM", regex).isTrue();
    return m.group(1);
  }

  private static List<String> all(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
