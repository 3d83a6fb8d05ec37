package dev.vpctrain.testkit.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import dev.vpctrain.testkit.network.NetworkBuilder;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * {@code CreateTrainingJob} assumes the role synchronously: a missing role or one whose trust policy
 * does not admit {@code sagemaker.amazonaws.com} is refused with SageMaker's own text (rules.md
 * {@code role.trust.sagemaker}); a trusted role is accepted.
 */
class RoleAssumptionTest {
  static final String ROLE = "SageMakerTrainingRole";
  static final String ARN = "arn:aws:iam::123456789012:role/" + ROLE;
  static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
      + "\"Resource\":\"*\"}]}";
  static final String MESSAGE = "Could not assume role " + ARN + ". Please ensure that the role exists and allows "
      + "principal 'sagemaker.amazonaws.com' to assume the role.";

  private static FakeAws world(Scenario s, Consumer<NetworkBuilder> iam) {
    NetworkBuilder b = NetworkBuilder.from(s.network());
    iam.accept(b);
    return FakeAws.create().load(b.build());
  }

  @Test
  void anUntrustedRoleIsRefusedSynchronously() {
    Scenario s = Scenarios.readyPrivateEndpoints();
    FakeAws aws = world(s, b -> b.role(ROLE, r -> r.trustPolicy(EC2_TRUST).inlinePolicy("all", ALL)));

    assertThatThrownBy(() -> aws.sageMakerClient().createTrainingJob(TrainingJobRequests.toRequest(s.job())))
        .isInstanceOfSatisfying(SageMakerException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(MESSAGE);
        });
    assertThat(aws.sageMakerClient().listTrainingJobs(b -> { }).trainingJobSummaries()).isEmpty();
  }

  @Test
  void aMissingRoleIsRefusedTheSameWay() {
    Scenario s = Scenarios.readyPrivateEndpoints();
    // a complete listing of the account that does not hold the role
    FakeAws aws = world(s, b -> b.role("OtherRole", r -> r.trustsSageMaker()));
    aws.load(aws.snapshot().withIam(aws.snapshot().iam().map(i -> i.withIsComplete(true))));

    assertThatThrownBy(() -> aws.sageMakerClient().createTrainingJob(TrainingJobRequests.toRequest(s.job())))
        .isInstanceOfSatisfying(SageMakerException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(MESSAGE);
        });
  }

  @Test
  void aTrustedRoleIsAccepted() {
    Scenario s = Scenarios.readyPrivateEndpoints();
    FakeAws aws = world(s, b -> b.role(ROLE, r -> r.trustsSageMaker().inlinePolicy("all", ALL)));

    aws.sageMakerClient().createTrainingJob(TrainingJobRequests.toRequest(s.job()));

    assertThat(aws.sageMakerClient().describeTrainingJob(b -> b.trainingJobName(s.job().name())).trainingJobStatus())
        .isEqualTo(TrainingJobStatus.IN_PROGRESS);
  }
}
