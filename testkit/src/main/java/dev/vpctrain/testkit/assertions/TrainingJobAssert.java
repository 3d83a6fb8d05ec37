package dev.vpctrain.testkit.assertions;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.testkit.sagemaker.FakeTrainingJob;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a simulated training job, as it is now in virtual time. */
public final class TrainingJobAssert extends AbstractAssert<TrainingJobAssert, FakeTrainingJob> {
  TrainingJobAssert(FakeTrainingJob actual) {
    super(actual, TrainingJobAssert.class);
  }

  /**
   * {@code TrainingJobStatus} now.
   *
   * @param status the status
   * @return this assertion
   */
  public TrainingJobAssert hasStatus(String status) {
    isNotNull();
    if (!actual.status().equals(status)) {
      failWithMessage("Expected training job %s to be %s but it is %s/%s%s", actual.name(), status, actual.status(),
          actual.secondaryStatus(), actual.failureReason().map(r -> " (" + r + ")").orElse(""));
    }
    return this;
  }

  /**
   * Checks that the job completed.
   *
   * @return this assertion
   */
  public TrainingJobAssert isCompleted() {
    return hasStatus("Completed");
  }

  /**
   * Checks that the job failed.
   *
   * @return this assertion
   */
  public TrainingJobAssert isFailed() {
    return hasStatus("Failed");
  }

  /**
   * Checks that the job is still in progress.
   *
   * @return this assertion
   */
  public TrainingJobAssert isInProgress() {
    return hasStatus("InProgress");
  }

  /**
   * Checks that the job failed with a reason containing a text.
   *
   * @param text the text
   * @return this assertion
   */
  public TrainingJobAssert hasFailureReasonContaining(String text) {
    isNotNull();
    String reason = actual.failureReason().orElse(null);
    if (reason == null || !reason.contains(text)) {
      failWithMessage("Expected the failure reason of %s to contain %s but it is %s", actual.name(), text,
          reason == null ? "absent (status " + actual.status() + ")" : reason);
    }
    return this;
  }

  /**
   * The simulator failed the job because of {@code ruleId}.
   *
   * @param ruleId the rule id
   * @return this assertion
   */
  public TrainingJobAssert wasFailedBy(String ruleId) {
    isNotNull();
    String cause = actual.cause().map(Finding::ruleId).orElse(null);
    if (!ruleId.equals(cause)) {
      failWithMessage("Expected training job %s to be failed by %s but %s", actual.name(), ruleId,
          cause == null ? "no rule failed it" : "it was failed by " + cause);
    }
    return this;
  }

  /**
   * The status the job ends with when left to run.
   *
   * @param status the status
   * @return this assertion
   */
  public TrainingJobAssert willEndAs(String status) {
    isNotNull();
    if (!actual.finalStatus().equals(status)) {
      failWithMessage("Expected training job %s to end %s but it ends %s%s", actual.name(), status, actual.finalStatus(),
          actual.finalFailureReason().map(r -> " (" + r + ")").orElse(""));
    }
    return this;
  }
}
