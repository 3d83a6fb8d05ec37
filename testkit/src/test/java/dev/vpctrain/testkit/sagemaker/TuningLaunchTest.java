package dev.vpctrain.testkit.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.launch.JobConflictException;
import dev.vpctrain.aws.launch.PreflightFailedException;
import dev.vpctrain.aws.launch.TuningRun;
import dev.vpctrain.aws.monitor.HostMetrics;
import dev.vpctrain.aws.monitor.LogLine;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStatus;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/** {@code VpcTrain.launch(CreateHyperParameterTuningJobRequest)} against the fake SageMaker. */
class TuningLaunchTest {
  @Test
  void aTuningJobThatFitsIsCreatedAndFollowedToItsBestTrainingJob() throws Exception {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    TuningRun run = aws.vpcTrain().build().launch(TuningJobSimulatorTest.request(5, 10, 16), UnaryOperator.identity());
    assertThat(run.attached()).isFalse();
    assertThat(run.preflight()).hasValueSatisfying(r -> {
      assertThat(r.kind()).isEqualTo(JobKind.TUNING);
      assertThat(r.isReady()).isTrue();
    });
    List<String> lines = new ArrayList<>();
    DescribeHyperParameterTuningJobResponse end = run.await(d -> lines.add(TuningRun.summary(d)), null);
    assertThat(end.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.COMPLETED);
    assertThat(lines).first().asString().startsWith("InProgress: 5 running");
    assertThat(lines).last().asString().startsWith("Completed: 10 completed; best hpo-0")
        .contains("validation:accuracy 0.");
  }

  @Test
  void theTrainingJobsLogsAreTailedEachLineOnceAndTheBestOnesMetricsRead() throws Exception {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    TuningRun run = aws.vpcTrain().build().launch(TuningJobSimulatorTest.request(3, 6, 2), UnaryOperator.identity());
    List<LogLine> lines = new ArrayList<>();
    DescribeHyperParameterTuningJobResponse end = run.await(d -> { }, () -> lines.addAll(run.pollLogs()), null);
    lines.addAll(run.pollLogs());
    assertThat(run.trainingJobs()).hasSize(6);
    Set<String> jobs = new TreeSet<>();
    lines.forEach(l -> jobs.add(l.stream().substring(0, l.stream().indexOf('/'))));
    assertThat(jobs).containsExactlyInAnyOrderElementsOf(
        run.trainingJobs().stream().map(HyperParameterTrainingJobSummary::trainingJobName).toList());
    assertThat(lines).doesNotHaveDuplicates().extracting(LogLine::host).contains("algo-1", "algo-2");
    assertThat(run.pollLogs()).isEmpty();
    Map<String, HostMetrics> metrics = run.metrics(end.bestTrainingJob());
    assertThat(metrics).containsOnlyKeys("algo-1", "algo-2");
    assertThat(metrics.get("algo-1").summary()).contains("CPU");
    assertThat(run.diagnose(end.bestTrainingJob())).isEmpty();
  }

  @Test
  void aTrainingJobThatFailedForAddressesIsDiagnosedAgainstItsDefinitionsSubnets() throws Exception {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    aws.sageMakerClient().createHyperParameterTuningJob(TuningJobSimulatorTest.request(8, 8, 16));
    TuningRun run = aws.vpcTrain().build().watchTuning("hpo");
    run.await();
    HyperParameterTrainingJobSummary failed = run.trainingJobs().stream()
        .filter(j -> j.trainingJobStatus() == TrainingJobStatus.FAILED).findFirst().orElseThrow();
    assertThat(run.diagnose(failed)).hasValueSatisfying(d -> assertThat(d.render()).contains("subnet.ip-capacity"));
  }

  @Test
  void anExistingTuningOrProcessingJobIsWatchedToItsEnd() throws Exception {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    aws.sageMakerClient().createHyperParameterTuningJob(TuningJobSimulatorTest.request(2, 4, 1));
    aws.sageMakerClient().createProcessingJob(ProcessingJobSimulatorTest.request("prep"));
    TuningRun tuning = aws.vpcTrain().build().watchTuning("hpo");
    assertThat(tuning.spec().maxParallelTrainingJobs()).isEqualTo(2);
    assertThat(tuning.await().hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.COMPLETED);
    assertThat(aws.vpcTrain().build().watchProcessing("prep").await().processingJobStatusAsString()).isEqualTo("Completed");
  }

  @Test
  void parallelTrainingJobsThatOverflowTheSubnetsAreRefusedBeforeAnythingIsCreated() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    assertThatThrownBy(() -> aws.vpcTrain().build().launch(TuningJobSimulatorTest.request(8, 8, 16), UnaryOperator.identity()))
        .isInstanceOf(PreflightFailedException.class).hasMessageContaining("subnet.ip-capacity");
    assertThat(aws.calls("sagemaker:CreateHyperParameterTuningJob")).isEmpty();
  }

  @Test
  void anIdenticalTuningJobIsAttachedToAndADifferentOneIsAConflict() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    aws.sageMakerClient().createHyperParameterTuningJob(TuningJobSimulatorTest.request(2, 4, 1));
    TuningRun run = aws.vpcTrain().build().launch(TuningJobSimulatorTest.request(2, 4, 1), UnaryOperator.identity());
    assertThat(run.attached()).isTrue();
    assertThatThrownBy(() -> aws.vpcTrain().build().launch(TuningJobSimulatorTest.request(3, 4, 1), UnaryOperator.identity()))
        .isInstanceOf(JobConflictException.class).hasMessageContaining("HyperParameterTuningJobConfig");
  }
}
