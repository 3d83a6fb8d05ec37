package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.aws.launch.PreflightFailedException;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.job.JobSpec;
import dev.vpctrain.core.job.ProcessingJobSpec;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.TuningJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.JsonReport;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Verdict;
import dev.vpctrain.core.rules.RuleEngine;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The README's Java API examples (the tagged regions are printed there), compiled and run. */
class ReadmeApiTest {
  private static final Logger log = LoggerFactory.getLogger(ReadmeApiTest.class);

  // tag::job[]
  static TrainingJobSpec nightlyJob() {
    return TrainingJobSpec.builder()
        .name("resnet50-2026-11-29")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTraining")
        .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5-gpu-py311")
        .instanceType("ml.p4d.24xlarge").instanceCount(4)
        .vpc(v -> v.subnets("subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719")
                   .securityGroups("sg-0a1b2c3d4e5f60710"))
        .inputChannel("train", "s3://acme-ml-data/imagenet/train/")
        .outputPath("s3://acme-ml-artifacts/resnet50/")
        .requires(AwsService.STS)                  // what the training code calls besides S3
        .requiresInternet("pypi.org", 443)
        .build();
  }
  // end::job[]

  // tag::preflight[]
  static PreflightReport preflight(Path jobFile, Path bundleFile) throws IOException {
    // the CreateTrainingJob request you already have, and a snapshot bundle of the network
    TrainingJobSpec job = JobFile.read(jobFile);
    NetworkSnapshot network = SnapshotBundle.read(bundleFile);

    PreflightReport report = RuleEngine.standard().evaluate(job, network);
    if (!report.isReady()) {                       // READY, NOT_READY or UNVERIFIED
      log.warn("{}", report.render());             // the same text as `vpctrain check`
    }
    report.failure("s3.route.missing").ifPresent(f -> log.warn("{}: {}", f.resources(), f.remediation()));
    String json = JsonReport.render(report, false);              // formats: text, JSON, SARIF 2.1.0
    log.debug("{}", json);
    return report;
  }
  // end::preflight[]

  // tag::kinds[]
  static PreflightReport preflightAnyKind(Path jobFile, Path bundleFile) throws IOException {
    // a CreateTrainingJob, CreateProcessingJob or CreateHyperParameterTuningJob request
    JobSpec job = JobFile.readJob(jobFile, null);          // or JobKind.TUNING to insist on one kind
    PreflightReport report = RuleEngine.standard().evaluate(job, SnapshotBundle.read(bundleFile));
    for (Finding f : report.problems()) {                   // a tuning job's findings name their definition
      log.warn("{} {}: {}", f.ruleId(), f.definition().orElse("the whole job"), f.message());
    }
    return report;
  }

  static TuningJobSpec tuningJob() {
    return TuningJobSpec.builder()
        .name("resnet50-hpo")
        .maxParallelTrainingJobs(8)                          // all 8 must fit in the subnets at once
        .addDefinitions(nightlyJob())
        .build();
  }

  static ProcessingJobSpec preprocessingJob() {
    return ProcessingJobSpec.builder()
        .name("imagenet-preprocess")
        .instanceType("ml.m5.4xlarge").instanceCount(4)     // more than one: the cluster rules apply
        .vpc(v -> v.subnets("subnet-0a1b2c3d4e5f60718").securityGroups("sg-0a1b2c3d4e5f60710"))
        .addS3Input("raw", "s3://acme-ml-data/imagenet/raw/")
        .addS3Output("train", "s3://acme-ml-data/imagenet/train/")
        .build();
  }
  // end::kinds[]

  // tag::live[]
  static TrainingOutcome train(TrainingJobSpec job, Ec2Client ec2, S3Client s3, SageMakerClient sageMaker,
      CloudWatchClient cloudWatch, CloudWatchLogsClient logs) throws InterruptedException {
    VpcTrain vpctrain = VpcTrain.builder().ec2(ec2).s3(s3).sageMaker(sageMaker)
        .cloudWatch(cloudWatch).cloudWatchLogs(logs).build();
    PreflightReport report = vpctrain.preflight(job);   // read-only discovery + every rule, about a second
    log.info("{}", report.verdict());
    TrainingRun run = vpctrain.launch(job);             // refuses NOT_READY (and, by default, UNVERIFIED)
    return run.await(progress -> log.info("{}", progress));
  }
  // end::live[]

