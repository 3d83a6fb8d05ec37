package dev.vpctrain.testkit.assertions;

import static dev.vpctrain.testkit.assertions.VpcTrainAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.sagemaker.TrainingJobRequests;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import org.junit.jupiter.api.Test;

class VpcTrainAssertionsTest {
  // tag::report[]
  @Test
  void reportAssertionsPassOnTheRightReportAndExplainTheWrongOne() {
    FakeAws aws = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());
    PreflightReport report = aws.preflight(Scenarios.privateVpcWithoutS3Endpoint().job());

    assertThat(report).isNotReady()
        .hasFailure("s3.route.missing").naming(Scenarios.PRIVATE_SUBNET_A).withSeverity(Severity.ERROR);
    assertThat(report).hasNoFailure("vpc.tenancy.dedicated");
    assertThatThrownBy(() -> assertThat(report).isReady())
        .isInstanceOf(AssertionError.class).hasMessageContaining("Expected verdict READY but was NOT_READY")
        .hasMessageContaining("s3.route.missing");
    assertThatThrownBy(() -> assertThat(report).hasFailure("s3.route.missing").naming("subnet-elsewhere"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("subnet-elsewhere");
    assertThatThrownBy(() -> assertThat(report).hasFailure("vpc.tenancy.dedicated"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("s3.route.missing FAIL");
  }
  // end::report[]

  @Test
  void sageMakerAssertionsSeeTheCreatedJobs() {
    FakeAws aws = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());
    assertThat(aws.sageMaker()).createdNoJobs();

    aws.sageMakerClient().createTrainingJob(TrainingJobRequests.toRequest(Scenarios.privateVpcWithoutS3Endpoint().job()));
    aws.sageMaker().runToEnd("resnet50-nightly");

    assertThat(aws.sageMaker()).createdJobs(1).createdJob("resnet50-nightly")
        .isFailed().wasFailedBy("s3.route.missing").hasFailureReasonContaining("Data download failed");
    assertThatThrownBy(() -> assertThat(aws.sageMaker()).createdNoJobs())
        .isInstanceOf(AssertionError.class).hasMessageContaining("resnet50-nightly");
    assertThatThrownBy(() -> assertThat(aws.sageMaker().job("resnet50-nightly")).isCompleted())
        .isInstanceOf(AssertionError.class).hasMessageContaining("Data download failed");
  }
}
