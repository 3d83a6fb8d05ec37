package dev.vpctrain.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.aws.remediation.PlanApplier;
import dev.vpctrain.aws.remediation.RemediationRun;
import dev.vpctrain.aws.remediation.Remediator;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Verdict;
import dev.vpctrain.core.rules.RuleEngine;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The Java examples of docs/architecture.md and docs/remediation.md, run against the fake world. */
class DocsExamplesTest {
  private static final Logger log = LoggerFactory.getLogger(DocsExamplesTest.class);

  // tag::remediate[]
  static RemediationRun fix(TrainingJobSpec job, Ec2Client ec2, S3Client s3, IamClient iam) {
    Remediator remediator = Remediator.builder()
        .network(LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).build())
        .applier(PlanApplier.builder().ec2(ec2).s3(s3).iam(iam).build())  // your clients; iam for includeIam
        .build();
    RemediationRun run = remediator.remediate(job, o -> o.dryRun(false));
    log.info("{}", run.render());                      // before, what was applied, the preflight after
    return run;
  }
  // end::remediate[]

  @Test
  void theRemediatorFixesAMissingS3Endpoint() {
    Scenario scenario = Scenarios.privateVpcWithoutS3Endpoint();
    FakeAws aws = FakeAws.create().load(scenario);

    RemediationRun run = fix(scenario.job(), aws.ec2Client(), aws.s3Client(), aws.iamClient());

    assertThat(run.before().failure("s3.route.missing")).isPresent();
    assertThat(run.after()).isPresent();
    assertThat(run.current().failure("s3.route.missing")).isEmpty();
  }

  @Test
  void theExampleRuleRunsInTheEngine() {
    Scenario scenario = Scenarios.readyPrivateEndpoints();
    RuleEngine engine = RuleEngine.builder().addRule(new VpcExampleRule()).build();

    PreflightReport report = engine.evaluate(scenario.job(), scenario.network());
    PreflightReport noVpc = engine.evaluate(scenario.job().toBuilder().vpc((VpcSpec) null).build(), scenario.network());

    assertThat(report.findings("vpc.example.rule")).extracting(Finding::outcome).containsExactly(Outcome.FAIL);
    assertThat(report.verdict()).isEqualTo(Verdict.NOT_READY);
    assertThat(noVpc.findings("vpc.example.rule")).extracting(Finding::outcome).containsExactly(Outcome.PASS);
  }
}
