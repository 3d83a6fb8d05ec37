package dev.vpctrain.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code vpctrain launch} of processing and tuning jobs against SageMaker's JSON 1.1 wire format (WireMock),
 * the network from a bundle.
 */
class ProcessingLaunchCommandTest {
  static final String JSON = "application/x-amz-json-1.1";
  static final String JOB = "imagenet-preprocess-2026-12-05";
  static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:processing-job/" + JOB;
  static final Path SCENARIOS = Path.of("src", "test", "resources", "scenarios");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

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

  static MappingBuilder sageMaker(String operation) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker." + operation));
  }

  static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body);
  }

  static String described(String status, String failureReason) {
    return "{\"ProcessingJobName\":\"" + JOB + "\",\"ProcessingJobArn\":\"" + ARN + "\",\"ProcessingJobStatus\":\"" + status
        + "\"" + (failureReason == null ? "" : ",\"FailureReason\":\"" + failureReason + "\"")
        + ",\"CreationTime\":1.7649E9,\"ProcessingResources\":{\"ClusterConfig\":{\"InstanceCount\":4,"
        + "\"InstanceType\":\"ml.m5.4xlarge\",\"VolumeSizeInGB\":200}},\"AppSpecification\":{\"ImageUri\":\"i\"}}";
  }

  static Cli launch(String scenario, String network) {
    return Cli.run("launch", "--job", SCENARIOS.resolve(scenario).resolve("job.json").toString(), "--network", network,
        "--region", "us-east-1", "--endpoint-url", wm.baseUrl(), "--poll-interval", "10ms", "--plain", "--no-color");
  }

  @Test
  void aReadyProcessingJobIsCreatedAndFollowedToItsEnd() {
    wm.stubFor(sageMaker("DescribeProcessingJob").inScenario("job").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
            .withBody("{\"__type\":\"ResourceNotFound\",\"message\":\"Could not find processing job '" + ARN + "'.\"}")));
    wm.stubFor(sageMaker("CreateProcessingJob").inScenario("job").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(ok("{\"ProcessingJobArn\":\"" + ARN + "\"}")).willSetStateTo("created"));
    wm.stubFor(sageMaker("DescribeProcessingJob").inScenario("job").whenScenarioStateIs("created")
        .willReturn(ok(described("InProgress", null))).willSetStateTo("ended"));
    wm.stubFor(sageMaker("DescribeProcessingJob").inScenario("job").whenScenarioStateIs("ended")
        .willReturn(ok(described("Completed", null))));

    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.DescribeLogStreams"))
        .withRequestBody(containing("/aws/sagemaker/ProcessingJobs"))
        .willReturn(ok("{\"logStreams\":[{\"logStreamName\":\"" + JOB + "/algo-1-1764900000\"}]}")));
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.GetLogEvents"))
        .withRequestBody(containing("algo-1")).willReturn(ok("{\"events\":[{\"timestamp\":1764900001000,"
            + "\"message\":\"shard 1 of 4: 2,503 images\"}],\"nextForwardToken\":\"f/1\",\"nextBackwardToken\":\"b/1\"}")));

    wm.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData"))
        .withRequestBody(containing("%2Faws%2Fsagemaker%2FProcessingJobs")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "text/xml").withBody(
            "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><GetMetricDataResult>"
                + "<MetricDataResults><member><Timestamps><member>2026-12-05T08:05:00Z</member></Timestamps>"
                + "<StatusCode>Complete</StatusCode><Values><member>63</member></Values><Id>m0</Id>"
                + "<Label>CPUUtilization</Label></member></MetricDataResults><Messages/></GetMetricDataResult>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetMetricDataResponse>")));

    Cli r = launch("processing-cluster-no-self-ingress", SCENARIOS.resolve("jobfile-fixed/network.json").toString());

    assertThat(r.code).as(r.toString()).isEqualTo(ExitCodes.READY);
    // the instances' metrics, from the processing jobs' namespace, one line per host of the 4-instance cluster
    assertThat(r.out).contains("metrics (per host, over the job):\n  algo-1  CPUUtilization").contains("  algo-4");
    // the instance's log lines, from the processing jobs' log group
    assertThat(r.out).contains("[algo-1] shard 1 of 4: 2,503 images\n");
    assertThat(r.out).startsWith("READY  processing job " + JOB)
        .contains("Created processing job " + JOB + " (" + ARN + ").")
        .contains("Processing job " + JOB + ": InProgress\n").contains("Processing job " + JOB + ": Completed\n");
    // the request went out as the file holds it, members the rules do not read included
    String sent = wm.findAll(postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("SageMaker.CreateProcessingJob"))).get(0).getBodyAsString();
    assertThat(sent).contains("\"ContainerEntrypoint\":[\"python3\",\"/opt/ml/processing/code/preprocess.py\"]")
        .contains("\"S3DataDistributionType\":\"ShardedByS3Key\"");
  }

  @Test
  void aClusterWithoutSelfIngressIsRefusedAndNothingIsCreated() {
    wm.stubFor(sageMaker("DescribeProcessingJob").willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
        .withBody("{\"__type\":\"ResourceNotFound\",\"message\":\"Could not find processing job.\"}")));
    Cli r = launch("processing-cluster-no-self-ingress", "../testdata/shared-examples/sg-no-self-ingress/network.json");

    assertThat(r.code).as(r.toString()).isEqualTo(ExitCodes.NOT_READY);
    assertThat(r.out).contains("sg.self-ingress.missing");
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("SageMaker.CreateProcessingJob")))).isEmpty();
  }

  @Test
  void aTuningJobIsCreatedAndFollowedWithItsTrainingJobsAndBestObjective() {
    String tuningArn = "arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/resnet50-hpo";
    wm.stubFor(sageMaker("DescribeHyperParameterTuningJob").inScenario("hpo").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
            .withBody("{\"__type\":\"ResourceNotFound\",\"message\":\"Amazon SageMaker can't find a tuning job\"}")));
    wm.stubFor(sageMaker("CreateHyperParameterTuningJob").inScenario("hpo").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(ok("{\"HyperParameterTuningJobArn\":\"" + tuningArn + "\"}")).willSetStateTo("created"));
    String head = "{\"HyperParameterTuningJobName\":\"resnet50-hpo\",\"HyperParameterTuningJobArn\":\"" + tuningArn
        + "\",\"CreationTime\":1.7649E9,\"HyperParameterTuningJobConfig\":{\"Strategy\":\"Bayesian\","
        + "\"ResourceLimits\":{\"MaxParallelTrainingJobs\":4}},";
    wm.stubFor(sageMaker("DescribeHyperParameterTuningJob").inScenario("hpo").whenScenarioStateIs("created")
        .willReturn(ok(head + "\"HyperParameterTuningJobStatus\":\"InProgress\",\"TrainingJobStatusCounters\":"
            + "{\"InProgress\":4,\"Completed\":0}}")).willSetStateTo("done"));
    wm.stubFor(sageMaker("DescribeHyperParameterTuningJob").inScenario("hpo").whenScenarioStateIs("done")
        .willReturn(ok(head + "\"HyperParameterTuningJobStatus\":\"Completed\",\"TrainingJobStatusCounters\":"
            + "{\"Completed\":4},\"BestTrainingJob\":{\"TrainingJobName\":\"resnet50-hpo-003-1a2b3c4d\","
            + "\"CreationTime\":1.7649E9,\"TrainingJobStatus\":\"Completed\",\"TunedHyperParameters\":{},"
            + "\"FinalHyperParameterTuningJobObjectiveMetric\":{\"MetricName\":\"validation:accuracy\",\"Value\":0.8125}}}")));

    // its training jobs, two pages: the best one completed, one failed for want of addresses
    wm.stubFor(sageMaker("ListTrainingJobsForHyperParameterTuningJob").withRequestBody(containing("\"NextToken\""))
        .willReturn(ok("{\"TrainingJobSummaries\":[{\"TrainingJobName\":\"resnet50-hpo-004-5e6f7a8b\","
            + "\"CreationTime\":1.7649E9,\"TrainingJobStatus\":\"Failed\",\"TunedHyperParameters\":{},"
            + "\"FailureReason\":\"ClientError: Insufficient free IP addresses in subnet(s) subnet-0a1b2c3d4e5f60001 to "
            + "launch 2 ml.p4d.24xlarge instance(s)\"}]}")));
    wm.stubFor(sageMaker("ListTrainingJobsForHyperParameterTuningJob").atPriority(10)
        .willReturn(ok("{\"TrainingJobSummaries\":[{\"TrainingJobName\":\"resnet50-hpo-003-1a2b3c4d\","
            + "\"CreationTime\":1.7649E9,\"TrainingStartTime\":1.76490006E9,\"TrainingEndTime\":1.7649006E9,"
            + "\"TrainingJobStatus\":\"Completed\",\"TunedHyperParameters\":{}}],\"NextToken\":\"page-2\"}")));
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.DescribeLogStreams"))
        .withRequestBody(containing("\"logGroupName\":\"/aws/sagemaker/TrainingJobs\""))
        .withRequestBody(containing("resnet50-hpo-003-1a2b3c4d"))
        .willReturn(ok("{\"logStreams\":[{\"logStreamName\":\"resnet50-hpo-003-1a2b3c4d/algo-1-1764900000\"}]}")));
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.DescribeLogStreams")).atPriority(10)
        .willReturn(ok("{\"logStreams\":[]}")));
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.GetLogEvents"))
        .withRequestBody(containing("resnet50-hpo-003-1a2b3c4d/algo-1")).withRequestBody(notContaining("nextToken"))
        .willReturn(ok("{\"events\":[{\"timestamp\":1764900100000,\"message\":\"epoch 1 validation:accuracy=0.64\"}],"
            + "\"nextForwardToken\":\"f/1\"}")));
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.GetLogEvents"))
        .withRequestBody(containing("\"nextToken\":\"f/1\"")) // the end of the stream: no events, the same token
        .willReturn(ok("{\"events\":[],\"nextForwardToken\":\"f/1\"}")));
    wm.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData"))
        .withRequestBody(containing("%2Faws%2Fsagemaker%2FTrainingJobs"))
        .withRequestBody(containing("resnet50-hpo-003-1a2b3c4d%2Falgo-1")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "text/xml").withBody(
            "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><GetMetricDataResult>"
                + "<MetricDataResults><member><Timestamps><member>2026-12-05T02:05:00Z</member></Timestamps>"
                + "<StatusCode>Complete</StatusCode><Values><member>88</member></Values><Id>m0</Id>"
                + "<Label>CPUUtilization</Label></member></MetricDataResults><Messages/></GetMetricDataResult>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetMetricDataResponse>")));

    Cli r = Cli.run("launch", "--job", SCENARIOS.resolve("tuning-parallel-overflow-fixed/job.json").toString(), "--network",
        SCENARIOS.resolve("jobfile-fixed/network.json").toString(), "--region", "us-east-1", "--endpoint-url", wm.baseUrl(),
        "--poll-interval", "10ms", "--plain", "--no-color");

    assertThat(r.code).as(r.toString()).isEqualTo(ExitCodes.READY);
    assertThat(r.out).startsWith("READY  tuning job resnet50-hpo")
        .contains("Created tuning job resnet50-hpo (" + tuningArn + ").")
        .contains("Tuning job resnet50-hpo: InProgress: 4 running\n")
        .contains("Tuning job resnet50-hpo: Completed: 4 completed; best resnet50-hpo-003-1a2b3c4d validation:accuracy 0.813\n");
    // the training jobs' log lines, each once, named by training job and host
    assertThat(r.out).containsOnlyOnce("[resnet50-hpo-003-1a2b3c4d/algo-1] epoch 1 validation:accuracy=0.64\n");
    // the failed training job (found on the second page) diagnosed; the best one's instance metrics
    assertThat(r.out).contains("Training job resnet50-hpo-004-5e6f7a8b failed:\n")
        .contains("Likely cause: a job subnet has too few free IP addresses")
        .contains("metrics of the best training job resnet50-hpo-003-1a2b3c4d (per host):\n  algo-1  CPUUtilization");
  }

  @Test
  void watchFollowsAnExistingProcessingOrTuningJobByItsKind() {
    wm.stubFor(sageMaker("DescribeProcessingJob").inScenario("p").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(ok(described("InProgress", null))).willSetStateTo("done"));
    wm.stubFor(sageMaker("DescribeProcessingJob").inScenario("p").whenScenarioStateIs("done")
        .willReturn(ok(described("Completed", null))));
    Cli processing = Cli.run("watch", JOB, "--kind", "processing", "--region", "us-east-1", "--endpoint-url", wm.baseUrl(),
        "--poll-interval", "10ms", "--plain", "--no-color");
    assertThat(processing.code).as(processing.toString()).isEqualTo(ExitCodes.READY);
    assertThat(processing.out).contains("Processing job " + JOB + ": Completed\n");

    wm.stubFor(sageMaker("DescribeHyperParameterTuningJob").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", JSON).withBody("{\"__type\":\"ResourceNotFound\",\"message\":\"Amazon SageMaker can't "
            + "find a tuning job with name nope\"}")));
    Cli missing = Cli.run("watch", "nope", "--kind", "tuning", "--region", "us-east-1", "--endpoint-url", wm.baseUrl(),
        "--plain", "--no-color");
    assertThat(missing.code).as(missing.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err).contains("no tuning job named 'nope' in us-east-1").doesNotContain("\tat ");
  }

  @Test
  void aFailedJobExitsThreeWithItsReason() {
    wm.stubFor(sageMaker("DescribeProcessingJob").inScenario("job").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
            .withBody("{\"__type\":\"ResourceNotFound\",\"message\":\"Could not find processing job.\"}")));
    wm.stubFor(sageMaker("CreateProcessingJob").inScenario("job").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(ok("{\"ProcessingJobArn\":\"" + ARN + "\"}")).willSetStateTo("created"));
    wm.stubFor(sageMaker("DescribeProcessingJob").inScenario("job").whenScenarioStateIs("created")
        .willReturn(ok(described("Failed", "AlgorithmError: See job logs for more information"))));

    Cli r = launch("processing-cluster-no-self-ingress", SCENARIOS.resolve("jobfile-fixed/network.json").toString());

    assertThat(r.code).as(r.toString()).isEqualTo(ExitCodes.JOB_FAILED);
    assertThat(r.out).contains("Processing job " + JOB + ": Failed: AlgorithmError: See job logs for more information");
  }
}
