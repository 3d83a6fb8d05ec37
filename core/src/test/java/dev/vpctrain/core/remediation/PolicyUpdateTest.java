package dev.vpctrain.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.core.internal.policy.JsonDocument;
import dev.vpctrain.core.report.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyUpdateTest {
  static final String FULL = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  static final String THEIRS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Theirs\",\"Effect\":\"Allow\",\"Principal\":\"*\","
      + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::theirs/*\"}]}";

  @Test
  void livePolicyEqualToTheTargetIsAlreadyDoneWhateverItsFormatting() {
    String target = Policies.leastPrivilegeEndpointPolicy(PlanFixtures.job(), "aws");
    String compact = JsonWriter.compact(JsonDocument.read(target, null));
    PolicyUpdate u = PolicyUpdate.decide(Optional.of(compact), Optional.of(FULL), target, "policy of vpce-1");
    assertThat(u.kind()).isEqualTo(PolicyUpdate.Kind.ALREADY_DONE);
  }

  @Test
  void unchangedLivePolicyGetsThePlannedDocument() {
    String target = Policies.leastPrivilegeEndpointPolicy(PlanFixtures.job(), "aws");
    PolicyUpdate u = PolicyUpdate.decide(Optional.of(FULL.replace(",", ", ")), Optional.of(FULL), target, "p");
    assertThat(u.kind()).isEqualTo(PolicyUpdate.Kind.PUT);
    assertThat(u.document()).contains(target);
  }

  @Test
  void aPlanThatOnlyAddsIsMergedIntoAPolicyChangedSinceKeepingTheNewStatements() {
    String target = Policies.merge(Optional.of(FULL), Policies.repositoryDenyStatements("aws"), "p");
    PolicyUpdate u = PolicyUpdate.decide(Optional.of(THEIRS), Optional.of(FULL), target, "p");
    assertThat(u.kind()).isEqualTo(PolicyUpdate.Kind.PUT);
    List<JsonNode> statements = new ArrayList<>();
    JsonDocument.readObject(u.document().orElseThrow(), null).get("Statement").forEach(statements::add);
    assertThat(statements.get(0)).isEqualTo(JsonDocument.readObject(THEIRS, null).get("Statement").get(0));
    assertThat(statements).hasSize(3);
    assertThat(Policies.hasStatement(u.document().get(), Policies.AL2_SID)).isTrue();
    // and running it again finds the statements there
    assertThat(PolicyUpdate.decide(u.document(), Optional.of(FULL), target, "p").kind()).isEqualTo(PolicyUpdate.Kind.ALREADY_DONE);
  }

  @Test
  void aReplacementOfAPolicyChangedSinceIsAConflict() {
    String target = Policies.leastPrivilegeEndpointPolicy(PlanFixtures.job(), "aws");
    PolicyUpdate u = PolicyUpdate.decide(Optional.of(THEIRS), Optional.of(FULL), target, "policy of vpce-1");
    assertThat(u.kind()).isEqualTo(PolicyUpdate.Kind.CONFLICT);
    assertThat(u.reason()).contains("policy of vpce-1", "plan again");
  }

  @Test
  void aBucketWithoutPolicyThatGainedOneKeepsIt() {
    String target = Policies.merge(Optional.empty(), List.of(Policies.restrictToEndpointStatement("b", "vpce-1", "aws")), "p");
    PolicyUpdate u = PolicyUpdate.decide(Optional.of(THEIRS), Optional.empty(), target, "policy of bucket b");
    assertThat(u.kind()).isEqualTo(PolicyUpdate.Kind.PUT);
    assertThat(Policies.hasStatement(u.document().get(), "Theirs")).isTrue();
    assertThat(Policies.hasStatement(u.document().get(), Policies.RESTRICT_SID)).isTrue();
  }

  @Test
  void malformedLivePolicyIsAConflictNamingIt() {
    PolicyUpdate u = PolicyUpdate.decide(Optional.of("{nope"), Optional.empty(), FULL, "policy of bucket b");
    assertThat(u.kind()).isEqualTo(PolicyUpdate.Kind.CONFLICT);
    assertThat(u.reason()).contains("policy of bucket b", "not valid JSON");
  }
}
