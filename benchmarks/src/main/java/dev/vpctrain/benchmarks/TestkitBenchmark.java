package dev.vpctrain.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.aws.testing.AwsTestClients;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.waiters.SageMakerWaiter;

/**
 * One typical user test, several ways: create a world from a scenario, launch a training job, await
 * its completion. {@code fakeAwsDirect} is a launcher calling the SageMaker SDK (create, waiter,
 * describe) against the testkit's fake ({@code fakeAwsDirectUniqueName} with a new job name each
 * time, so no earlier verdict is reused); {@code wireMockDirect} is the same launcher against
 * WireMock-served SageMaker responses (a server started once, stubs registered per test, as users
 * write such tests); {@code fakeAwsGuarded} launches through {@code VpcTrain} (preflight by live
 * discovery over the fake EC2 and S3, then create and await). Median per test after warm-up:
 * {@code java -jar benchmarks/target/benchmarks.jar Testkit}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class TestkitBenchmark {
  private static final String JOB = "resnet50-nightly";
  private static final AtomicLong UNIQUE = new AtomicLong();
  private static final CreateTrainingJobRequest REQUEST = TrainingJobRequests.toRequest(Scenarios.readyPrivateEndpoints().job());

  /** A WireMock server started once (as a test class's {@code @BeforeAll} would) and a SageMaker client on it. */
  @State(Scope.Benchmark)
  public static class WireMockAws {
    WireMockServer server;
    SageMakerClient sageMaker;
    SageMakerWaiter waiter;

    @Setup(Level.Trial)
    public void start() {
      server = new WireMockServer(options().dynamicPort().disableRequestJournal());
      server.start();
      sageMaker = SageMakerClient.builder()
          .endpointOverride(URI.create(server.baseUrl()))
          .region(AwsTestClients.REGION)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKE", "secret")))
          .httpClient(UrlConnectionHttpClient.builder().build())
          .overrideConfiguration(AwsTestClients.fast())
          .build();
      waiter = SageMakerWaiter.builder().client(sageMaker)
          .overrideConfiguration(o -> o.backoffStrategyV2(BackoffStrategy.retryImmediately())).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
      sageMaker.close();
      server.stop();
    }
  }

  @Benchmark
  public String fakeAwsDirect() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    SageMakerClient sm = aws.sageMakerClient();
    return direct(sm, sm.waiter());
  }

  /**
   * As {@link #fakeAwsDirect} with a new job name every time (a launcher that stamps names with the
   * time): the simulator cannot reuse an earlier verdict and runs the whole rule catalogue.
   */
  @Benchmark
  public String fakeAwsDirectUniqueName() {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    SageMakerClient sm = aws.sageMakerClient();
    String name = JOB + "-" + UNIQUE.incrementAndGet();
    return direct(sm, sm.waiter(), REQUEST.toBuilder().trainingJobName(name).build());
  }

  @Benchmark
  public TrainingOutcome fakeAwsGuarded() throws InterruptedException {
    FakeAws aws = FakeAws.create().load(Scenarios.readyPrivateEndpoints());
    TrainingOutcome outcome = aws.vpcTrain().build().launch(Scenarios.readyPrivateEndpoints().job()).await(p -> { });
    if (!outcome.isCompleted()) {
      throw new IllegalStateException("the guarded launch did not complete: " + outcome.render());
    }
    return outcome;
  }

  @Benchmark
  public String wireMockDirect(WireMockAws aws) {
    WireMockServer wireMock = aws.server;
    wireMock.resetAll();
    wireMock.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker.CreateTrainingJob"))
        .willReturn(json("{\"TrainingJobArn\":\"arn:aws:sagemaker:us-east-1:123456789012:training-job/" + JOB + "\"}")));
    String[] statuses = {"Starting", "Downloading", "Training", "Uploading", "Completed"};
    for (int i = 0; i < statuses.length; i++) {
      String primary = i == statuses.length - 1 ? "Completed" : "InProgress";
      wireMock.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker.DescribeTrainingJob"))
          .inScenario("job").whenScenarioStateIs(i == 0 ? Scenario.STARTED : statuses[i - 1])
          .willSetStateTo(statuses[i])
          .willReturn(json(describe(primary, statuses[i]))));
    }
    wireMock.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker.DescribeTrainingJob"))
        .inScenario("job").whenScenarioStateIs("Completed").willReturn(json(describe("Completed", "Completed"))));
    return direct(aws.sageMaker, aws.waiter);
  }

  /** The launcher under test: create, wait, describe. */
  private static String direct(SageMakerClient sm, SageMakerWaiter waiter) {
    return direct(sm, waiter, REQUEST);
  }

  private static String direct(SageMakerClient sm, SageMakerWaiter waiter, CreateTrainingJobRequest request) {
    String name = request.trainingJobName();
    sm.createTrainingJob(request);
    try {
      waiter.waitUntilTrainingJobCompletedOrStopped(r -> r.trainingJobName(name));
    } catch (SdkClientException e) {
      throw new IllegalStateException("the job did not complete", e);
    }
    String status = sm.describeTrainingJob(r -> r.trainingJobName(name)).trainingJobStatusAsString();
    if (!status.equals("Completed")) {
      throw new IllegalStateException("expected Completed but was " + status);
    }
    return status;
  }

  private static String describe(String status, String secondary) {
    return "{\"TrainingJobName\":\"" + JOB + "\",\"TrainingJobArn\":\"arn:aws:sagemaker:us-east-1:123456789012:training-job/"
        + JOB + "\",\"TrainingJobStatus\":\"" + status + "\",\"SecondaryStatus\":\"" + secondary + "\","
        + "\"CreationTime\":1767603600.0,\"LastModifiedTime\":1767603600.0,"
        + "\"AlgorithmSpecification\":{\"TrainingImage\":\"image\",\"TrainingInputMode\":\"File\"},"
        + "\"RoleArn\":\"arn:aws:iam::123456789012:role/SageMakerTrainingRole\","
        + "\"ResourceConfig\":{\"InstanceType\":\"ml.p4d.24xlarge\",\"InstanceCount\":2,\"VolumeSizeInGB\":100},"
        + "\"StoppingCondition\":{\"MaxRuntimeInSeconds\":86400},"
        + "\"SecondaryStatusTransitions\":[{\"Status\":\"" + secondary + "\",\"StartTime\":1767603600.0,"
        + "\"StatusMessage\":\"message\"}]}";
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withHeader("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000").withBody(body);
  }

  /** Runs each benchmark once (a smoke check that all three complete); JMH does the measuring. */
  public static void main(String[] args) throws Exception {
    TestkitBenchmark b = new TestkitBenchmark();
    WireMockAws wireMock = new WireMockAws();
    wireMock.start();
    try {
      long t0 = System.nanoTime();
      b.fakeAwsDirect();
      b.fakeAwsGuarded();
      b.wireMockDirect(wireMock);
      System.out.println("all three ran in " + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms");
    } finally {
      wireMock.stop();
    }
  }
}
