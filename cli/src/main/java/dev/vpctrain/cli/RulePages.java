package dev.vpctrain.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the rule pages ({@code docs/rules/<id>.md}) are published: the parent pom's
 * {@code vpctrain.docs.base-url}, filtered into {@code build.properties} at build time. Each rule of
 * a SARIF report links its page there ({@code helpUri}).
 */
final class RulePages {
  private static final String PROPERTIES = "/dev/vpctrain/cli/build.properties";
  private static final String KEY = "docs.rules.base-url";

  private RulePages() {}

  /** The base URL, ending in a slash; empty when the build did not set it. */
  static Optional<String> baseUrl() {
    Properties p = new Properties();
    try (InputStream in = RulePages.class.getResourceAsStream(PROPERTIES)) {
      if (in == null) {
        return Optional.empty();
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String url = p.getProperty(KEY, "").strip();
    if (url.isEmpty() || url.contains("${")) {
      return Optional.empty();
    }
    return Optional.of(url.endsWith("/") ? url : url + "/");
  }
}
