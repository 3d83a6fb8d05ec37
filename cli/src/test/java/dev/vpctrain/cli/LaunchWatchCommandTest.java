package dev.vpctrain.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code vpctrain launch} and {@code vpctrain watch} end to end, with every AWS call answered by WireMock. */
class LaunchWatchCommandTest {
  static final String JSON = "application/x-amz-json-1.1";
  static final String JOB = "llama3-8b-finetune";
  static final String ARN = "arn:aws:sagemaker:us-west-2:210987654321:training-job/" + JOB;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir
  Path dir;

  @BeforeAll
  static void credentials() {
    System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    System.setProperty("aws.secretAccessKey", "secret");
  }

  @AfterAll
  static void clearCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  Path example(String name, String file) throws IOException {
    Path p = dir.resolve(name + "-" + file);
    Files.writeString(p, Examples.file(name, file).orElseThrow());
    return p;
  }

  Cli launch(String example, String... more) throws IOException {
    return launchOn(new Terminal(false, Map.of()), example, more);
  }

  /** Launches as if the output went to {@code terminal}. */
  Cli launchOn(Terminal terminal, String example, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("launch", "--job", example(example, "job.json").toString(),
        "--network", example(example, "network.json").toString()));
    args.addAll(aws());
    args.addAll(List.of(more));
    return Cli.run(terminal, args.toArray(new String[0]));
  }

  static List<String> aws() {
    return List.of("--region", "us-west-2", "--endpoint-url", wm.baseUrl(), "--poll-interval", "10ms", "--plain");
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = LaunchWatchCommandTest.class.getResourceAsStream("/launch/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static MappingBuilder sageMaker(String operation) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker." + operation));
  }

  static MappingBuilder logs(String operation) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328." + operation));
  }

  static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body);
  }

  static ResponseDefinitionBuilder error(int status, String type, String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", JSON)
        .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }

  /** Describe says "not found" until the job is created, then InProgress once, then {@code end}. */
  void jobLifecycle(String end) throws IOException {
    wm.stubFor(sageMaker("DescribeTrainingJob").inScenario("job").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(error(400, "ValidationException", "Requested resource not found.")));
    wm.stubFor(sageMaker("CreateTrainingJob").inScenario("job").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(ok("{\"TrainingJobArn\":\"" + ARN + "\"}")).willSetStateTo("created"));
    wm.stubFor(sageMaker("DescribeTrainingJob").inScenario("job").whenScenarioStateIs("created")
        .willReturn(ok(fixture("describe-inprogress.json"))).willSetStateTo("ended"));
    wm.stubFor(sageMaker("DescribeTrainingJob").inScenario("job").whenScenarioStateIs("ended")
        .willReturn(ok(fixture(end))));
  }

  void logsAndMetrics() {
    wm.stubFor(logs("DescribeLogStreams").willReturn(ok("{\"logStreams\":[{\"logStreamName\":\"" + JOB
        + "/algo-1-1795939440\"},{\"logStreamName\":\"" + JOB + "/algo-2-1795939440\"}]}")));
    wm.stubFor(logs("GetLogEvents").withRequestBody(containing("algo-1")).withRequestBody(containing("nextToken"))
        .atPriority(1).willReturn(ok("{\"events\":[],\"nextForwardToken\":\"f/1\",\"nextBackwardToken\":\"b/0\"}")));
    wm.stubFor(logs("GetLogEvents").withRequestBody(containing("algo-1")).atPriority(2)
        .willReturn(ok("{\"events\":[{\"timestamp\":1795939500000,\"message\":\"epoch 1 loss=2.31\"}],"
            + "\"nextForwardToken\":\"f/1\",\"nextBackwardToken\":\"b/0\"}")));
    wm.stubFor(logs("GetLogEvents").withRequestBody(containing("algo-2")).willReturn(ok(
        "{\"events\":[],\"nextForwardToken\":\"f/0\",\"nextBackwardToken\":\"b/0\"}")));
    wm.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "text/xml").withBody(
            "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><GetMetricDataResult>"
                + "<MetricDataResults><member><Timestamps><member>2026-11-29T08:05:00Z</member>"
                + "<member>2026-11-29T08:06:00Z</member></Timestamps><StatusCode>Complete</StatusCode><Values>"
                + "<member>40</member><member>80</member></Values><Id>m0</Id><Label>CPUUtilization</Label></member>"
                + "</MetricDataResults><Messages/></GetMetricDataResult><ResponseMetadata><RequestId>r</RequestId>"
                + "</ResponseMetadata></GetMetricDataResponse>")));
  }

  int calls(String target) {
    return wm.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))).size();
  }

  static void assertNoStackTrace(Cli r) {
    assertThat(r.err).doesNotContain("\tat ");
    assertThat(r.out).doesNotContain("\tat ");
  }

  @Test
  void launchCreatesTheCompleteRequestAndFollowsTheJobToCompletion() throws IOException {
    jobLifecycle("describe-completed.json");
    logsAndMetrics();

    Cli r = launch("ready-private-endpoints");

    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).startsWith("READY  job " + JOB + " in us-west-2")
        .contains("Created training job " + JOB + " (" + ARN + ").")
        .contains("status InProgress")
        .contains("Downloading: Downloading input data")
        .contains("Uploading: Uploading generated training model")
        .contains("[algo-1] epoch 1 loss=2.31")
        .contains("algo-1  CPUUtilization min 40.0 avg 60.0 max 80.0 (2 points)")
        .contains("Training job " + JOB + " COMPLETED, trained 1620 s, billable 1620 s");
    assertThat(r.out.indexOf("epoch 1 loss=2.31")).isEqualTo(r.out.lastIndexOf("epoch 1 loss=2.31"));
    String create = wm.findAll(postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("SageMaker.CreateTrainingJob"))).get(0).getBodyAsString();
    assertThat(create).contains("\"HyperParameters\":{\"epochs\":\"2\",\"per_device_train_batch_size\":\"4\"}")
        .contains("\"Tags\":[{\"Key\":\"cost-center\",\"Value\":\"ml-research\"}]")
        .contains("\"LocalPath\":\"/opt/ml/checkpoints\"");
    assertNoStackTrace(r);
  }

  @Test
  void notReadyJobIsRefusedWithExitOneAndNeverCreated() throws IOException {
    wm.stubFor(sageMaker("DescribeTrainingJob").willReturn(error(400, "ValidationException", "Requested resource not found.")));

    Cli r = launch("dedicated-tenancy");

    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).startsWith("NOT_READY").contains("vpc.tenancy.dedicated");
    assertThat(r.err).contains("was not created: refused by the preflight (vpc.tenancy.dedicated)");
    assertThat(calls("SageMaker.CreateTrainingJob")).isZero();
    assertNoStackTrace(r);
  }

  @Test
  void unverifiedJobIsRefusedWithExitTwoUnlessAllowed() throws IOException {
    wm.stubFor(sageMaker("DescribeTrainingJob").willReturn(error(400, "ValidationException", "Requested resource not found.")));
    wm.stubFor(sageMaker("CreateTrainingJob").willReturn(ok("{\"TrainingJobArn\":\"" + ARN + "\"}")));

    Cli refused = launch("subnets-not-captured");
    assertThat(refused.code).as(refused.toString()).isEqualTo(2);
    assertThat(refused.out).startsWith("UNVERIFIED");
    assertThat(calls("SageMaker.CreateTrainingJob")).isZero();

    Cli allowed = launch("subnets-not-captured", "--allow-unverified", "--no-wait");
    assertThat(allowed.code).as(allowed.toString()).isZero();
    assertThat(allowed.out).contains("Not waiting. Follow it with: vpctrain watch ");
    assertThat(calls("SageMaker.CreateTrainingJob")).isEqualTo(1);
  }

  @Test
  void acceptedUnverifiedChecksLetTheJobLaunchAndAFailNever() throws IOException {
    wm.stubFor(sageMaker("DescribeTrainingJob").willReturn(error(400, "ValidationException", "Requested resource not found.")));
    wm.stubFor(sageMaker("CreateTrainingJob").willReturn(ok("{\"TrainingJobArn\":\"" + ARN + "\"}")));

    Cli partly = launch("subnets-not-captured", "--accept-unverified", "vpc.resource.not-found,vpc.mixed", "--no-wait");
    assertThat(partly.code).as(partly.toString()).isEqualTo(2);
    assertThat(partly.err).contains("refused by the preflight (subnet.ip-capacity)");
    assertThat(calls("SageMaker.CreateTrainingJob")).isZero();

    Cli accepted = launch("subnets-not-captured", "--accept-unverified", "vpc.resource.not-found,vpc.mixed",
        "--accept-unverified", "subnet.ip-capacity", "--no-wait");
    assertThat(accepted.code).as(accepted.toString()).isZero();
    assertThat(accepted.out).startsWith("READY").contains("ERROR UNVERIFIED (accepted)  vpc.resource.not-found");
    assertThat(calls("SageMaker.CreateTrainingJob")).isEqualTo(1);

    Cli fail = launch("dedicated-tenancy", "--accept-unverified", "vpc.tenancy.dedicated", "--allow-unverified");
    assertThat(fail.code).as(fail.toString()).isEqualTo(1);
    assertThat(fail.out).startsWith("NOT_READY").contains("(a FAIL cannot be accepted)");
    assertThat(calls("SageMaker.CreateTrainingJob")).isEqualTo(1);
    assertNoStackTrace(fail);
  }

  @Test
  void failedJobExitsThreeWithItsDiagnosis() throws IOException {
    jobLifecycle("describe-failed.json");
    logsAndMetrics();

    Cli r = launch("ready-private-endpoints");

    assertThat(r.code).as(r.toString()).isEqualTo(3);
    assertThat(r.out).contains("Training job " + JOB + " FAILED")
        .contains("FailureReason: ClientError: Data download failed")
        .contains("Likely cause: the job's instances could not reach S3");
    assertNoStackTrace(r);
  }

  /** Issue 14: launch's report and the job's states are coloured as check's report is, and wrapped on a terminal. */
  @Test
  void launchColoursItsReportAndTheJobsStatesOnATerminalOnly() throws IOException {
    logsAndMetrics();
    jobLifecycle("describe-completed.json");
    Cli piped = launchOn(new Terminal(false, Map.of("COLUMNS", "60")), "ready-private-endpoints");
    assertThat(piped.code).as(piped.toString()).isZero();
    assertThat(piped.out).doesNotContain("\u001B[").startsWith("READY  job " + JOB + " in us-west-2: 0 errors")
        .contains("Training job " + JOB + " COMPLETED, trained 1620 s");
    assertThat(piped.out.lines().mapToInt(String::length).max().orElse(0)).as("not wrapped").isGreaterThan(60);

    wm.resetScenarios();
    Cli terminal = launchOn(new Terminal(true, Map.of("COLUMNS", "60")), "ready-private-endpoints");
    assertThat(terminal.code).as(terminal.toString()).isZero();
    assertThat(terminal.out).startsWith("\u001B[1m\u001B[32mREADY\u001B[0m  job " + JOB)
        .contains("  status \u001B[1mInProgress\u001B[0m")
        .contains("Training job " + JOB + " \u001B[1m\u001B[32mCOMPLETED\u001B[0m, trained 1620 s");
    String report = terminal.out.substring(0, terminal.out.indexOf("Created training job"));
    assertThat(report.lines().map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "")))
        .filteredOn(l -> !l.startsWith("  see: "))
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(60));

    wm.resetScenarios();
    Cli noColor = launchOn(new Terminal(true, Map.of("NO_COLOR", "1")), "ready-private-endpoints");
    assertThat(noColor.out).as(noColor.toString()).doesNotContain("\u001B[");
    wm.resetScenarios();
    Cli off = launchOn(new Terminal(true, Map.of()), "ready-private-endpoints", "--no-color");
    assertThat(off.out).as(off.toString()).doesNotContain("\u001B[");
  }

  @Test
  void aRefusedLaunchAndAFailedJobAreColouredWithColor() throws IOException {
    wm.stubFor(sageMaker("DescribeTrainingJob").willReturn(error(400, "ValidationException", "Requested resource not found.")));
    Cli refused = launch("dedicated-tenancy", "--color");
    assertThat(refused.code).as(refused.toString()).isEqualTo(1);
    assertThat(refused.out).startsWith("\u001B[1m\u001B[31mNOT_READY\u001B[0m  job ");
    assertThat(refused.err).doesNotContain("\u001B[").contains("refused by the preflight (vpc.tenancy.dedicated)");

    wm.resetAll();
    jobLifecycle("describe-failed.json");
    logsAndMetrics();
    Cli failed = launch("ready-private-endpoints", "--color");
    assertThat(failed.code).as(failed.toString()).isEqualTo(3);
    assertThat(failed.out).contains("Training job " + JOB + " \u001B[1m\u001B[31mFAILED\u001B[0m")
        .contains("FailureReason: ClientError: Data download failed");

    Cli both = launch("ready-private-endpoints", "--color", "--no-color");
    assertThat(both.code).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err).contains("--color and --no-color");
  }

  @Test
  void validationExceptionExits65AndAccessDeniedExits69() throws IOException {
    wm.stubFor(sageMaker("DescribeTrainingJob").willReturn(error(400, "ValidationException", "Requested resource not found.")));
    wm.stubFor(sageMaker("CreateTrainingJob").willReturn(error(400, "ValidationException",
        "1 validation error detected: Value 'ml.p9' at 'resourceConfig.instanceType' failed to satisfy constraint")));

    Cli invalid = launch("ready-private-endpoints");
    assertThat(invalid.code).as(invalid.toString()).isEqualTo(65);
    assertThat(invalid.err).contains("vpctrain: invalid input: sagemaker:CreateTrainingJob failed: ValidationException");
    assertNoStackTrace(invalid);

    wm.resetAll();
    wm.stubFor(sageMaker("DescribeTrainingJob").willReturn(error(400, "AccessDeniedException",
        "User: arn:aws:iam::210987654321:user/ci is not authorized to perform: sagemaker:DescribeTrainingJob")));
    Cli denied = launch("ready-private-endpoints");
    assertThat(denied.code).as(denied.toString()).isEqualTo(69);
    assertThat(denied.err).contains("sagemaker:DescribeTrainingJob failed: AccessDeniedException");
    assertThat(calls("SageMaker.CreateTrainingJob")).isZero();
    assertNoStackTrace(denied);
  }

  @Test
  void watchFollowsAnExistingJob() throws IOException {
    wm.stubFor(sageMaker("DescribeTrainingJob").inScenario("w").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(ok(fixture("describe-inprogress.json"))).willSetStateTo("done"));
    wm.stubFor(sageMaker("DescribeTrainingJob").inScenario("w").whenScenarioStateIs("done")
        .willReturn(ok(fixture("describe-completed.json"))));
    logsAndMetrics();
    List<String> args = new ArrayList<>(List.of("watch", JOB));
    args.addAll(aws());

    Cli r = Cli.run(args.toArray(new String[0]));

    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("Starting: Preparing the instances for training")
        .contains("[algo-1] epoch 1 loss=2.31")
        .contains("COMPLETED");
  }

  @Test
  void watchColoursTheStatesWithColor() throws IOException {
    wm.stubFor(sageMaker("DescribeTrainingJob").inScenario("w").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(ok(fixture("describe-inprogress.json"))).willSetStateTo("done"));
    wm.stubFor(sageMaker("DescribeTrainingJob").inScenario("w").whenScenarioStateIs("done")
        .willReturn(ok(fixture("describe-completed.json"))));
    logsAndMetrics();
    List<String> args = new ArrayList<>(List.of("watch", JOB, "--color"));
    args.addAll(aws());

    Cli r = Cli.run(new Terminal(false, Map.of()), args.toArray(new String[0]));

    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("Z  \u001B[1mUploading\u001B[0m: Uploading generated training model")
        .contains("Z  status \u001B[1m\u001B[32mCompleted\u001B[0m\n")
        .contains("Training job " + JOB + " \u001B[1m\u001B[32mCOMPLETED\u001B[0m");
  }

  @Test
  void watchRedrawsOnATerminalButNotOnADumbOne() throws IOException {
    List<String> args = List.of("watch", JOB, "--region", "us-west-2", "--endpoint-url", wm.baseUrl(),
        "--poll-interval", "10ms");
    String[] live = args.toArray(new String[0]);
    for (Map<String, String> env : List.of(Map.of("TERM", "xterm"), Map.of("TERM", "dumb"))) {
      wm.resetAll();
      wm.stubFor(sageMaker("DescribeTrainingJob").inScenario("w").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(ok(fixture("describe-inprogress.json"))).willSetStateTo("done"));
      wm.stubFor(sageMaker("DescribeTrainingJob").inScenario("w").whenScenarioStateIs("done")
          .willReturn(ok(fixture("describe-completed.json"))));
      logsAndMetrics();
      Cli r = Cli.run(new Terminal(true, env), live);
      assertThat(r.code).as(r.toString()).isZero();
      if (env.get("TERM").equals("dumb")) {
        assertThat(r.out).as("plain lines, no colour").doesNotContain("\033[")
            .contains("Z  status Completed\n", "Training job " + JOB + " COMPLETED");
      } else {
        assertThat(r.out).as("the live display").contains("F\033[J", "\033[1m" + JOB + "\033[0m  ")
            .contains("Training job " + JOB + " \u001B[1m\u001B[32mCOMPLETED\u001B[0m");
      }
    }
  }

  @Test
  void watchOfAnUnknownJobIsAUsageError() {
    wm.stubFor(sageMaker("DescribeTrainingJob").willReturn(error(400, "ValidationException", "Requested resource not found.")));
    List<String> args = new ArrayList<>(List.of("watch", "no-such-job"));
    args.addAll(aws());

    Cli r = Cli.run(args.toArray(new String[0]));

    assertThat(r.code).as(r.toString()).isEqualTo(64);
    assertThat(r.err).contains("no training job named 'no-such-job' in us-west-2");
    assertNoStackTrace(r);
  }

  /** Issue 11: an interrupt while following a job exited 3 ("the job failed"); the job keeps running. */
  @Test
  void anInterruptWhileWatchingExits130AndSaysTheJobKeepsRunning() throws Exception {
    wm.stubFor(sageMaker("DescribeTrainingJob").willReturn(ok(fixture("describe-inprogress.json"))));
    logsAndMetrics();
    List<String> args = new ArrayList<>(List.of("watch", JOB, "--region", "us-west-2", "--endpoint-url", wm.baseUrl(),
        "--poll-interval", "30s", "--plain"));
    AtomicReference<Cli> result = new AtomicReference<>();
    Thread watcher = new Thread(() -> result.set(Cli.run(args.toArray(new String[0]))), "watch");
    watcher.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    // the first poll is done and the watcher sleeps until the next one
    while (!(calls("SageMaker.DescribeTrainingJob") >= 2 && watcher.getState() == Thread.State.TIMED_WAITING)) {
      assertThat(System.nanoTime()).as("the watch polled and went to sleep").isLessThan(deadline);
      assertThat(watcher.isAlive()).as("the watch is still running: %s", result.get()).isTrue();
      Thread.sleep(20);
    }
    watcher.interrupt();
    watcher.join(TimeUnit.SECONDS.toMillis(20));

    Cli r = result.get();
    assertThat(r).as("the watch returned").isNotNull();
    assertThat(r.code).as(r.toString()).isEqualTo(130);
    assertThat(r.err).contains("vpctrain: interrupted; training job " + JOB + " keeps running.");
    assertNoStackTrace(r);
  }

  @Test
  void checkLiveUsesTheRegisteredAwsDiscovery() {
    assertThat(LiveNetwork.installed()).get().isInstanceOf(AwsLiveNetwork.class);
  }

  @Test
  void badPollIntervalIsAUsageError() {
    Cli r = Cli.run("watch", JOB, "--poll-interval", "soon");
    assertThat(r.code).isEqualTo(64);
    assertThat(r.err).contains("expected a positive duration such as 5s");
  }
}
