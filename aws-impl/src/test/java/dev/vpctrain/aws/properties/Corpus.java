package dev.vpctrain.aws.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.core.job.TrainingJobSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The valid bundles the properties start from: the command line's bundled examples, the shared
 * examples (when present beside the repository) and this module's own test bundle, each with its job.
 */
final class Corpus {
  /** One valid bundle and the job that goes with it. */
  record Case(String name, String bundle, TrainingJobSpec job) {
    JsonNode tree() {
      try {
        return MAPPER.readTree(bundle);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<Case> CASES = load();

  private Corpus() {}

  static List<Case> cases() {
    return CASES;
  }

  /** The fixed jobs every accepted bundle is checked with. */
  static List<TrainingJobSpec> jobs() {
    List<TrainingJobSpec> out = new ArrayList<>();
    for (Case c : CASES) {
      if (out.stream().noneMatch(j -> j.name().equals(c.job().name()))) {
        out.add(c.job());
      }
    }
    return out.subList(0, Math.min(3, out.size()));
  }

  private static List<Case> load() {
    List<Case> out = new ArrayList<>();
    out.add(new Case("aws-impl ready-private-endpoints", resource("/bundles/ready-private-endpoints.json"),
        JobFile.parse(resource("/bundles/ready-private-endpoints-job.json"), "ready-private-endpoints-job.json")));
    folders(Path.of("..", "cli", "src", "main", "resources", "dev", "vpctrain", "cli", "examples"), "cli ", out);
    folders(Path.of("..", "testdata", "shared-examples"), "shared ", out);
    return List.copyOf(out);
  }

  private static void folders(Path dir, String prefix, List<Case> out) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path d : s.sorted().toList()) {
        Path network = d.resolve("network.json");
        Path job = d.resolve("job.json");
        Path expect = d.resolve("expect.json");
        if (!Files.isRegularFile(network) || !Files.isRegularFile(job)
            || (Files.isRegularFile(expect) && Files.readString(expect).contains("\"exit\""))) {
          continue; // a bad-input example is not a valid starting point
        }
        out.add(new Case(prefix + d.getFileName(), Files.readString(network, StandardCharsets.UTF_8),
            JobFile.read(job)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
