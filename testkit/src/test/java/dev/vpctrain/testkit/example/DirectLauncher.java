package dev.vpctrain.testkit.example;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;

/**
 * An example "user launcher" that talks to SageMaker directly through the AWS SDK, with no
 * vpctrain in it: the kind of code the testkit's fakes stand in for.
 */
public final class DirectLauncher {
  /** How a job ended: SageMaker's final status and failure reason. */
  public record Result(String jobName, String status, String failureReason) {}

  /** What the team reads of a finished job: the last log line of the first instance and its GPU use. */
  public record Summary(String lastLogLine, double averageGpuUtilization) {}

  private final SageMakerClient sageMaker;
  private final CloudWatchLogsClient logs;
  private final CloudWatchClient cloudWatch;
  private final NightlyTraining settings;

  public DirectLauncher(SageMakerClient sageMaker, CloudWatchLogsClient logs, CloudWatchClient cloudWatch,
      NightlyTraining settings) {
    this.sageMaker = sageMaker;
    this.logs = logs;
    this.cloudWatch = cloudWatch;
    this.settings = settings;
  }

  /** Creates the training job of {@code day} and waits until it completes, fails or stops. */
  // tag::direct[]
  public Result trainNightly(LocalDate day) {
    String name = "resnet50-" + day;
    sageMaker.createTrainingJob(request(name));
    try {
      sageMaker.waiter().waitUntilTrainingJobCompletedOrStopped(r -> r.trainingJobName(name));
    } catch (SdkClientException failedOrTimedOut) {
      // the waiter gives up on a Failed job; the status below says why
    }
    DescribeTrainingJobResponse job = sageMaker.describeTrainingJob(r -> r.trainingJobName(name));
    return new Result(name, job.trainingJobStatusAsString(), job.failureReason());
  }
  // end::direct[]

  /** Reads the finished job's last log line and average GPU utilization of its first instance. */
  public Summary summarize(String jobName) {
    List<FilteredLogEvent> events = logs.filterLogEvents(r -> r.logGroupName("/aws/sagemaker/TrainingJobs")
        .logStreamNamePrefix(jobName + "/algo-1-")).events();
    DescribeTrainingJobResponse job = sageMaker.describeTrainingJob(r -> r.trainingJobName(jobName));
    Instant start = job.trainingStartTime();
    Instant end = job.trainingEndTime().plus(Duration.ofMinutes(1));
    MetricDataResult gpu = cloudWatch.getMetricData(r -> r.startTime(start).endTime(end)
        .metricDataQueries(q -> q.id("gpu").metricStat(s -> s.period(60).stat("Average").metric(m -> m
            .namespace("/aws/sagemaker/TrainingJobs").metricName("GPUUtilization")
            .dimensions(d -> d.name("Host").value(jobName + "/algo-1"))))))
        .metricDataResults().get(0);
    double average = gpu.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return new Summary(events.isEmpty() ? "" : events.get(events.size() - 1).message(), average);
  }

  private CreateTrainingJobRequest request(String name) {
    return CreateTrainingJobRequest.builder()
        .trainingJobName(name)
        .roleArn(settings.roleArn())
        .algorithmSpecification(a -> a.trainingImage(settings.image()).trainingInputMode(TrainingInputMode.FILE))
        .inputDataConfig(c -> c.channelName("train").dataSource(d -> d.s3DataSource(s -> s
            .s3DataType("S3Prefix").s3Uri(settings.dataUri()).s3DataDistributionType("FullyReplicated"))))
        .outputDataConfig(o -> o.s3OutputPath(settings.outputUri()))
        .resourceConfig(r -> r.instanceType(settings.instanceType()).instanceCount(settings.instanceCount())
            .volumeSizeInGB(100))
        .vpcConfig(v -> v.subnets(settings.subnets()).securityGroupIds(settings.securityGroups()))
        .stoppingCondition(s -> s.maxRuntimeInSeconds(86400))
        .build();
  }
}
