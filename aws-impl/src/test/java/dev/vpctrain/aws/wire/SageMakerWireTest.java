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
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.diagnosis.FailureCategory;
import dev.vpctrain.aws.launch.FinalStatus;
import dev.vpctrain.aws.launch.JobConflictException;
import dev.vpctrain.aws.launch.LaunchException;
import dev.vpctrain.aws.launch.PreflightFailedException;
import dev.vpctrain.aws.launch.Progress;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.aws.support.FakeTime;
import dev.vpctrain.aws.support.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.NetworkSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The launch and watch sequence against SageMaker's JSON 1.1 wire format, through the real SDK client. */
class SageMakerWireTest {
  static final String JSON = "application/x-amz-json-1.1";
  static final String DESCRIBE = "SageMaker.DescribeTrainingJob";
  static final String CREATE = "SageMaker.CreateTrainingJob";
  static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:training-job/resnet50-nightly";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final TrainingJobSpec job = TestNetworks.job("resnet50-nightly");
  final FakeTime time = new FakeTime(Instant.parse("2026-11-29T08:00:00Z"));
  SageMakerClient client = Clients.sageMaker(wm.baseUrl());

  @AfterEach
  void close() {
    client.close();
  }

  VpcTrain vpctrain(NetworkSource network) {
    return VpcTrain.builder().sageMaker(client).networkSource(network).ruleEngine(TestNetworks.engine())
        .clock(time).sleeper(time).build();
  }

  VpcTrain vpctrain(NetworkSnapshot network) {
    return vpctrain(j -> network);
  }

