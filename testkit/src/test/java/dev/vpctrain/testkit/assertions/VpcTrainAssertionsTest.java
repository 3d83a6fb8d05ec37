package dev.vpctrain.testkit.assertions;

import static dev.vpctrain.testkit.assertions.VpcTrainAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.core.report.Acceptance;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import java.util.List;
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
  void acceptedFindingsAreAssertedApart() {
    Finding undecided = Finding.builder().ruleId("s3.route.unmodeled").severity(Severity.ERROR)
        .outcome(Outcome.UNVERIFIED).message("via tgw-1").addResource("subnet-1").build();
    PreflightReport accepted = PreflightReport.of("job", "us-east-1", List.of(undecided), 1,
        List.of(Acceptance.of("s3.route.unmodeled")));
    PreflightReport open = PreflightReport.of("job", "us-east-1", List.of(undecided), 1);

    assertThat(accepted).isReady().hasAccepted("s3.route.unmodeled").naming("subnet-1");
    assertThat(open).isUnverified().hasUnverified("s3.route.unmodeled");
    assertThatThrownBy(() -> assertThat(open).hasAccepted("s3.route.unmodeled"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected an accepted UNVERIFIED finding of s3.route.unmodeled but the accepted ones are none");
  }

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
