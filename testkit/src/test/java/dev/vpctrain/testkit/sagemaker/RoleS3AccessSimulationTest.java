package dev.vpctrain.testkit.sagemaker;

import static dev.vpctrain.testkit.sagemaker.TrainingJobSimulatorTest.describeToEnd;
import static dev.vpctrain.testkit.sagemaker.TrainingJobSimulatorTest.request;
import static dev.vpctrain.testkit.sagemaker.TrainingJobSimulatorTest.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.InlinePolicy;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * The ready network with an {@code iam} section: the job fails as the execution role's S3
 * permissions say ({@code role.s3.access}), with S3's Access Denied in SageMaker's words.
 */
class RoleS3AccessSimulationTest {
  private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerTrainingRole";
  private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  private static final String EC2_AND_LOGS = "{\"Effect\":\"Allow\",\"Action\":[\"ec2:*\",\"logs:*\","
      + "\"cloudwatch:PutMetricData\"],\"Resource\":\"*\"}";
  private static final String LIST_AND_PUT = "{\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\",\"s3:PutObject\"],"
      + "\"Resource\":\"*\"}";

  /** The ready scenario's world, its role holding one inline policy of {@code statements}. */
  private static FakeAws world(Scenario s, String... statements) {
    return withRole(FakeAws.create().load(s), statements);
  }

  /** The world's network with an iam section: the job's role with one inline policy of {@code statements}. */
  private static FakeAws withRole(FakeAws aws, String... statements) {
    IamRole role = IamRole.builder().roleName("SageMakerTrainingRole").arn(ROLE_ARN).trustPolicy(TRUST)
        .inlinePolicies(List.of(InlinePolicy.of("TrainingJob", Optional.of("{\"Version\":\"2012-10-17\",\"Statement\":["
            + String.join(",", statements) + "]}"))))
        .attachedPolicyArns(List.of()).build();
    return aws.load(aws.snapshot().withIam(IamEvidence.builder().addRole(role).build()));
  }

  @Test
  void aRoleWithoutGetObjectFailsTheDownloadWithAccessDenied() {
    Scenario s = Scenarios.readyPrivateEndpoints();
    FakeAws aws = world(s, EC2_AND_LOGS, LIST_AND_PUT);
    assertThat(aws.preflight(s.job()).findings()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("role.s3.access"));
    aws.sageMakerClient().createTrainingJob(request(s));

    DescribeTrainingJobResponse d = describeToEnd(aws, s.job().name());

    assertThat(d.trainingJobStatus()).isEqualTo(TrainingJobStatus.FAILED);
    assertThat(statuses(d)).containsExactly("Starting", "Downloading", "Failed");
    assertThat(d.failureReason()).isEqualTo("ClientError: Data download failed:Failed to download data. ListObjectsV2 "
        + "failed for s3://acme-ml-data/imagenet/train/: Access Denied (Service: Amazon S3; Status Code: 403; "
        + "Error Code: AccessDenied)");
    assertThat(aws.sageMaker().job(s.job().name()).cause()).hasValueSatisfying(f ->
        assertThat(f.ruleId()).isEqualTo("role.s3.access"));
  }

  @Test
  void aRoleThatMayReadButNotWriteFailsTheUpload() {
    Scenario s = Scenarios.readyPrivateEndpoints();
    FakeAws aws = world(s, EC2_AND_LOGS,
        "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":\"*\"}");
    aws.sageMakerClient().createTrainingJob(request(s));

    DescribeTrainingJobResponse d = describeToEnd(aws, s.job().name());

    assertThat(statuses(d)).containsExactly("Starting", "Downloading", "Training", "Uploading", "Failed");
    assertThat(d.failureReason()).startsWith("ClientError: Artifact upload failed:")
        .contains("s3://acme-ml-artifacts/resnet50/", "Access Denied");
  }

  @Test
  void aRoleThatMayNotReadTheCodePackageFailsInTraining() {
    Scenario s = Scenarios.readyPrivateEndpoints();
    FakeAws aws = FakeAws.create().load(s).network(n -> n.bucket("acme-ml-code", b -> b.region("us-east-1").noPolicy()));
    withRole(aws, EC2_AND_LOGS, "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":["
        + "\"arn:aws:s3:::acme-ml-data\",\"arn:aws:s3:::acme-ml-data/*\",\"arn:aws:s3:::acme-ml-artifacts\","
        + "\"arn:aws:s3:::acme-ml-artifacts/*\"]}");
    aws.sageMakerClient().createTrainingJob(TrainingJobRequests.toRequest(s.job().toBuilder()
        .codePackage("s3://acme-ml-code/resnet50/source/sourcedir.tar.gz").build()));

    DescribeTrainingJobResponse d = describeToEnd(aws, s.job().name());

    assertThat(statuses(d)).containsExactly("Starting", "Downloading", "Training", "Failed");
    assertThat(d.failureReason()).isEqualTo("AlgorithmError: framework error: \nbotocore.exceptions.ClientError: An error "
        + "occurred (403) when calling the HeadObject operation: Forbidden "
        + "(s3://acme-ml-code/resnet50/source/sourcedir.tar.gz)");
  }

  @Test
  void aRoleThatMayDoAllOfItCompletes() {
    Scenario s = Scenarios.readyPrivateEndpoints();
    FakeAws aws = world(s, EC2_AND_LOGS, "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
    aws.sageMakerClient().createTrainingJob(request(s));

    assertThat(describeToEnd(aws, s.job().name()).trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
  }
}