  static MappingBuilder call(String target) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
        .withHeader("Content-Type", equalTo(JSON));
  }

  static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body);
  }

  static ResponseDefinitionBuilder error(int status, String type, String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", JSON)
        .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = SageMakerWireTest.class.getResourceAsStream("/wire/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  void noSuchJob() {
    wm.stubFor(call(DESCRIBE).withRequestBody(equalToJson("{\"TrainingJobName\":\"resnet50-nightly\"}"))
        .willReturn(error(400, "com.amazon.coral.validate#ValidationException", "Requested resource not found.")));
  }

  int count(String target) {
    return wm.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))).size();
  }

  @Test
  void launchSendsTheCompleteRequestAfterCheckingTheNameIsFree() throws IOException {
    noSuchJob();
    wm.stubFor(call(CREATE).willReturn(ok("{\"TrainingJobArn\":\"" + ARN + "\"}")));

    TrainingRun run = vpctrain(TestNetworks.network(true)).launch(job);

    assertThat(run.jobArn()).contains(ARN);
    wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(CREATE))
        .withHeader("Content-Type", equalTo(JSON))
        .withRequestBody(equalToJson(TrainingJobRequests.toJson(job).toString())));
    String body = wm.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(CREATE)))
        .get(0).getBodyAsString();
    assertThat(body).contains("\"VpcConfig\":{\"SecurityGroupIds\":[\"sg-0a1b2c3d4e5f60710\"],"
        + "\"Subnets\":[\"subnet-0a1b2c3d4e5f60718\",\"subnet-0a1b2c3d4e5f60719\"]}");
  }

  @Test
  void notReadyJobNeverReachesCreateTrainingJob() {
    noSuchJob();
    wm.stubFor(call(CREATE).willReturn(ok("{\"TrainingJobArn\":\"" + ARN + "\"}")));

    assertThatThrownBy(() -> vpctrain(TestNetworks.network(false)).launch(job))
        .isInstanceOf(PreflightFailedException.class)
        .hasMessageContaining("s3.route.missing");
    assertThat(count(CREATE)).isZero();
  }

  @Test
  void existingIdenticalJobIsAttachedToFromItsDescription() throws IOException {
    wm.stubFor(call(DESCRIBE).willReturn(ok(fixture("describe-resnet50-inprogress.json"))));

    TrainingRun run = vpctrain(TestNetworks.network(true)).launch(job);

    assertThat(run.attached()).isTrue();
    assertThat(count(CREATE)).isZero();
  }

  @Test
  void existingDifferentJobIsRefused() throws IOException {
    wm.stubFor(call(DESCRIBE).willReturn(ok(fixture("describe-resnet50-inprogress.json"))));

    assertThatThrownBy(() -> vpctrain(TestNetworks.network(true)).launch(job.toBuilder().volumeSizeInGb(500).build()))
        .isInstanceOf(JobConflictException.class)
        .hasMessageContaining("ResourceConfig.VolumeSizeInGB (requested 500, existing 100)");
    assertThat(count(CREATE)).isZero();
  }

  @Test
  void resourceInUseOnCreateAttachesToTheSameJob() throws IOException {
    wm.stubFor(call(DESCRIBE).inScenario("race").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(error(400, "ValidationException", "Requested resource not found.")).willSetStateTo("created"));
    wm.stubFor(call(DESCRIBE).inScenario("race").whenScenarioStateIs("created")
        .willReturn(ok(fixture("describe-resnet50-inprogress.json"))));
    wm.stubFor(call(CREATE).willReturn(error(400, "ResourceInUse", "Training job names must be unique within an AWS "
        + "account and region, and a training job with this name already exists (" + ARN + ")")));

    TrainingRun run = vpctrain(TestNetworks.network(true)).launch(job);

    assertThat(run.attached()).isTrue();
    assertThat(count(CREATE)).isEqualTo(1);
  }

  @Test
  void validationExceptionIsAClearLaunchError() {
    noSuchJob();
    wm.stubFor(call(CREATE).willReturn(error(400, "ValidationException",
        "No S3 objects found under S3 URL \\\"s3://acme-ml-data/imagenet/train/\\\" given in input data source.")));

    assertThatThrownBy(() -> vpctrain(TestNetworks.network(true)).launch(job))
        .isInstanceOfSatisfying(LaunchException.class, e -> {
          assertThat(e.operation()).isEqualTo("sagemaker:CreateTrainingJob");
          assertThat(e.errorCode()).isEqualTo("ValidationException");
          assertThat(e.isValidationError()).isTrue();
        })
        .hasMessageStartingWith("sagemaker:CreateTrainingJob failed: ValidationException (HTTP 400): No S3 objects found");
    assertThat(count(CREATE)).isEqualTo(1);
  }

  @Test
  void resourceLimitExceededIsAClearLaunchError() {
    noSuchJob();
    wm.stubFor(call(CREATE).willReturn(error(400, "ResourceLimitExceeded",
        "The account-level service limit 'ml.p4d.24xlarge for training job usage' is 0 Instances, with current "
            + "utilization of 0 Instances and a request delta of 2 Instances.")));

    assertThatThrownBy(() -> vpctrain(TestNetworks.network(true)).launch(job))
        .isInstanceOfSatisfying(LaunchException.class, e -> assertThat(e.isLimitExceeded()).isTrue())
        .hasMessageContaining("sagemaker:CreateTrainingJob failed: ResourceLimitExceeded (HTTP 400)")
        .hasMessageContaining("request delta of 2 Instances");
  }

  @Test
  void throttlingThenSuccessIsRetriedTransparently() {
    wm.stubFor(call(DESCRIBE).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(error(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("calm"));
    wm.stubFor(call(DESCRIBE).inScenario("throttle").whenScenarioStateIs("calm")
        .willReturn(error(400, "ValidationException", "Requested resource not found.")));
    wm.stubFor(call(CREATE).willReturn(ok("{\"TrainingJobArn\":\"" + ARN + "\"}")));

    TrainingRun run = vpctrain(TestNetworks.network(true)).launch(job);

    assertThat(run.jobArn()).contains(ARN);
    assertThat(count(DESCRIBE)).isEqualTo(2);
    assertThat(count(CREATE)).isEqualTo(1);
  }

  @Test
  void persistentServerErrorOnCreateNamesTheOperationAfterRetries() {
    noSuchJob();
    wm.stubFor(call(CREATE).willReturn(error(500, "InternalFailure", "We encountered an internal error.")));

    assertThatThrownBy(() -> vpctrain(TestNetworks.network(true)).launch(job))
        .isInstanceOfSatisfying(LaunchException.class, e -> {
          assertThat(e.isUnavailable()).isTrue();
          assertThat(e.statusCode()).isEqualTo(500);
        })
        .hasMessageContaining("sagemaker:CreateTrainingJob failed: InternalFailure (HTTP 500)")
        .hasMessageContaining("launching the same job again attaches to it");
    assertThat(count(CREATE)).isEqualTo(Clients.MAX_ATTEMPTS);
  }

  @Test
  void accessDeniedOnDescribeStopsBeforeCreate() {
    wm.stubFor(call(DESCRIBE).willReturn(error(400, "AccessDeniedException",
        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sagemaker:DescribeTrainingJob")));

    assertThatThrownBy(() -> vpctrain(TestNetworks.network(true)).launch(job))
        .isInstanceOfSatisfying(LaunchException.class, e -> {
          assertThat(e.operation()).isEqualTo("sagemaker:DescribeTrainingJob");
          assertThat(e.isAccessDenied()).isTrue();
        })
        .hasMessageContaining("not authorized to perform: sagemaker:DescribeTrainingJob");
    assertThat(count(CREATE)).isZero();
  }

  @Test
  void malformedCreateResponseIsAClearErrorThatSaysTheJobMayExist() {
    noSuchJob();
    wm.stubFor(call(CREATE).willReturn(ok("{\"TrainingJobArn\": [unterminated")));

    assertThatThrownBy(() -> vpctrain(TestNetworks.network(true)).launch(job))
        .isInstanceOfSatisfying(LaunchException.class, e -> assertThat(e.errorCode()).isEqualTo("MalformedResponse"))
        .hasMessageStartingWith("sagemaker:CreateTrainingJob failed: MalformedResponse")
        .hasMessageContaining("may or may not have been created");
  }

  @Test
  void readTimeoutOnDescribeStopsBeforeCreate() {
    client.close();
    client = Clients.sageMaker(wm.baseUrl(), Duration.ofMillis(200));
    wm.stubFor(call(DESCRIBE).willReturn(error(400, "ValidationException", "Requested resource not found.")
        .withFixedDelay(1_000)));

    assertThatThrownBy(() -> vpctrain(TestNetworks.network(true)).launch(job))
        .isInstanceOfSatisfying(LaunchException.class, e -> {
          assertThat(e.operation()).isEqualTo("sagemaker:DescribeTrainingJob");
          assertThat(e.errorCode()).isEqualTo("Timeout");
          assertThat(e.isUnavailable()).isTrue();
        });
    assertThat(count(CREATE)).isZero();
  }

  @Test
  void droppedConnectionOnCreateIsAClearError() {
    noSuchJob();
    wm.stubFor(call(CREATE).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    assertThatThrownBy(() -> vpctrain(TestNetworks.network(true)).launch(job))
        .isInstanceOfSatisfying(LaunchException.class, e -> assertThat(e.operation()).isEqualTo("sagemaker:CreateTrainingJob"))
        .hasMessageContaining("may or may not have been created");
  }

  @Test
  void failingNetworkSourceStopsBeforeCreate() {
    noSuchJob();
    NetworkSource broken = j -> {
      throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
    };

    assertThatThrownBy(() -> vpctrain(broken).launch(job))
        .isInstanceOfSatisfying(AwsCallException.class, e -> {
          assertThat(e.operation()).isEqualTo("network discovery");
          assertThat(e.isAccessDenied()).isTrue();
        });
    assertThat(count(CREATE)).isZero();
  }

  @Test
  void awaitFollowsTheJobToCompletionOverTheWire() throws Exception {
    wm.stubFor(call(DESCRIBE).inScenario("run").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(ok(fixture("describe-resnet50-inprogress.json"))).willSetStateTo("polled"));
    wm.stubFor(call(DESCRIBE).inScenario("run").whenScenarioStateIs("polled")
        .willReturn(ok(fixture("describe-resnet50-inprogress.json"))).willSetStateTo("done"));
    wm.stubFor(call(DESCRIBE).inScenario("run").whenScenarioStateIs("done")
        .willReturn(ok(fixture("describe-resnet50-completed.json"))));
    List<Progress> events = new ArrayList<>();

    TrainingOutcome outcome = vpctrain(TestNetworks.network(true)).watch("resnet50-nightly").await(events::add);

    assertThat(outcome.status()).isEqualTo(FinalStatus.COMPLETED);
    assertThat(outcome.billableSeconds()).contains(1560);
    assertThat(outcome.modelArtifacts()).contains("s3://acme-ml-artifacts/resnet50/resnet50-nightly/output/model.tar.gz");
    assertThat(events).extracting(p -> p.kind() + " " + p.status() + " " + p.timestamp().orElseThrow()).containsExactly(
        "STATUS InProgress 2026-11-29T08:00:00.123Z",
        "SECONDARY_STATUS Starting 2026-11-29T08:00:00.200Z",
        "SECONDARY_STATUS Downloading 2026-11-29T08:04:00.400Z",
        "SECONDARY_STATUS Training 2026-11-29T08:05:00Z",
        "SECONDARY_STATUS Uploading 2026-11-29T08:28:20Z",
        "SECONDARY_STATUS Completed 2026-11-29T08:30:00.700Z",
        "STATUS Completed 2026-11-29T08:30:00.700Z");
    // watch() read the first description; await polled twice: the first reported transitions, so 5 s
    assertThat(time.sleeps).extracting(Duration::getSeconds).containsExactly(5L);
  }

  @Test
  void failedJobOverTheWireIsDiagnosed() throws Exception {
    wm.stubFor(call(DESCRIBE).willReturn(ok(fixture("describe-resnet50-failed.json"))));

    TrainingOutcome outcome = vpctrain(TestNetworks.network(false)).watch("resnet50-nightly").await(p -> {});

    assertThat(outcome.status()).isEqualTo(FinalStatus.FAILED);
    assertThat(outcome.diagnosis().orElseThrow().category()).isEqualTo(FailureCategory.S3_ROUTE);
    assertThat(outcome.diagnosis().orElseThrow().likelyResources()).contains(TestNetworks.SUBNET_A, TestNetworks.SUBNET_B);
  }
}