  @Test
  void theBuiltJobHasWhatTheReadmeSays() {
    TrainingJobSpec job = nightlyJob();

    assertThat(job.requiredServices()).containsExactly(AwsService.STS);
    assertThat(job.totalInstanceCount()).isEqualTo(4);
    assertThat(job.vpc().orElseThrow().subnets()).hasSize(2);
  }

  @Test
  void theFileAndBundleExampleFindsTheMissingS3Route(@TempDir Path dir) throws Exception {
    Path job = dir.resolve("job.json");
    Path network = dir.resolve("network.json");
    Files.writeString(job, Examples.file("no-s3-endpoint", "job.json").orElseThrow());
    Files.writeString(network, Examples.file("no-s3-endpoint", "network.json").orElseThrow());

    PreflightReport report = preflight(job, network);

    assertThat(report.verdict()).isEqualTo(Verdict.NOT_READY);
    assertThat(report.failure("s3.route.missing")).isPresent();
  }

  @Test
  void theKindsExampleChecksATuningJobFileAndBuildsTheOtherKinds(@TempDir Path dir) throws Exception {
    Path job = dir.resolve("job.json");
    Path network = dir.resolve("network.json");
    Files.writeString(job, Examples.file("tuning-parallel-overflow", "job.json").orElseThrow());
    Files.writeString(network, Examples.file("tuning-parallel-overflow", "network.json").orElseThrow());

    PreflightReport report = preflightAnyKind(job, network);

    assertThat(report.kind()).isEqualTo(JobKind.TUNING);
    assertThat(report.failure("subnet.ip-capacity")).hasValueSatisfying(f ->
        assertThat(f.message()).contains("MaxParallelTrainingJobs"));
    assertThat(tuningJob().definitions()).singleElement().satisfies(d -> assertThat(d.kind()).isEqualTo(JobKind.TUNING));
    assertThat(preprocessingJob().workload().isDistributed()).isTrue();
  }

  @Test
  void theLiveExampleRefusesToLaunchIntoABrokenNetwork() {
    FakeAws aws = FakeAws.create().load(Scenarios.privateVpcWithoutS3Endpoint());
    TrainingJobSpec job = Scenarios.privateVpcWithoutS3Endpoint().job();

    assertThatThrownBy(() -> train(job, aws.ec2Client(), aws.s3Client(), aws.sageMakerClient(),
        aws.cloudWatchClient(), aws.logsClient()))
        .isInstanceOf(PreflightFailedException.class)
        .hasMessageContaining("s3.route.missing");
    assertThat(aws.sageMaker().createdJobs()).isEmpty();
  }

  @Test
  void theAcceptanceExampleMakesTheReportReady() throws Exception {
    Path scenario = Path.of("src", "test", "resources", "scenarios", "accept-tgw-route");
    TrainingJobSpec job = JobFile.read(scenario.resolve("job.json"));
    NetworkSnapshot network = SnapshotBundle.read(scenario.resolve("network.json"));
    assertThat(RuleEngine.standard().evaluate(job, network).verdict()).isEqualTo(Verdict.UNVERIFIED);

    // tag::accept[]
    TrainingJobSpec accepting = job.toBuilder()   // or TrainingJobSpec.builder()…
        .acceptUnverified("s3.route.unmodeled", "tgw-0a1b2c3d4e5f60901")   // or acceptUnverified("s3.route.unmodeled")
        .build();
    PreflightReport report = RuleEngine.standard().evaluate(accepting, network);   // report.accepted() lists them
    // end::accept[]

    assertThat(report.verdict()).isEqualTo(Verdict.READY);
    // one finding for the route table both subnets share
    assertThat(report.accepted()).extracting(Finding::ruleId).containsOnly("s3.route.unmodeled").hasSize(1);
  }

  @Test
  void suppressedRulesAreNotEvaluated() {
    // tag::suppress[]
    RuleEngine engine = RuleEngine.builder()
        .suppress("subnet.ip-headroom", "s3.bucket-policy.not-restricted")
        .build();
    // end::suppress[]

    assertThat(engine.rules()).extracting(r -> r.id())
        .doesNotContain("subnet.ip-headroom", "s3.bucket-policy.not-restricted")
        .hasSize(RuleEngine.standard().rules().size() - 2);
  }
}
