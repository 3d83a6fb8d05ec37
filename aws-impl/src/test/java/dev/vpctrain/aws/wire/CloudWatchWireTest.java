package dev.vpctrain.aws.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
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
import dev.vpctrain.aws.monitor.HostMetrics;
import dev.vpctrain.aws.monitor.MetricSeries;
import dev.vpctrain.aws.monitor.MetricsReader;
import dev.vpctrain.aws.monitor.TrainingMetric;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Reading instance metrics against CloudWatch's wire format at SDK 2.40.2: the AWS query protocol
 * (form-encoded {@code Action=GetMetricData&Version=2010-08-01}, no {@code X-Amz-Target}) with XML responses.
 */
class CloudWatchWireTest {
  static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
  static final String JOB = "resnet50-nightly";
  static final Instant START = Instant.parse("2026-11-29T08:00:00Z");
  static final Instant END = Instant.parse("2026-11-29T09:00:00Z");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final CloudWatchClient cloudWatch = Clients.cloudWatch(wm.baseUrl());

  @AfterEach
  void close() {
    cloudWatch.close();
  }

  static MappingBuilder getMetricData() {
    return post(urlEqualTo("/")).withHeader("Content-Type", equalTo(FORM)).withHeader("X-Amz-Target", absent())
        .withRequestBody(containing("Action=GetMetricData&Version=2010-08-01&"));
  }

  static ResponseDefinitionBuilder xml(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
  }

  /** A result: id, label and "minute value" points. */
  static String result(String id, String label, String... points) {
    StringBuilder ts = new StringBuilder();
    StringBuilder vs = new StringBuilder();
    for (String p : points) {
      String[] mv = p.split(" ");
      ts.append("<member>").append(START.plusSeconds(60L * Integer.parseInt(mv[0]))).append("</member>");
      vs.append("<member>").append(mv[1]).append("</member>");
    }
    return "<member><Timestamps>" + ts + "</Timestamps><StatusCode>Complete</StatusCode><Values>" + vs
        + "</Values><Id>" + id + "</Id><Label>" + label + "</Label></member>";
  }

