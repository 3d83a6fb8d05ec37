package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.JsonReport;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Verdict;
import dev.vpctrain.core.rules.RuleEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java API example, compiled and run against a bundled example. */
class ReadmeApiTest {
  @Test
  void theReadmeExampleWorks(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("job.json"), Examples.file("dedicated-tenancy", "job.json").orElseThrow());
    Files.writeString(dir.resolve("network.json"), Examples.file("dedicated-tenancy", "network.json").orElseThrow());
    List<String> log = new ArrayList<>();

    TrainingJobSpec job = TrainingJobSpec.builder()
        .name("resnet50-2026-11-29")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTraining")
        .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5-gpu-py311")
        .instanceType("ml.p4d.24xlarge").instanceCount(4)
        .vpc(v -> v.subnets("subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719")
                   .securityGroups("sg-0a1b2c3d4e5f60710"))
        .inputChannel("train", "s3://acme-ml-data/imagenet/train/")
        .outputPath("s3://acme-ml-artifacts/resnet50/")
        .requires(AwsService.STS)
        .requiresInternet("pypi.org", 443)
        .build();
    TrainingJobSpec fromFile = JobFile.read(dir.resolve("job.json"));
    NetworkSnapshot network = SnapshotBundle.read(dir.resolve("network.json"));

    PreflightReport report = RuleEngine.standard().evaluate(fromFile, network);
    if (!report.isReady()) {
      log.add(report.render());
    }
    report.failure("vpc.tenancy.dedicated").ifPresent(f -> log.add(f.resources() + ": " + f.remediation()));
    String json = JsonReport.render(report, false);

    assertThat(job.requiredServices()).containsExactly(AwsService.STS);
    assertThat(log).hasSize(2);
    assertThat(log.get(0)).startsWith("NOT_READY");
    assertThat(json).contains("\"vpc.tenancy.dedicated\"");
    assertThat(RuleEngine.standard().evaluate(job, network).failure("vpc.resource.not-found")).isPresent();
  }

  @Test
  void theReadmeAcceptanceExampleWorks() throws Exception {
    Path scenario = Path.of("src", "test", "resources", "scenarios", "accept-tgw-route");
    TrainingJobSpec fromFile = JobFile.read(scenario.resolve("job.json"));
    NetworkSnapshot network = SnapshotBundle.read(scenario.resolve("network.json"));
    assertThat(RuleEngine.standard().evaluate(fromFile, network).verdict()).isEqualTo(Verdict.UNVERIFIED);

    TrainingJobSpec job = fromFile.toBuilder()
        .acceptUnverified("s3.route.unmodeled", "tgw-0a1b2c3d4e5f60901")
        .build();
    PreflightReport report = RuleEngine.standard().evaluate(job, network);

    assertThat(report.verdict()).isEqualTo(Verdict.READY);
    // one finding for the route table both subnets share
    assertThat(report.accepted()).extracting(Finding::ruleId).containsOnly("s3.route.unmodeled").hasSize(1);
  }
}
