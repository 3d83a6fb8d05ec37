package dev.vpctrain.testkit.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobDefinition;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStatus;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * {@code CreateHyperParameterTuningJob} in the fake SageMaker: the tuner's training jobs start in batches
 * of {@code MaxParallelTrainingJobs}, and those the subnets have no addresses for fail Starting.
 */
class TuningJobSimulatorTest {
  /** A tuning job of {@code total} training jobs, {@code parallel} at once, of the ready scenario's job with {@code instances} p4d. */
  static CreateHyperParameterTuningJobRequest request(int parallel, int total, int instances) {
    TrainingJobSpec job = Scenarios.readyPrivateEndpoints().job().toBuilder().instanceType("ml.p4d.24xlarge")
        .instanceCount(instances).build();
    CreateTrainingJobRequest t = TrainingJobRequests.toRequest(job);
    HyperParameterTrainingJobDefinition d = HyperParameterTrainingJobDefinition.builder()
        .roleArn(t.roleArn())
        .algorithmSpecification(a -> a.trainingImage(t.algorithmSpecification().trainingImage()).trainingInputMode("File"))
        .inputDataConfig(t.inputDataConfig()).outputDataConfig(t.outputDataConfig()).resourceConfig(t.resourceConfig())
        .vpcConfig(t.vpcConfig()).stoppingCondition(t.stoppingCondition())
        .build();
    return CreateHyperParameterTuningJobRequest.builder()
        .hyperParameterTuningJobName("hpo")
        .hyperParameterTuningJobConfig(c -> c.strategy("Bayesian")
            .hyperParameterTuningJobObjective(o -> o.type("Maximize").metricName("validation:accuracy"))
            .resourceLimits(l -> l.maxParallelTrainingJobs(parallel).maxNumberOfTrainingJobs(total)))
        .trainingJobDefinition(d)
        .build();
  }

  static DescribeHyperParameterTuningJobResponse describeToEnd(SageMakerClient sm) {
    DescribeHyperParameterTuningJobResponse d;
    do {
      d = sm.describeHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("hpo"));
    } while (d.hyperParameterTuningJobStatus() == HyperParameterTuningJobStatus.IN_PROGRESS);
    return d;
  }

  @Test
  void parallelJobsThatDoNotFitTheSubnetsFailStarting() {
    // 16 EFA instances: 80 addresses a job; the subnets (240 and 233 free) hold 3 + 2 at once
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    SageMakerClient sm = aws.sageMakerClient();
    sm.createHyperParameterTuningJob(request(8, 8, 16));
    DescribeHyperParameterTuningJobResponse d = describeToEnd(sm);
    assertThat(d.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.COMPLETED);
    assertThat(d.trainingJobStatusCounters().completed()).isEqualTo(5);
    assertThat(d.trainingJobStatusCounters().nonRetryableError()).isEqualTo(3);
    assertThat(d.bestTrainingJob().finalHyperParameterTuningJobObjectiveMetric().metricName()).isEqualTo("validation:accuracy");
    List<HyperParameterTrainingJobSummary> jobs = sm.listTrainingJobsForHyperParameterTuningJob(r -> r
        .hyperParameterTuningJobName("hpo").maxResults(100)).trainingJobSummaries();
    assertThat(jobs).hasSize(8);
    assertThat(jobs).filteredOn(j -> j.trainingJobStatus() == TrainingJobStatus.FAILED)
        .hasSize(3).allSatisfy(j -> assertThat(j.failureReason()).startsWith("ClientError: Insufficient free IP addresses"));
    // the training jobs are training jobs of the fake too
    assertThat(sm.describeTrainingJob(r -> r.trainingJobName(jobs.get(0).trainingJobName())).trainingJobStatus())
        .isEqualTo(TrainingJobStatus.COMPLETED);
  }

  @Test
  void batchesOfTheParallelLimitThatFitAllComplete() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    SageMakerClient sm = aws.sageMakerClient();
    sm.createHyperParameterTuningJob(request(5, 10, 16));
    DescribeHyperParameterTuningJobResponse d = describeToEnd(sm);
    assertThat(d.trainingJobStatusCounters().completed()).isEqualTo(10);
    assertThat(d.trainingJobStatusCounters().nonRetryableError()).isZero();
    List<HyperParameterTrainingJobSummary> jobs = sm.listTrainingJobsForHyperParameterTuningJob(r -> r
        .hyperParameterTuningJobName("hpo").maxResults(100)).trainingJobSummaries();
    // the second batch starts when the first has ended
    assertThat(jobs.get(5).creationTime()).isAfter(jobs.get(4).creationTime());
    assertThat(d.bestTrainingJob().finalHyperParameterTuningJobObjectiveMetric().value())
        .isEqualTo(jobs.stream().map(j -> j.finalHyperParameterTuningJobObjectiveMetric().value()).max(Float::compare).get());
  }

  @Test
  void aBrokenNetworkFailsEveryTrainingJobAndTheTuningJob() {
    FakeAws aws = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());
    SageMakerClient sm = aws.sageMakerClient();
    sm.createHyperParameterTuningJob(request(2, 2, 1));
    DescribeHyperParameterTuningJobResponse d = describeToEnd(sm);
    assertThat(d.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.FAILED);
    assertThat(d.failureReason()).contains("ClientError: Data download failed");
    assertThat(d.bestTrainingJob()).isNull();
  }

  @Test
  void stopStopsTheRunningTrainingJobsAndNamesAreUnique() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    SageMakerClient sm = aws.sageMakerClient();
    sm.createHyperParameterTuningJob(request(2, 4, 1));
    sm.stopHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("hpo"));
    aws.clock().advance(java.time.Duration.ofMinutes(5));
    DescribeHyperParameterTuningJobResponse d = sm.describeHyperParameterTuningJob(r -> r.hyperParameterTuningJobName("hpo"));
    assertThat(d.hyperParameterTuningJobStatus()).isEqualTo(HyperParameterTuningJobStatus.STOPPED);
    assertThatThrownBy(() -> sm.createHyperParameterTuningJob(request(2, 4, 1))).isInstanceOf(ResourceInUseException.class);
    assertThat(sm.listHyperParameterTuningJobs(r -> r.statusEquals("Stopped")).hyperParameterTuningJobSummaries())
        .singleElement().satisfies(j -> {
          assertThat(j.hyperParameterTuningJobName()).isEqualTo("hpo");
          assertThat(j.strategyAsString()).isEqualTo("Bayesian");
        });
    assertThat(sm.listHyperParameterTuningJobs(r -> r.nameContains("other")).hyperParameterTuningJobSummaries()).isEmpty();
  }
}
