package dev.vpctrain.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.job.ProcessingJobSpec;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.TuningJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.JsonReport;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.TextOptions;
import dev.vpctrain.core.report.TextReport;
import dev.vpctrain.core.report.Verdict;
import org.junit.jupiter.api.Test;

/** {@link RuleEngine#evaluate(dev.vpctrain.core.job.JobSpec, NetworkSnapshot)} for processing and tuning jobs. */
class TuningEvaluationTest {
  private final RuleEngine engine = RuleEngine.standard();
  private final NetworkSnapshot ready = TestNetworks.ready().build();

  @Test
  void findingsEveryDefinitionSharesAppearOnceAndOthersNameTheirDefinition() {
    TrainingJobSpec good = TestJobs.job("subnet-a").definitionName("good").build();
    TrainingJobSpec lost = TestJobs.job("subnet-gone").definitionName("lost").build();
    TuningJobSpec job = TuningJobSpec.builder().name("hpo").maxParallelTrainingJobs(2).addDefinitions(good, lost).build();
    PreflightReport report = engine.evaluate(job, ready);
    assertThat(report.kind()).isEqualTo(JobKind.TUNING);
    assertThat(report.jobName()).isEqualTo("hpo");
    assertThat(report.verdict()).isEqualTo(Verdict.NOT_READY);
    Finding notFound = report.failure("vpc.resource.not-found").orElseThrow();
    assertThat(notFound.definition()).contains("lost");
    // a check both definitions pass alike is one unlabelled finding
    assertThat(report.findings("vpc.dns.support-disabled")).singleElement()
        .satisfies(f -> assertThat(f.definition()).isEmpty());
    String json = JsonReport.render(report, false);
    assertThat(json).contains("\"kind\": \"tuning\"").contains("\"definition\": \"lost\"");
    String text = TextReport.render(report, TextOptions.builder().build());
    assertThat(text).startsWith("NOT_READY  tuning job hpo in us-east-1").contains("  definition: lost");
  }

  @Test
  void aSingleDefinitionIsNotLabelled() {
    TuningJobSpec job = TuningJobSpec.builder().name("hpo").maxParallelTrainingJobs(2)
        .addDefinitions(TestJobs.job("subnet-gone").build()).build();
    PreflightReport report = engine.evaluate(job, ready);
    assertThat(report.problems()).isNotEmpty().allSatisfy(f -> assertThat(f.definition()).isEmpty());
  }

  @Test
  void aProcessingJobIsItsWorkloadWithTheKindInTheReport() {
    ProcessingJobSpec job = ProcessingJobSpec.builder().name("prep").instanceType("ml.m5.xlarge").instanceCount(1)
        .vpc(v -> v.subnets("subnet-a").securityGroups("sg-training"))
        .addS3Input("raw", "s3://acme-ml-data/train/").addS3Output("out", "s3://acme-ml-artifacts/out/").build();
    PreflightReport report = engine.evaluate(job, ready);
    assertThat(report.kind()).isEqualTo(JobKind.PROCESSING);
    assertThat(JsonReport.render(report, false)).contains("\"kind\": \"processing\"");
    // training reports keep their shape: no kind member
    assertThat(JsonReport.render(engine.evaluate(TestJobs.job("subnet-a").build(), ready), false)).doesNotContain("\"kind\"");
  }

  @Test
  void aTuningJobNameLongerThan32IsMalformed() {
    String name = "a".repeat(33);
    TuningJobSpec job = TuningJobSpec.builder().name(name).maxParallelTrainingJobs(1)
        .addDefinitions(TestJobs.job("subnet-a").name(name).build()).build();
    Finding f = engine.evaluate(job, ready).failure("request.id.malformed").orElseThrow();
    assertThat(f.message()).contains("HyperParameterTuningJobName").contains("1 to 32");
  }
}
