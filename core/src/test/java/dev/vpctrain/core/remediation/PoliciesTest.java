package dev.vpctrain.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.core.internal.policy.JsonDocument;
import dev.vpctrain.core.internal.policy.PolicyParseException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoliciesTest {
  @Test
  void mergeSkipsStatementsWhoseSidExists() {
    String existing = Policies.leastPrivilegeEndpointPolicy(PlanFixtures.job(), "aws");
    String merged = Policies.merge(Optional.of(existing), Policies.repositoryDenyStatements("aws"), "x");
    assertThat(JsonDocument.read(merged, null)).isEqualTo(JsonDocument.read(existing, null));
  }

  @Test
  void aDifferentStatementUnderATakenSidIsAddedWithAFreshSid() {
    String otherJob = Policies.leastPrivilegeEndpointPolicy(
        PlanFixtures.job().toBuilder().outputPath("s3://other-bucket/out/").build(), "aws");
    List<java.util.Map<String, Object>> ours = Policies.jobAllowStatements(PlanFixtures.job(), "aws");
    String merged = Policies.merge(Optional.of(otherJob), ours, "x");
    assertThat(merged).contains("arn:aws:s3:::other-bucket/out/*", "arn:aws:s3:::acme-ml-artifacts/resnet50/*");
    assertThat(Policies.hasStatement(merged, "VpctrainJobObjects1")).isTrue();
    assertThat(Policies.hasStatement(merged, "VpctrainJobObjects2v2")).isTrue();
    assertThat(JsonDocument.read(Policies.merge(Optional.of(merged), ours, "x"), null)).isEqualTo(JsonDocument.read(merged, null));
  }

  @Test
  void mergeAcceptsASingleStatementObject() {
    String existing = "{\"Version\":\"2012-10-17\",\"Id\":\"keep-me\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}}";
    String merged = Policies.merge(Optional.of(existing), Policies.repositoryDenyStatements("aws"), "x");
    assertThat(JsonDocument.readObject(merged, null).get("Id").textValue()).isEqualTo("keep-me");
    assertThat(JsonDocument.readObject(merged, null).get("Statement").size()).isEqualTo(3);
  }

  @Test
  void mergeIntoNothingMakesANewPolicy() {
    String merged = Policies.merge(Optional.empty(),
        List.of(Policies.restrictToEndpointStatement("b", "vpce-1", "aws")), "x");
    assertThat(JsonDocument.readObject(merged, null).get("Version").textValue()).isEqualTo("2012-10-17");
    assertThat(Policies.hasStatement(merged, Policies.RESTRICT_SID)).isTrue();
  }

  @Test
  void malformedExistingPolicyIsAnErrorNamingItsSource() {
    assertThatThrownBy(() -> Policies.merge(Optional.of("{\"Statement\": [}"), List.of(), "policy of vpce-1"))
        .isInstanceOf(PolicyParseException.class)
        .hasMessageContaining("policy of vpce-1");
  }

  @Test
  void listBucketIsLimitedToTheJobsPrefixes() {
    String policy = Policies.leastPrivilegeEndpointPolicy(PlanFixtures.job(), "aws");
    assertThat(policy).contains("\"s3:prefix\"", "imagenet/train/*", "arn:aws:s3:::acme-ml-artifacts/resnet50/*");
  }

  @Test
  void lineDiffMarksAddedAndRemovedLines() {
    assertThat(LineDiff.diff("a\nb\nc", "a\nx\nc")).isEqualTo("  a\n- b\n+ x\n  c");
    assertThat(LineDiff.diff("", "a")).isEqualTo("+ a");
  }
}
