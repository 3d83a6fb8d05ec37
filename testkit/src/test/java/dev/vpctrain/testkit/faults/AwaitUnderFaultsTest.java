package dev.vpctrain.testkit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.aws.launch.JobWatcher;
import dev.vpctrain.aws.launch.ProgressListener;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.testkit.AwsFault;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/** {@code TrainingRun.await()} survives throttled and 5xx polls, as the SDK's waiters do. */
class AwaitUnderFaultsTest {
  private final Scenario ready = Scenarios.readyPrivateEndpoints();
  // three attempts per call: the SDK's standard retry strategy
  private final FakeAws aws = FakeAws.builder().scenario(ready)
      .retryStrategy(AwsRetryStrategy.standardRetryStrategy()).build();

  // tag::await-throttled[]
  @Test
  void awaitSurvivesThrottledPolls() throws InterruptedException {
    TrainingRun run = aws.vpcTrain().build().launch(ready.job());
    // more failures than the client's own 3 attempts: two polls fail outright, the third succeeds
    aws.sageMaker().failTimes("DescribeTrainingJob", 7, AwsFault.throttling());

    TrainingOutcome outcome = run.await(ProgressListener.none());

    assertThat(outcome.isCompleted()).isTrue();
    assertThat(aws.calls("sagemaker:DescribeTrainingJob"))
        .filteredOn(c -> c.errorCode().filter("ThrottlingException"::equals).isPresent()).hasSize(7);
  }
  // end::await-throttled[]

  @Test
  void awaitSurvives5xxAndTimeouts() throws InterruptedException {
    TrainingRun run = aws.vpcTrain().build().launch(ready.job());
    aws.sageMaker().failTimes("DescribeTrainingJob", 3, AwsFault.serviceUnavailable())
        .failTimes("DescribeTrainingJob", 3, AwsFault.timeout());

    assertThat(run.await(ProgressListener.none()).isCompleted()).isTrue();
  }

  @Test
  void awaitGivesUpWhenThrottlingNeverEnds() {
    TrainingRun run = aws.vpcTrain().build().launch(ready.job());
    aws.sageMaker().failAlways("DescribeTrainingJob", AwsFault.throttling());

    assertThatThrownBy(() -> run.await(ProgressListener.none()))
        .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.errorCode()).isEqualTo("ThrottlingException"));
    // the first poll and the retried ones, three attempts each
    assertThat(aws.calls("sagemaker:DescribeTrainingJob")).filteredOn(c -> c.errorCode().filter("ThrottlingException"::equals).isPresent())
        .hasSize(3 * (1 + JobWatcher.DEFAULT_MAX_POLL_FAILURES));
  }

  @Test
  void awaitDoesNotRetryAccessDenied() {
    TrainingRun run = aws.vpcTrain().build().launch(ready.job());
    aws.sageMaker().failNext("DescribeTrainingJob", AwsFault.accessDenied());

    assertThatThrownBy(() -> run.await(ProgressListener.none()))
        .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.isAccessDenied()).isTrue());
  }
}
