package dev.vpctrain.aws.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.diagnosis.FailureCategory;
import dev.vpctrain.aws.diagnosis.FailureDiagnosis;
import dev.vpctrain.aws.support.Describes;
import dev.vpctrain.aws.support.FakeSageMaker;
import dev.vpctrain.aws.support.FakeTime;
import dev.vpctrain.aws.support.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

class TrainingRunAwaitTest {
  final TrainingJobSpec job = TestNetworks.job("resnet50-nightly");
  final FakeSageMaker sageMaker = new FakeSageMaker();
  final FakeTime time = new FakeTime(Describes.T0);
  final AtomicReference<NetworkSnapshot> network = new AtomicReference<>(TestNetworks.network(true));
  final List<Progress> events = new ArrayList<>();

  VpcTrain vpctrain() {
    return VpcTrain.builder().sageMaker(sageMaker).networkSource(j -> network.get()).ruleEngine(TestNetworks.engine())
        .clock(time).sleeper(time).build();
  }

  @Test
  void reportsEveryTransitionExactlyOnceWithTimeAndMessage() throws InterruptedException {
    Describes d = new Describes(job);
    sageMaker
        .thenDescribe(d.transition("Starting", 0, "Launching requested ML instances").now("InProgress"))
        .thenDescribe(d.now("InProgress"))
        .thenDescribe(d.message("Preparing the instances for training").now("InProgress"))
        .thenDescribe(d.transition("Downloading", 4, "Downloading input data")
            .transition("Training", 6, "Training image download completed. Training in progress.").now("InProgress"))
        .thenDescribe(d.now("InProgress"))
        .thenDescribe(d.transition("Uploading", 26, "Uploading generated training model")
            .transition("Completed", 27, "Training job completed").now("Completed"));

    TrainingOutcome outcome = vpctrain().watch("resnet50-nightly").await(events::add);

    assertThat(events).extracting(p -> p.kind() + " " + p.status() + " " + p.timestamp().orElseThrow() + " "
        + p.message().orElse("-")).containsExactly(
        "STATUS InProgress 2026-11-29T08:00:00Z -",
        "SECONDARY_STATUS Starting 2026-11-29T08:00:00Z Launching requested ML instances",
        "STATUS_MESSAGE Starting 2026-11-29T08:00:00Z Preparing the instances for training",
        "SECONDARY_STATUS Downloading 2026-11-29T08:04:00Z Downloading input data",
        "SECONDARY_STATUS Training 2026-11-29T08:06:00Z Training image download completed. Training in progress.",
        "SECONDARY_STATUS Uploading 2026-11-29T08:26:00Z Uploading generated training model",
        "SECONDARY_STATUS Completed 2026-11-29T08:27:00Z Training job completed",
        "STATUS Completed 2026-11-29T08:27:00Z -");
    assertThat(outcome.status()).isEqualTo(FinalStatus.COMPLETED);
    assertThat(outcome.isCompleted()).isTrue();
    assertThat(outcome.billableSeconds()).contains(1260);
    assertThat(outcome.trainingSeconds()).contains(1200);
    assertThat(outcome.diagnosis()).isEmpty();
  }

  @Test
  void pollsWithBackoffThatResetsOnChangeAndIsCapped() throws InterruptedException {
    Describes d = new Describes(job).transition("Starting", 0, "Launching");
    for (int i = 0; i < 6; i++) {
      sageMaker.thenDescribe(d.now("InProgress"));
    }
    sageMaker.thenDescribe(d.transition("Training", 5, "Training").now("InProgress"));
    sageMaker.thenDescribe(d.now("InProgress"));
    sageMaker.thenDescribe(d.transition("Completed", 9, "done").now("Completed"));

    TrainingRun run = vpctrain().watch("resnet50-nightly"); // one describe
    run.await(ProgressListener.none());

    // first poll reports Starting (5 s), four quiet polls (10, 20, 30, 30), Training resets (5), quiet (10), Completed
    assertThat(time.sleeps).extracting(Duration::getSeconds).containsExactly(5L, 10L, 20L, 30L, 30L, 5L, 10L);
  }

  @Test
  void timeoutStopsWaitingAtTheDeadlineAndNamesTheLastStatus() {
    sageMaker.thenDescribe(new Describes(job).transition("Training", 3, "Training in progress").now("InProgress"));

    assertThatThrownBy(() -> vpctrain().watch("resnet50-nightly").await(ProgressListener.none(), Duration.ofSeconds(50)))
        .isInstanceOf(WatchTimeoutException.class)
        .hasMessageContaining("resnet50-nightly")
        .hasMessageContaining("still InProgress (Training)");
    assertThat(time.sleeps).extracting(Duration::getSeconds).containsExactly(5L, 10L, 20L, 15L);
    assertThat(time.instant()).isEqualTo(Describes.T0.plusSeconds(50));
  }

  @Test
  void interruptionEndsTheWaitAndKeepsTheFlag() {
    sageMaker.thenDescribe(new Describes(job).transition("Training", 3, "Training").now("InProgress"));
    TrainingRun run = vpctrain().watch("resnet50-nightly");
    ProgressListener interruptOnSecondPoll = new ProgressListener() {
      int polls;

      @Override
      public void onProgress(Progress p) {}

      @Override
      public void onPoll(DescribeTrainingJobResponse latest) {
        if (++polls == 2) {
          Thread.currentThread().interrupt();
        }
      }
    };

    assertThatThrownBy(() -> run.await(interruptOnSecondPoll)).isInstanceOf(InterruptedException.class);
    assertThat(time.sleeps).hasSize(1);
    Thread.interrupted();
  }

