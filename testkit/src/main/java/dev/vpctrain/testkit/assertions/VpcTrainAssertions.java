package dev.vpctrain.testkit.assertions;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.testkit.sagemaker.FakeSageMaker;
import dev.vpctrain.testkit.sagemaker.FakeTrainingJob;

/**
 * AssertJ entry points for vpctrain reports and the fake world:
 *
 * <pre>{@code
 * assertThat(report).isNotReady().hasFailure("s3.route.missing").naming("subnet-0a1b2c3d4e5f60101");
 * assertThat(aws.sageMaker()).createdNoJobs();
 * assertThat(aws.sageMaker().job("nightly")).isFailed().hasFailureReasonContaining("Data download failed");
 * }</pre>
 *
 * Needs AssertJ on the test classpath (an optional dependency of the testkit).
 */
public final class VpcTrainAssertions {
  private VpcTrainAssertions() {}

  /**
   * Starts assertions on a preflight report.
   *
   * @param report the preflight report
   * @return the assertion
   */
  public static ReportAssert assertThat(PreflightReport report) {
    return new ReportAssert(report);
  }

  /**
   * Starts assertions on a finding.
   *
   * @param finding the finding
   * @return the assertion
   */
  public static FindingAssert assertThat(Finding finding) {
    return new FindingAssert(finding);
  }

  /**
   * Starts assertions on the fake SageMaker.
   *
   * @param sageMaker the SageMaker client
   * @return the assertion
   */
  public static FakeSageMakerAssert assertThat(FakeSageMaker sageMaker) {
    return new FakeSageMakerAssert(sageMaker);
  }

  /**
   * Starts assertions on a fake training job.
   *
   * @param job the training job
   * @return the assertion
   */
  public static TrainingJobAssert assertThat(FakeTrainingJob job) {
    return new TrainingJobAssert(job);
  }
}
