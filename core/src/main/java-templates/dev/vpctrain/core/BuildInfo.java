package dev.vpctrain.core;

/**
 * What this build of vpctrain is: its version, the commit it was built from and where its rule pages are
 * published. The values are written into this class when the library is built.
 */
public final class BuildInfo {
  private static final String VERSION = "${project.version}";
  private static final String COMMIT = "${git.commit.id.abbrev}";
  private static final String DIRTY = "${git.dirty}";
  private static final String DOCS_BASE_URL = "${vpctrain.docs.base-url}";

  private BuildInfo() {}

  /**
   * The version of the vpctrain artifacts, as in their POMs.
   *
   * @return the version, for example {@code 0.1.0}
   */
  public static String version() {
    return VERSION;
  }

  /**
   * The abbreviated id of the commit the library was built from, with {@code -dirty} when the working tree
   * had uncommitted changes.
   *
   * @return the commit, or {@code unknown} when the build did not run in a git checkout
   */
  public static String commit() {
    if (!COMMIT.matches("[0-9a-f]{4,40}")) {
      return "unknown";
    }
    return "true".equals(DIRTY) ? COMMIT + "-dirty" : COMMIT;
  }

  /**
   * The URL the rule pages are published under; a rule's page is this URL followed by {@code <id>.md}.
   *
   * @return the base URL, ending in a slash
   */
  public static String docsBaseUrl() {
    return DOCS_BASE_URL;
  }

  /**
   * The URL of one rule's page.
   *
   * @param ruleId a rule id, for example {@code s3.route.missing}
   * @return {@link #docsBaseUrl()} followed by {@code ruleId.md}
   */
  public static String ruleDocUrl(String ruleId) {
    return DOCS_BASE_URL + ruleId + ".md";
  }
}
