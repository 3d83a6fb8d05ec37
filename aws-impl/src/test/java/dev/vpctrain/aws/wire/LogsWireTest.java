package dev.vpctrain.aws.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.aws.monitor.LogLine;
import dev.vpctrain.aws.monitor.LogTail;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** Tailing a job's log streams against CloudWatch Logs' JSON 1.1 wire format, through the real SDK client. */
class LogsWireTest {
  static final String JSON = "application/x-amz-json-1.1";
  static final String GROUP = "/aws/sagemaker/TrainingJobs";
  static final String JOB = "resnet50-nightly";
  static final String A1 = JOB + "/algo-1-1795939300";
  static final String A2 = JOB + "/algo-2-1795939300";
  static final String A3 = JOB + "/algo-3-1795939900";
  static final long T = 1795939300000L;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final CloudWatchLogsClient logs = Clients.logs(wm.baseUrl());
  final LogTail tail = LogTail.builder().logs(logs).jobName(JOB).build();

  @AfterEach
  void close() {
    logs.close();
  }

  static MappingBuilder call(String operation) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328." + operation))
        .withHeader("Content-Type", equalTo(JSON));
  }

  static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body);
  }

  static MappingBuilder describe(String nextToken) {
    return call("DescribeLogStreams").withRequestBody(equalToJson("{\"logGroupName\":\"" + GROUP
        + "\",\"logStreamNamePrefix\":\"" + JOB + "/\"" + (nextToken == null ? "" : ",\"nextToken\":\"" + nextToken + "\"") + "}"));
  }

  static String streams(String nextToken, String... names) {
    StringBuilder sb = new StringBuilder("{\"logStreams\":[");
    for (int i = 0; i < names.length; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"logStreamName\":\"").append(names[i])
          .append("\",\"creationTime\":").append(T).append(",\"arn\":\"arn:aws:logs:us-east-1:123456789012:log-group:")
          .append(GROUP).append(":log-stream:").append(names[i]).append("\",\"storedBytes\":0}");
    }
    return sb.append("]").append(nextToken == null ? "" : ",\"nextToken\":\"" + nextToken + "\"").append("}").toString();
  }

  static MappingBuilder events(String stream, String token) {
    return call("GetLogEvents").withRequestBody(equalToJson("{\"logGroupName\":\"" + GROUP + "\",\"logStreamName\":\""
        + stream + "\"" + (token == null ? "" : ",\"nextToken\":\"" + token + "\"") + ",\"startFromHead\":true}"));
  }

  /** A GetLogEvents page: lines as "offsetSeconds message". */
  static ResponseDefinitionBuilder page(String nextForwardToken, String... lines) {
    StringBuilder sb = new StringBuilder("{\"events\":[");
    for (int i = 0; i < lines.length; i++) {
      String[] parts = lines[i].split(" ", 2);
      long ts = T + Long.parseLong(parts[0]) * 1000;
      sb.append(i == 0 ? "" : ",").append("{\"timestamp\":").append(ts).append(",\"message\":\"").append(parts[1])
          .append("\",\"ingestionTime\":").append(ts + 150).append('}');
    }
    return ok(sb.append("],\"nextForwardToken\":\"").append(nextForwardToken)
        .append("\",\"nextBackwardToken\":\"b/0\"}").toString());
  }

  void firstState() {
    wm.stubFor(describe(null).willReturn(ok(streams("page-2", A1))));
    wm.stubFor(describe("page-2").inScenario("streams").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(ok(streams(null, A2))));
    wm.stubFor(describe("page-2").inScenario("streams").whenScenarioStateIs("later")
        .willReturn(ok(streams(null, A2, A3))));
    wm.stubFor(events(A1, null).willReturn(page("f/a1/2", "1 Invoking script train.py", "2 epoch 1 loss=2.31")));
    wm.stubFor(events(A1, "f/a1/2").willReturn(page("f/a1/3", "5 epoch 2 loss=1.87")));
    wm.stubFor(events(A1, "f/a1/3").inScenario("streams").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(page("f/a1/3")));
    wm.stubFor(events(A1, "f/a1/3").inScenario("streams").whenScenarioStateIs("later")
        .willReturn(page("f/a1/4", "9 epoch 3 loss=1.52")));
    wm.stubFor(events(A1, "f/a1/4").willReturn(page("f/a1/4")));
    wm.stubFor(events(A2, null).willReturn(page("f/a2/1", "3 [algo-2] worker ready")));
    wm.stubFor(events(A2, "f/a2/1").willReturn(page("f/a2/1")));
    wm.stubFor(events(A3, null).willReturn(page("f/a3/1", "8 [algo-3] worker ready")));
    wm.stubFor(events(A3, "f/a3/1").willReturn(page("f/a3/1")));
  }

  static List<String> text(List<LogLine> lines) {
    return lines.stream().map(l -> l.host() + " " + l.message()).collect(java.util.stream.Collectors.toList());
  }

  @Test
  void followsEveryStreamPageByPageWithoutLosingOrRepeatingALine() {
    firstState();

    List<LogLine> first = tail.poll();

    assertThat(text(first)).containsExactly("algo-1 Invoking script train.py", "algo-1 epoch 1 loss=2.31",
        "algo-2 [algo-2] worker ready", "algo-1 epoch 2 loss=1.87");
    assertThat(first.get(0).timestamp().toEpochMilli()).isEqualTo(T + 1000);
    assertThat(first.get(0).stream()).isEqualTo(A1);
    assertThat(tail.streams()).containsExactlyInAnyOrder(A1, A2);

    wm.setScenarioState("streams", "later");
    assertThat(text(tail.poll())).containsExactly("algo-3 [algo-3] worker ready", "algo-1 epoch 3 loss=1.52");
    assertThat(tail.poll()).isEmpty();
    assertThat(tail.streams()).hasSize(3);
  }

  @Test
  void missingLogGroupMeansNoLinesYet() {
    wm.stubFor(call("DescribeLogStreams").willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
        .withBody("{\"__type\":\"ResourceNotFoundException\",\"message\":\"The specified log group does not exist.\"}")));

    assertThat(tail.poll()).isEmpty();
    wm.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.GetLogEvents")));
  }

  @Test
  void aFailedPageLosesNoLine() {
    firstState();
    wm.stubFor(events(A1, "f/a1/2").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
            .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized to perform: logs:GetLogEvents\"}"))
        .willSetStateTo("fixed"));
    wm.stubFor(events(A1, "f/a1/2").inScenario("flaky").whenScenarioStateIs("fixed")
        .willReturn(page("f/a1/3", "5 epoch 2 loss=1.87")));

    assertThatThrownBy(tail::poll)
        .isInstanceOfSatisfying(AwsCallException.class, e -> {
          assertThat(e.operation()).isEqualTo("logs:GetLogEvents");
          assertThat(e.isAccessDenied()).isTrue();
        })
        .hasMessageContaining("not authorized to perform: logs:GetLogEvents");
    assertThat(text(tail.poll())).containsExactly("algo-1 Invoking script train.py", "algo-1 epoch 1 loss=2.31",
        "algo-2 [algo-2] worker ready", "algo-1 epoch 2 loss=1.87");
    assertThat(tail.poll()).isEmpty();
  }

  @Test
  void persistentServerErrorNamesTheOperation() {
    wm.stubFor(call("DescribeLogStreams").willReturn(aResponse().withStatus(500).withHeader("Content-Type", JSON)
        .withBody("{\"__type\":\"ServiceUnavailableException\",\"message\":\"The service is unavailable\"}")));

    assertThatThrownBy(tail::poll)
        .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.isUnavailable()).isTrue())
        .hasMessage("logs:DescribeLogStreams failed: ServiceUnavailableException (HTTP 500): The service is unavailable");
    wm.verify(Clients.MAX_ATTEMPTS, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void malformedBodyNamesTheOperation() {
    wm.stubFor(describe(null).willReturn(ok("{\"logStreams\":[{\"logStreamName\":")));

    assertThatThrownBy(tail::poll)
        .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.errorCode()).isEqualTo("MalformedResponse"))
        .hasMessageStartingWith("logs:DescribeLogStreams failed: MalformedResponse");
  }

  @Test
  void hostComesFromTheStreamName() {
    assertThat(LogTail.hostOf(JOB, A2)).isEqualTo("algo-2");
    assertThat(LogTail.hostOf(JOB, JOB + "/algo-12-1795939300")).isEqualTo("algo-12");
    assertThat(LogTail.hostOf(JOB, JOB + "/odd")).isEqualTo("odd");
  }
}