  @Test
  void throttledAnd5xxPollsAreRetriedWithBackoff() throws InterruptedException {
    Describes d = new Describes(job);
    sageMaker.thenDescribe(d.now("InProgress")) // watch's describe
        .thenDescribe(FakeSageMaker.error("ThrottlingException", 400, "Rate exceeded"))
        .thenDescribe(FakeSageMaker.error("ThrottlingException", 400, "Rate exceeded"))
        .thenDescribe(FakeSageMaker.error("InternalFailure", 500, "We encountered an internal error."))
        .thenDescribe(d.transition("Completed", 27, "Training job completed").now("Completed"));

    TrainingOutcome outcome = vpctrain().watch("resnet50-nightly").await(ProgressListener.none());

    assertThat(outcome.status()).isEqualTo(FinalStatus.COMPLETED);
    // the failures' doubling backoff from the initial poll delay
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
  }

  @Test
  void describeFailuresDuringTheWaitNameTheOperation() {
    sageMaker.thenDescribe(new Describes(job).now("InProgress"))
        .thenDescribe(new Describes(job).now("InProgress"))
        .thenDescribe(FakeSageMaker.error("ThrottlingException", 400, "Rate exceeded"));
    TrainingRun run = vpctrain().watch("resnet50-nightly");

    assertThatThrownBy(() -> run.await(ProgressListener.none()))
        .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.isUnavailable()).isTrue())
        .hasMessage("sagemaker:DescribeTrainingJob failed: ThrottlingException (HTTP 400): Rate exceeded");
    // watch's describe, one poll and its delay, then 8 retried failures (5, 10, 20, then the 30 s cap); the 9th is thrown
    assertThat(time.sleeps).hasSize(1 + JobWatcher.DEFAULT_MAX_POLL_FAILURES)
        .endsWith(Duration.ofSeconds(30));
  }

  @Test
  void aPollRefusedForGoodIsNotRetried() {
    sageMaker.thenDescribe(new Describes(job).now("InProgress"))
        .thenDescribe(new Describes(job).now("InProgress"))
        .thenDescribe(FakeSageMaker.error("AccessDeniedException", 400, "not authorized"));
    TrainingRun run = vpctrain().watch("resnet50-nightly");

    assertThatThrownBy(() -> run.await(ProgressListener.none()))
        .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.isAccessDenied()).isTrue());
    assertThat(time.sleeps).hasSize(1);
  }

  @Test
  void failedJobIsDiagnosedWithTheFindingsOfTheMatchingRules() throws InterruptedException {
    sageMaker.thenDescribe(new Describes(job).now("InProgress"));
    TrainingRun run = vpctrain().launch(job);
    // the endpoint was removed after launch
    network.set(TestNetworks.network(false));
    String reason = "ClientError: Data download failed:Please ensure that the subnet's route table has a route to an"
        + " S3 VPC endpoint or a NAT device, and both the security groups and the subnet's network ACL allow outbound"
        + " traffic to S3.";
    sageMaker.thenDescribe(new Describes(job).transition("Downloading", 2, "Downloading input data")
        .transition("Failed", 9, reason).now("Failed", reason));

    TrainingOutcome outcome = run.await(events::add);

    assertThat(outcome.status()).isEqualTo(FinalStatus.FAILED);
    assertThat(outcome.failureReason()).contains(reason);
    FailureDiagnosis diagnosis = outcome.diagnosis().orElseThrow();
    assertThat(diagnosis.category()).isEqualTo(FailureCategory.S3_ROUTE);
    assertThat(diagnosis.findings()).extracting(f -> f.ruleId()).containsOnly("s3.route.missing");
    assertThat(diagnosis.likelyResources()).contains(TestNetworks.SUBNET_A, TestNetworks.SUBNET_B, "rtb-0a1b2c3d4e5f60711");
    assertThat(outcome.render()).contains("FAILED").contains("Likely cause").contains("s3.route.missing");
    assertThat(events).last().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ProgressKind.STATUS);
      assertThat(p.status()).isEqualTo("Failed");
      assertThat(p.message()).contains(reason);
    });
  }

  @Test
  void watchedJobIsDiagnosedFromItsDescribedRequest() throws InterruptedException {
    network.set(TestNetworks.network(false));
    sageMaker.thenDescribe(new Describes(job).now("Failed", "ClientError: Data download failed: route to an S3 VPC endpoint or a NAT device"));

    TrainingOutcome outcome = vpctrain().watch("resnet50-nightly").await(events::add);

    assertThat(outcome.diagnosis().orElseThrow().findings()).isNotEmpty();
  }

  @Test
  void diagnosisWithoutANetworkSourceSaysWhy() throws InterruptedException {
    sageMaker.thenDescribe(new Describes(job).now("Failed", "AlgorithmError: Cannot connect to host algo-2:7777"));
    VpcTrain noNetwork = VpcTrain.builder().sageMaker(sageMaker).clock(time).sleeper(time).build();

    FailureDiagnosis d = noNetwork.watch("resnet50-nightly").await(events::add).diagnosis().orElseThrow();

    assertThat(d.category()).isEqualTo(FailureCategory.CLUSTER);
    assertThat(d.findings()).isEmpty();
    assertThat(d.note()).hasValueSatisfying(n -> assertThat(n).contains("not re-run").contains("NetworkSource"));
  }

  @Test
  void stoppedJobHasNoDiagnosis() throws InterruptedException {
    sageMaker.thenDescribe(new Describes(job).transition("Stopped", 5, "Stopped by user").now("Stopped"));

    TrainingOutcome outcome = vpctrain().watch("resnet50-nightly").await(events::add, Duration.ofHours(1));

    assertThat(outcome.status()).isEqualTo(FinalStatus.STOPPED);
    assertThat(outcome.diagnosis()).isEmpty();
    assertThat(time.instant()).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
  }
}
