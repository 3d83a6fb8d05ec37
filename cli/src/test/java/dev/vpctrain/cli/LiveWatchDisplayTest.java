package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.launch.Progress;
import dev.vpctrain.aws.launch.ProgressKind;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.json.SdkJson;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

class LiveWatchDisplayTest {
  static final String JOB = "llama3-8b-finetune";
  final Clock clock = Clock.fixed(Instant.parse("2026-11-29T08:12:31Z"), ZoneOffset.UTC);

  static DescribeTrainingJobResponse describe(String fixture) throws Exception {
    try (InputStream in = LiveWatchDisplayTest.class.getResourceAsStream("/launch/" + fixture)) {
      return SdkJson.read(DescribeTrainingJobResponse::builder,
          JsonInput.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)), "");
    }
  }

  TrainingRun run(DescribeTrainingJobResponse d) {
    SageMakerClient sm = new SageMakerClient() {
      @Override
      public DescribeTrainingJobResponse describeTrainingJob(DescribeTrainingJobRequest r) {
        return d;
      }

      @Override
      public String serviceName() {
        return "sagemaker";
      }

      @Override
      public void close() {}
    };
    CloudWatchLogsClient logs = new CloudWatchLogsClient() {
      int written;

      @Override
      public DescribeLogStreamsResponse describeLogStreams(DescribeLogStreamsRequest r) {
        written++; // one new line per poll
        return DescribeLogStreamsResponse.builder()
            .logStreams(LogStream.builder().logStreamName(JOB + "/algo-1-1795939440").build()).build();
      }

      @Override
      public GetLogEventsResponse getLogEvents(GetLogEventsRequest r) {
        int read = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken().substring(2));
        if (read >= written) {
          return GetLogEventsResponse.builder().nextForwardToken(r.nextToken()).build();
        }
        return GetLogEventsResponse.builder().nextForwardToken("f/" + (read + 1))
            .events(OutputLogEvent.builder().timestamp(1795939500000L + read).message("step " + (read + 1) + "\tok\r").build())
            .build();
      }

      @Override
      public String serviceName() {
        return "logs";
      }

      @Override
      public void close() {}
    };
    CloudWatchClient cw = new CloudWatchClient() {
      @Override
      public GetMetricDataResponse getMetricData(GetMetricDataRequest r) {
        return GetMetricDataResponse.builder().metricDataResults(MetricDataResult.builder().id("m0")
            .timestamps(Instant.parse("2026-11-29T08:05:00Z"), Instant.parse("2026-11-29T08:06:00Z"))
            .values(40.0, 80.0).build()).build();
      }

      @Override
      public String serviceName() {
        return "monitoring";
      }

      @Override
      public void close() {}
    };
    return VpcTrain.builder().sageMaker(sm).cloudWatchLogs(logs).cloudWatch(cw).clock(clock).build().watch(JOB);
  }

  @Test
  void redrawsItsBlockInPlaceBelowScrollingTransitions() throws Exception {
    DescribeTrainingJobResponse d = describe("describe-inprogress.json");
    StringWriter text = new StringWriter();
    LiveWatchDisplay display = new LiveWatchDisplay(new PrintWriter(text), run(d), clock, new Paint(true), 120);

    display.onProgress(Progress.builder().jobName(JOB).kind(ProgressKind.SECONDARY_STATUS).status("Training")
        .timestamp(Instant.parse("2026-11-29T08:04:00Z")).message("Training in progress.").build());
    display.onPoll(d);
    String first = text.toString();
    display.onPoll(d);
    String second = text.toString().substring(first.length());

    assertThat(first).startsWith("08:04:00  Training  Training in progress.\n")
        .contains(JOB + "\033[0m  \033[1mInProgress\033[0m / Training  elapsed 0:12:30")
        .contains("  algo-1  CPU ▄▇  80%")
        .contains("  [algo-1] step 1 ok");
    assertThat(first).doesNotContain("\033[J");
    // the block was 4 lines: status, algo-1, algo-2, one log line; it is erased and redrawn with the new line
    assertThat(second).startsWith(String.format(LiveWatchDisplay.ERASE_BLOCK_UP, 4))
        .contains("  [algo-1] step 1 ok\n  [algo-1] step 2 ok\n");
  }

  @Test
  void sparklineScalesToAHundredPercentOrTheLargestValue() {
    assertThat(LiveWatchDisplay.sparkline(List.of(0.0, 50.0, 100.0))).isEqualTo("▁▅█");
    assertThat(LiveWatchDisplay.sparkline(List.of(100.0, 400.0))).isEqualTo("▃█");
  }
}
