package dev.vpctrain.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The example scenarios bundled in the jar under {@code dev/vpctrain/cli/examples/}. */
public final class Examples {
  static final String ROOT = "/dev/vpctrain/cli/examples/";

  private Examples() {}

  /**
   * The bundled examples, as {@code vpctrain examples} lists them.
   *
   * @return example name to its one-line description, in index order
   * @throws IllegalStateException when the jar lacks the examples index (a broken build)
   */
  public static Map<String, String> index() {
    Map<String, String> out = new LinkedHashMap<>();
    String text = resource("index.txt").orElseThrow(() -> new IllegalStateException("examples index missing"));
    for (String line : text.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      out.put(tab < 0 ? line.trim() : line.substring(0, tab).trim(), tab < 0 ? "" : line.substring(tab + 1).trim());
    }
    return out;
  }

  /**
   * {@return the text of one file of example {@code name}; empty when there is no such example or file}
   *
   * @param name the example's name, a key of {@link #index()}
   * @param file {@code job.json}, {@code network.json} or {@code expect.json}
   */
  public static Optional<String> file(String name, String file) {
    if (!index().containsKey(name)) {
      return Optional.empty();
    }
    return resource(name + "/" + file);
  }

  private static Optional<String> resource(String path) {
    try (InputStream in = Examples.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
