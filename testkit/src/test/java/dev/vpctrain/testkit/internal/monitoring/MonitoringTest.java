package dev.vpctrain.testkit.internal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class MonitoringTest {
  private static final String GROUP = "/aws/sagemaker/TrainingJobs";
  private final FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());

  @Test
  void beforeAnyJobTheLogGroupDoesNotExist() {
    assertThatThrownBy(() -> aws.logsClient().describeLogStreams(r -> r.logGroupName(GROUP)))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified log group does not exist.");
          assertThat(e.awsErrorDetails().serviceName()).isEqualTo("CloudWatchLogs");
        });
  }

  @Test
  void aCompletedJobHasOneStreamPerInstanceReadableToTheEndThroughThePaginator() {
    Instant training = completeJob();

    List<LogStream> streams = aws.logsClient()
        .describeLogStreams(r -> r.logGroupName(GROUP).logStreamNamePrefix("resnet50-nightly/")).logStreams();
    assertThat(streams).extracting(LogStream::logStreamName).containsExactly(
        "resnet50-nightly/algo-1-" + training.getEpochSecond(), "resnet50-nightly/algo-2-" + training.getEpochSecond());

    List<OutputLogEvent> events = new ArrayList<>();
    aws.logsClient().getLogEventsPaginator(r -> r.logGroupName(GROUP).logStreamName(streams.get(0).logStreamName())
        .startFromHead(true).limit(4)).forEach(page -> events.addAll(page.events()));

    assertThat(events).hasSizeGreaterThan(8);
    assertThat(events).extracting(OutputLogEvent::timestamp).isSorted();
    assertThat(events.get(events.size() - 1).message()).contains("Reporting training SUCCESS");
    assertThat(events).anySatisfy(e -> assertThat(e.message()).contains("\"current_host\": \"algo-1\""));
  }

  @Test
  void logsAppearAsVirtualTimePasses() {
    aws.sageMaker().stepOnDescribe(false);
    aws.sageMakerClient().createTrainingJob(TrainingJobRequests.toRequest(Scenarios.readyPrivateEndpoints().job()));

    assertThat(aws.logsClient().describeLogStreams(r -> r.logGroupName(GROUP)).logStreams()).isEmpty();
    aws.clock().advance(Duration.ofMinutes(6));
    List<LogStream> streams = aws.logsClient().describeLogStreams(r -> r.logGroupName(GROUP)).logStreams();
    int early = aws.logsClient().getLogEvents(r -> r.logGroupName(GROUP).logStreamName(streams.get(0).logStreamName()))
        .events().size();
    aws.sageMaker().runToEnd("resnet50-nightly");
    int late = aws.logsClient().getLogEvents(r -> r.logGroupName(GROUP).logStreamName(streams.get(0).logStreamName()))
        .events().size();

    assertThat(streams).hasSize(2);
    assertThat(early).isPositive().isLessThan(late);
  }

  @Test
  void filterLogEventsMatchesTermsAcrossStreams() {
    completeJob();

    var success = aws.logsClient().filterLogEvents(r -> r.logGroupName(GROUP).filterPattern("\"Reporting training\" SUCCESS"));
    var noMatch = aws.logsClient().filterLogEvents(r -> r.logGroupName(GROUP).filterPattern("FAILURE"));

    assertThat(success.events()).hasSize(2).extracting(e -> e.logStreamName()).doesNotHaveDuplicates();
    assertThat(noMatch.events()).isEmpty();
  }

  @Test
  void theFiveInstanceMetricsAreListedPerHostAndQueryable() {
    Instant training = completeJob();

    List<Metric> metrics = aws.cloudWatchClient().listMetrics(r -> r.namespace(GROUP)).metrics();
    assertThat(metrics).hasSize(10);
    assertThat(metrics).extracting(Metric::metricName).containsOnly(
        "CPUUtilization", "MemoryUtilization", "GPUUtilization", "GPUMemoryUtilization", "DiskUtilization");
    assertThat(metrics).flatExtracting(Metric::dimensions).extracting(Dimension::value)
        .containsOnly("resnet50-nightly/algo-1", "resnet50-nightly/algo-2");

    MetricDataResult gpu = aws.cloudWatchClient().getMetricData(r -> r
        .startTime(training).endTime(training.plus(Duration.ofMinutes(10)))
        .scanBy("TimestampAscending")
        .metricDataQueries(q -> q.id("gpu").metricStat(s -> s.period(300).stat("Average").metric(m -> m
            .namespace(GROUP).metricName("GPUUtilization").dimensions(d -> d.name("Host").value("resnet50-nightly/algo-1"))))))
        .metricDataResults().get(0);

    assertThat(gpu.statusCodeAsString()).isEqualTo("Complete");
    assertThat(gpu.label()).isEqualTo("GPUUtilization");
    assertThat(gpu.timestamps()).containsExactly(training, training.plus(Duration.ofMinutes(5)));
    assertThat(gpu.values()).allSatisfy(v -> assertThat(v).isBetween(85.0, 99.0));
  }

  @Test
  void badQueriesAreCloudWatchErrors() {
    completeJob();

    assertThatThrownBy(() -> aws.cloudWatchClient().getMetricData(r -> r.startTime(Instant.EPOCH).endTime(Instant.now())
        .metricDataQueries(q -> q.id("Upper").metricStat(s -> s.period(60).stat("Average").metric(m -> m.namespace(GROUP))))))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("MetricDataQueries.member.1.Id");
  }

  private Instant completeJob() {
    aws.sageMakerClient().createTrainingJob(TrainingJobRequests.toRequest(Scenarios.readyPrivateEndpoints().job()));
    aws.sageMakerClient().waiter().waitUntilTrainingJobCompletedOrStopped(r -> r.trainingJobName("resnet50-nightly"));
    return aws.sageMakerClient().describeTrainingJob(r -> r.trainingJobName("resnet50-nightly"))
        .secondaryStatusTransitions().get(2).startTime();
  }
}
