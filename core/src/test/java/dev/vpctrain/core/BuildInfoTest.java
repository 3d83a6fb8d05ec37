package dev.vpctrain.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {
  @Test
  void theBuildWroteEveryValue() {
    assertThat(BuildInfo.version()).matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
    assertThat(BuildInfo.commit()).matches("[0-9a-f]{12}(-dirty)?|unknown");
    assertThat(BuildInfo.docsBaseUrl()).startsWith("https://").endsWith("/").doesNotContain("${");
  }

  @Test
  void aRulePageIsTheBaseUrlAndTheId() {
    assertThat(BuildInfo.ruleDocUrl("s3.route.missing")).isEqualTo(BuildInfo.docsBaseUrl() + "s3.route.missing.md");
  }
}
