package dev.vpctrain.cli;

import dev.vpctrain.core.BuildInfo;
import java.util.Optional;

/**
 * Where the rule pages ({@code docs/rules/<id>.md}) are published: the parent pom's
 * {@code vpctrain.docs.base-url}, which core's {@link BuildInfo} carries. Each rule of a SARIF
 * report links its page there ({@code helpUri}), as each finding's {@code doc} does.
 */
final class RulePages {
  private RulePages() {}

  /** The base URL, ending in a slash; empty when the build did not set it. */
  static Optional<String> baseUrl() {
    String url = BuildInfo.docsBaseUrl().strip();
    if (url.isEmpty() || url.contains("${")) {
      return Optional.empty();
    }
    return Optional.of(url.endsWith("/") ? url : url + "/");
  }
}
