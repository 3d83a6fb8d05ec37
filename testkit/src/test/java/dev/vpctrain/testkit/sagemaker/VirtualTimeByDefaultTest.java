package dev.vpctrain.testkit.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.launch.JobWatcher;
import dev.vpctrain.aws.launch.ProgressListener;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobRequest;

/**
 * A launcher built from the fake clients without a clock or sleeper waits in the world's virtual
 * time (it used to sleep 5 to 30 s of real time per poll); code that still sleeps in real time is told so.
 */
class VirtualTimeByDefaultTest {
  private final Scenario ready = Scenarios.readyPrivateEndpoints();

  // tag::no-clock[]
  @Test
  void aVpcTrainWithoutClockOrSleeperWaitsInVirtualTime() throws InterruptedException {
    FakeAws aws = FakeAws.create().load(ready);
    VpcTrain vpctrain = VpcTrain.builder()
        .ec2(aws.ec2Client()).s3(aws.s3Client()).sageMaker(aws.sageMakerClient())
        .build();
    Instant start = aws.clock().instant();
    long realStart = System.nanoTime();

    TrainingOutcome outcome = vpctrain.launch(ready.job()).await(ProgressListener.none());

    assertThat(outcome.isCompleted()).isTrue();
    assertThat(Duration.between(start, aws.clock().instant())).isGreaterThan(Duration.ofMinutes(10));
    assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofSeconds(10));
  }
  // end::no-clock[]

  @Test
  void aJobWatcherOfTheFakeClientUsesItsClockToo() throws InterruptedException {
    FakeAws aws = FakeAws.create().load(ready);
    aws.vpcTrain().build().launch(ready.job());
    long realStart = System.nanoTime();

    JobWatcher.builder().sageMaker(aws.sageMakerClient()).build()
        .await(ready.job().name(), ProgressListener.none(), Duration.ofHours(2));

    assertThat(Duration.ofNanos(System.nanoTime() - realStart)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void pollingAfterRealSleepIsReportedOnceNamingTheBuilderMethods() {
    FakeAws aws = FakeAws.create().load(ready);
    aws.sageMaker().stepOnDescribe(false);
    AtomicLong nanos = new AtomicLong();
    List<String> warnings = new ArrayList<>();
    aws.sageMaker().realSleeps(new RealSleepDetector(nanos::get, RealSleepDetector.THRESHOLD, warnings::add));
    aws.vpcTrain().build().launch(ready.job());
    DescribeTrainingJobRequest describe = DescribeTrainingJobRequest.builder().trainingJobName(ready.job().name())
        .build();

    aws.sageMakerClient().describeTrainingJob(describe);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    aws.clock().advance(Duration.ofSeconds(30)); // a virtual sleep: fine
    aws.sageMakerClient().describeTrainingJob(describe);
    assertThat(warnings).isEmpty();

    nanos.addAndGet(Duration.ofSeconds(5).toNanos()); // a real sleep
    aws.sageMakerClient().describeTrainingJob(describe);
    nanos.addAndGet(Duration.ofSeconds(5).toNanos());
    aws.sageMakerClient().describeTrainingJob(describe);

    assertThat(warnings).singleElement().asString()
        .contains("after 5000 ms of real time")
        .contains("aws.vpcTrain()")
        .contains(".clock(aws.clock()).sleeper(aws.sleeper())");
  }
}
