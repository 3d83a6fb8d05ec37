package dev.vpctrain.core.internal.rules.role;

import static dev.vpctrain.core.internal.rules.role.RoleFixtures.ROLE_ARN;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.TRUST_SAGEMAKER;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.doc;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.role;
import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleFsDescribeTest {
  private static final String EFS_ID = "fs-0a1b2c3d4e5f60601";
  private static final String FSX_ID = "fs-0a1b2c3d4e5f60801";
  private static final String EFS_ARN = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/" + EFS_ID;
  private static final String FSX_ARN = "arn:aws:fsx:us-east-1:123456789012:file-system/" + FSX_ID;
  private static final String ALL = "{\"Effect\":\"Allow\",\"Action\":[\"elasticfilesystem:Describe*\","
      + "\"fsx:DescribeFileSystems\"],\"Resource\":\"*\"}";

  private final RoleFsDescribe rule = new RoleFsDescribe();

  private static TrainingJobSpec fileSystemJob() {
    return job()
        .addInputChannel(InputChannel.builder().name("efs").fileSystemId(EFS_ID).fileSystemType("EFS")
            .directoryPath("/train").fileSystemAccessMode("ro").build())
        .addInputChannel(InputChannel.builder().name("fsx").fileSystemId(FSX_ID).fileSystemType("FSxLustre")
            .directoryPath("/abcdef12/train").fileSystemAccessMode("ro").build())
        .build();
  }

  private Finding judge(String... statements) {
    NetworkSnapshot n = RoleFixtures.network(role(TRUST_SAGEMAKER, doc(statements)).build()).build();
    return one(fileSystemJob(), n);
  }

  private Finding one(TrainingJobSpec job, NetworkSnapshot n) {
    var out = rule.evaluate(context(job, n));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  @Test
  void isAWarning() {
    assertThat(rule.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void passesWithoutFileSystemChannelsAndWithoutAnIamSection() {
    NetworkSnapshot n = RoleFixtures.network(role(TRUST_SAGEMAKER).build()).build();
    assertThat(one(job().build(), n).message()).isEqualTo("The job has no EFS or FSx for Lustre channel.");
    Finding notAsked = one(fileSystemJob(), n.withIam(Optional.empty()));
    assertThat(notAsked.outcome()).isEqualTo(Outcome.PASS);
    assertThat(notAsked.message()).startsWith("Not evaluated");
  }

  @Test
  void passesWhenTheRoleMayDescribeEveryFileSystemOrOnlyThese() {
    assertThat(judge(ALL).outcome()).isEqualTo(Outcome.PASS);
    String scoped = "{\"Effect\":\"Allow\",\"Action\":[\"elasticfilesystem:DescribeFileSystems\","
        + "\"elasticfilesystem:DescribeMountTargets\"],\"Resource\":\"" + EFS_ARN + "\"},"
        + "{\"Effect\":\"Allow\",\"Action\":\"fsx:DescribeFileSystems\",\"Resource\":\"" + FSX_ARN + "\"}";
    assertThat(judge(scoped).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void failsNamingEachMissingActionWithTheMinimalStatement() {
    Finding f = judge("{\"Effect\":\"Allow\",\"Action\":\"elasticfilesystem:DescribeFileSystems\",\"Resource\":\"*\"}");
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("elasticfilesystem:DescribeMountTargets on " + EFS_ARN)
        .contains("fsx:DescribeFileSystems on " + FSX_ARN)
        .doesNotContain("elasticfilesystem:DescribeFileSystems on");
    assertThat(f.resources()).containsExactly(EFS_ID, FSX_ID, ROLE_ARN);
    assertThat(f.remediation().orElseThrow())
        .startsWith("Attach this inline policy")
        .contains("aws iam put-role-policy --role-name SageMakerTrainingRole --policy-name vpctrain-sagemaker-file-systems")
        .contains("\"Action\": \"elasticfilesystem:DescribeMountTargets\"")
        .contains("\"Resource\": \"" + EFS_ARN + "\"")
        .contains("\"Action\": \"fsx:DescribeFileSystems\"")
        .doesNotContain("AmazonSageMakerFullAccess");
  }

  @Test
  void anExplicitDenyFailsAndSaysAnAllowCannotOverrideIt() {
    Finding f = judge(ALL, "{\"Effect\":\"Deny\",\"Action\":\"fsx:*\",\"Resource\":\"*\"}");
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("fsx:DescribeFileSystems on " + FSX_ARN).doesNotContain("elasticfilesystem");
    assertThat(f.remediation().orElseThrow()).startsWith("Change the Deny statement");
  }

  @Test
  void aConditionOnAValueTheSnapshotCannotKnowIsUnverified() {
    Finding f = judge("{\"Effect\":\"Allow\",\"Action\":[\"elasticfilesystem:Describe*\",\"fsx:DescribeFileSystems\"],"
        + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-0a1b2c3d4e5f60001\"}}}");
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("aws:SourceVpce");
  }
}
