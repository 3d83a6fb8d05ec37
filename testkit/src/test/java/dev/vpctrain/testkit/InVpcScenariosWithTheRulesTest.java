package dev.vpctrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.core.job.VpcTarget;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * The ready-made in-VPC worlds judged by the real {@code fs.*} and {@code target.*} rules: each
 * broken world fails its rule, each ready one is READY, and a job launched into it ends as in
 * production. A broken world's test is skipped (not failed) while the standard catalogue lacks its
 * rule, so it runs by itself once the rules are merged.
 */
class InVpcScenariosWithTheRulesTest {
  static Stream<Scenario> worlds() {
    return Scenarios.inVpc().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("worlds")
  void thePreflightSaysWhatTheScenarioExpects(Scenario s) {
    assumeRulesExist(s);

    PreflightReport report = FakeAws.create().load(s).preflight(s.job());

    List<String> errors = report.findings().stream()
        .filter(f -> f.outcome() == Outcome.FAIL && f.severity() == Severity.ERROR).map(Finding::ruleId).distinct().toList();
    assertThat(errors).as(report.toString()).containsExactlyInAnyOrderElementsOf(s.expectedErrors());
    assertThat(report.verdict()).as(report.toString()).isEqualTo(s.expectedVerdict());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("worlds")
  void aJobLaunchedIntoItEndsAsInProduction(Scenario s) {
    assumeRulesExist(s);
    FakeAws aws = FakeAws.create().load(s);
    aws.sageMaker().script(s.job().name(), j -> j.requiresInVpc(s.job().requiredInVpc().toArray(VpcTarget[]::new)));

    aws.sageMakerClient().createTrainingJob(TrainingJobRequests.toRequest(s.job()));
    DescribeTrainingJobResponse d = sagemakerToEnd(aws, s.job().name());

    if (s.expectedErrors().isEmpty()) {
      assertThat(d.trainingJobStatus()).as(d.failureReason()).isEqualTo(TrainingJobStatus.COMPLETED);
      return;
    }
    assertThat(d.trainingJobStatus()).isEqualTo(TrainingJobStatus.FAILED);
    String rule = s.expectedErrors().get(0);
    if (rule.equals("fs.directory-path")) {
      assertThat(d.failureReason()).endsWith("No such file or directory: /fsx/imagenet.");
    } else if (rule.startsWith("fs.")) {
      assertThat(d.failureReason()).startsWith("ClientError: Unable to mount file system: ")
          .contains("File system connection timed out.");
    } else {
      assertThat(d.failureReason()).contains("Connection timed out (connecting to features at");
    }
  }

  @Test
  void aJobWhoseLustreFileSystemIsUnreachableFailsMountingIt() {
    assumeTrue(RuleEngine.standard().rule("fs.fsx.security-group").isPresent(), "fs.fsx.security-group not merged yet");
    // tag::mount[]
    FakeAws aws = FakeAws.create().load(Scenarios.fsxPort988Closed());

    aws.sageMakerClient().createTrainingJob(TrainingJobRequests.toRequest(Scenarios.fsxPort988Closed().job()));
    aws.sageMaker().runToEnd("resnet50-nightly");

    assertThat(aws.sageMaker().job("resnet50-nightly").finalFailureReason()).contains("ClientError: Unable to mount "
        + "file system: fs-0a1b2c3d4e5f60901, directory path: /k7yq2bmv/imagenet. File system connection timed out. "
        + "Please ensure that mount target IP address of file system is reachable and the security groups you "
        + "associate with file system must allow inbound access on NFS port.");
    // end::mount[]
  }

  @Test
  void aDatabaseTheCodeCannotReachFailsTheJobInTraining() {
    assumeTrue(RuleEngine.standard().rule("target.security-group.ingress").isPresent(),
        "target.security-group.ingress not merged yet");
    // tag::database[]
    FakeAws aws = FakeAws.create().load(Scenarios.rdsDatabaseGroupClosed());
    aws.sageMaker().script("resnet50-nightly", s -> s.requiresInVpc("features=" + Scenarios.DATABASE_GROUP + ":5432"));

    aws.sageMakerClient().createTrainingJob(TrainingJobRequests.toRequest(Scenarios.rdsDatabaseGroupClosed().job()));
    aws.sageMaker().runToEnd("resnet50-nightly");

    assertThat(aws.sageMaker().job("resnet50-nightly").cause()).hasValueSatisfying(f ->
        assertThat(f.ruleId()).isEqualTo("target.security-group.ingress"));
    assertThat(aws.sageMaker().job("resnet50-nightly").finalFailureReason()).hasValueSatisfying(r ->
        assertThat(r).contains("Connection timed out (connecting to features at sg-0a1b2c3d4e5f60406"));
    // end::database[]
  }

  private static void assumeRulesExist(Scenario s) {
    RuleEngine standard = RuleEngine.standard();
    for (String rule : s.expectedErrors()) {
      assumeTrue(standard.rule(rule).isPresent(), "rule " + rule + " is not in the catalogue yet");
    }
  }

  private static DescribeTrainingJobResponse sagemakerToEnd(FakeAws aws, String name) {
    DescribeTrainingJobResponse d;
    int guard = 0;
    do {
      d = aws.sageMakerClient().describeTrainingJob(r -> r.trainingJobName(name));
      assertThat(++guard).isLessThan(20);
    } while (d.trainingJobStatus() == TrainingJobStatus.IN_PROGRESS);
    return d;
  }
}