  static String response(String nextToken, String... results) {
    return "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><GetMetricDataResult>"
        + "<MetricDataResults>" + String.join("", results) + "</MetricDataResults>"
        + (nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>")
        + "<Messages/></GetMetricDataResult><ResponseMetadata><RequestId>5e1a7d1c-0b4f-4c1e-9d3a-1f2e3d4c5b6a</RequestId>"
        + "</ResponseMetadata></GetMetricDataResponse>";
  }

  @Test
  void sendsOneQueryPerHostAndMetricInTheQueryProtocol() {
    wm.stubFor(getMetricData().willReturn(xml(200, response(null, result("m0", "CPUUtilization", "1 12.5", "2 87.5")))));

    Map<String, HostMetrics> metrics = MetricsReader.builder().cloudWatch(cloudWatch)
        .metrics(TrainingMetric.CPU_UTILIZATION).build().read(JOB, List.of("algo-1"), START, END);

    String body = wm.getAllServeEvents().get(0).getRequest().getBodyAsString();
    assertThat(body).isEqualTo("Action=GetMetricData&Version=2010-08-01"
        + "&MetricDataQueries.member.1.Id=m0"
        + "&MetricDataQueries.member.1.MetricStat.Metric.Namespace=%2Faws%2Fsagemaker%2FTrainingJobs"
        + "&MetricDataQueries.member.1.MetricStat.Metric.MetricName=CPUUtilization"
        + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=Host"
        + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value=resnet50-nightly%2Falgo-1"
        + "&MetricDataQueries.member.1.MetricStat.Period=60"
        + "&MetricDataQueries.member.1.MetricStat.Stat=Average"
        + "&MetricDataQueries.member.1.ReturnData=true"
        + "&StartTime=2026-11-29T08%3A00%3A00Z&EndTime=2026-11-29T09%3A00%3A00Z&ScanBy=TimestampAscending");
    MetricSeries cpu = metrics.get("algo-1").series(TrainingMetric.CPU_UTILIZATION).orElseThrow();
    assertThat(cpu.values()).containsExactly(12.5, 87.5);
    assertThat(cpu.timestamps()).containsExactly(START.plusSeconds(60), START.plusSeconds(120));
    assertThat(cpu.average()).hasValue(50.0);
  }

  @Test
  void readsAllHostsAndMetricsInOneBatchedCallFollowingNextToken() {
    wm.stubFor(getMetricData().withRequestBody(notContaining("NextToken")).willReturn(xml(200, response("page-2",
        result("m0", "CPUUtilization", "1 10", "2 30"),
        result("m2", "GPUUtilization", "1 95"),
        result("m5", "CPUUtilization", "1 20")))));
    wm.stubFor(getMetricData().withRequestBody(containing("&NextToken=page-2")).willReturn(xml(200, response(null,
        result("m0", "CPUUtilization", "3 50"),
        result("m7", "GPUUtilization", "1 91", "2 93"),
        result("m9", "DiskUtilization", "1 4.5")))));

    Map<String, HostMetrics> metrics = MetricsReader.builder().cloudWatch(cloudWatch).build()
        .read(JOB, MetricsReader.hosts(2), START, END);

    wm.verify(2, postRequestedFor(urlEqualTo("/")));
    String first = wm.getAllServeEvents().get(1).getRequest().getBodyAsString();
    assertThat(first).contains("MetricDataQueries.member.10.Id=m9")
        .contains("MetricDataQueries.member.10.MetricStat.Metric.MetricName=DiskUtilization")
        .contains("MetricDataQueries.member.10.MetricStat.Metric.Dimensions.member.1.Value=resnet50-nightly%2Falgo-2")
        .contains("MetricDataQueries.member.4.MetricStat.Metric.MetricName=GPUMemoryUtilization")
        .doesNotContain("member.11.");
    assertThat(metrics).containsOnlyKeys("algo-1", "algo-2");
    HostMetrics a1 = metrics.get("algo-1");
    assertThat(a1.series(TrainingMetric.CPU_UTILIZATION).orElseThrow().values()).containsExactly(10.0, 30.0, 50.0);
    assertThat(a1.series(TrainingMetric.CPU_UTILIZATION).orElseThrow().toString())
        .isEqualTo("CPUUtilization min 10.0 avg 30.0 max 50.0 (3 points)");
    assertThat(a1.series(TrainingMetric.MEMORY_UTILIZATION).orElseThrow().values()).isEmpty();
    assertThat(metrics.get("algo-2").series(TrainingMetric.GPU_UTILIZATION).orElseThrow().max()).hasValue(93.0);
    assertThat(metrics.get("algo-2").summary()).isEqualTo("algo-2  CPUUtilization min 20.0 avg 20.0 max 20.0 (1 points)"
        + "  GPUUtilization min 91.0 avg 92.0 max 93.0 (2 points)  DiskUtilization min 4.5 avg 4.5 max 4.5 (1 points)");
  }

  @Test
  void throttlingThenSuccessIsRetried() {
    wm.stubFor(getMetricData().inScenario("t").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(xml(400, "<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><Error><Type>Sender</Type>"
            + "<Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r1</RequestId></ErrorResponse>"))
        .willSetStateTo("ok"));
    wm.stubFor(getMetricData().inScenario("t").whenScenarioStateIs("ok")
        .willReturn(xml(200, response(null, result("m0", "CPUUtilization", "1 5")))));

    Map<String, HostMetrics> metrics = MetricsReader.builder().cloudWatch(cloudWatch)
        .metrics(TrainingMetric.CPU_UTILIZATION).build().read(JOB, List.of("algo-1"), START, END);

    assertThat(metrics.get("algo-1").series(TrainingMetric.CPU_UTILIZATION).orElseThrow().values()).containsExactly(5.0);
    wm.verify(2, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void accessDeniedNamesTheOperation() {
    wm.stubFor(getMetricData().willReturn(xml(403, "<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
        + "<Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/ci is not "
        + "authorized to perform: cloudwatch:GetMetricData</Message></Error><RequestId>r2</RequestId></ErrorResponse>")));

    assertThatThrownBy(() -> MetricsReader.builder().cloudWatch(cloudWatch).build().read(JOB, List.of("algo-1"), START, END))
        .isInstanceOfSatisfying(AwsCallException.class, e -> {
          assertThat(e.isAccessDenied()).isTrue();
          assertThat(e.statusCode()).isEqualTo(403);
        })
        .hasMessageStartingWith("cloudwatch:GetMetricData failed: AccessDenied (HTTP 403): User: arn:aws:iam::123456789012");
  }

  @Test
  void persistentServerErrorAndMalformedXmlNameTheOperation() {
    wm.stubFor(getMetricData().willReturn(xml(500, "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code>"
        + "<Message>internal error</Message></Error><RequestId>r3</RequestId></ErrorResponse>")));
    MetricsReader reader = MetricsReader.builder().cloudWatch(cloudWatch).build();
    assertThatThrownBy(() -> reader.read(JOB, List.of("algo-1"), START, END))
        .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.isUnavailable()).isTrue())
        .hasMessage("cloudwatch:GetMetricData failed: InternalFailure (HTTP 500): internal error");
    wm.verify(Clients.MAX_ATTEMPTS, postRequestedFor(urlEqualTo("/")));

    wm.resetAll();
    wm.stubFor(getMetricData().willReturn(xml(200, "<GetMetricDataResponse><GetMetricDataResult><MetricDataResults><member>")));
    assertThatThrownBy(() -> reader.read(JOB, List.of("algo-1"), START, END))
        .isInstanceOfSatisfying(AwsCallException.class, e -> assertThat(e.errorCode()).isEqualTo("MalformedResponse"))
        .hasMessageStartingWith("cloudwatch:GetMetricData failed: MalformedResponse");
  }
}
