package dev.vpctrain.testkit.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.job.TrainingJobRequests;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.VpcTarget;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.rules.RuleEngine;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * How the simulator turns failing {@code fs.*} and {@code target.*} findings into SageMaker's
 * failures. The rules themselves are stood in for (a test double per rule id that fails when the
 * job has what the real rule judges), so these tests hold whatever the real rules decide; the real
 * rules on the ready-made worlds are {@code InVpcScenariosWithTheRulesTest}.
 */
class InVpcFailuresTest {
  private static final String EFS_TIMEOUT = "ClientError: Unable to mount file system: fs-0a1b2c3d4e5f60801, directory "
      + "path: /datasets/imagenet. File system connection timed out. Please ensure that mount target IP address of file "
      + "system is reachable and the security groups you associate with file system must allow inbound access on NFS port.";

  @Test
  void anUnreachableEfsFailsTheMountWhileDownloadingWithSageMakersWords() {
    FakeAws aws = world(Scenarios.efsFileSystem(), standIn("fs.efs.security-group", Outcome.FAIL, Severity.ERROR));

    DescribeTrainingJobResponse d = launch(aws, Scenarios.efsFileSystem());

    assertThat(d.trainingJobStatus()).isEqualTo(TrainingJobStatus.FAILED);
    assertThat(d.failureReason()).isEqualTo(EFS_TIMEOUT);
    assertThat(TrainingJobSimulatorTest.statuses(d)).containsExactly("Starting", "Downloading", "Failed");
    assertThat(Duration.between(d.secondaryStatusTransitions().get(1).startTime(), d.secondaryStatusTransitions().get(2)
        .startTime())).isEqualTo(Planner.MOUNT_TIMEOUT);
    assertThat(aws.sageMaker().job("resnet50-nightly").cause()).hasValueSatisfying(f ->
        assertThat(f.ruleId()).isEqualTo("fs.efs.security-group"));
  }

  @Test
  void everyRuleThatLeavesNoPathToTheFileSystemTimesTheMountOut() {
    for (String rule : List.of("fs.route", "fs.nacl.blocked", "fs.efs.mount-target.missing", "fs.fsx.security-group")) {
      FakeAws aws = world(Scenarios.efsFileSystem(), standIn(rule, Outcome.FAIL, Severity.ERROR));

      assertThat(launch(aws, Scenarios.efsFileSystem()).failureReason()).as(rule).isEqualTo(EFS_TIMEOUT);
    }
  }

  @Test
  void aWrongDirectoryIsNoSuchFileOrDirectory() {
    Scenario s = Scenarios.fsxDirectoryPathWithoutMountName();
    FakeAws aws = world(s, standIn("fs.directory-path", Outcome.FAIL, Severity.ERROR));

    DescribeTrainingJobResponse d = launch(aws, s);

    assertThat(d.failureReason()).isEqualTo("ClientError: Unable to mount file system: fs-0a1b2c3d4e5f60901, directory "
        + "path: /fsx/imagenet. No such file or directory: /fsx/imagenet.");
    assertThat(TrainingJobSimulatorTest.statuses(d)).containsExactly("Starting", "Downloading", "Failed");
  }

  @Test
  void aFileSystemThatIsNotThereFailsTheMountNamingIt() {
    FakeAws aws = world(Scenarios.efsFileSystem(), standIn("fs.not-found", Outcome.FAIL, Severity.ERROR));

    assertThat(launch(aws, Scenarios.efsFileSystem()).failureReason()).startsWith("ClientError: Unable to mount file "
        + "system: fs-0a1b2c3d4e5f60801, directory path: /datasets/imagenet. ").endsWith("(stand-in for fs.not-found)");
  }

  @Test
  void warningsAndUndecidedChecksDoNotFailTheJob() {
    FakeAws warned = world(Scenarios.fsxLustre(), standIn("fs.fsx.security-group", Outcome.FAIL, Severity.WARNING));
    FakeAws undecided = world(Scenarios.efsFileSystem(), standIn("fs.efs.mount-target.az", Outcome.UNVERIFIED,
        Severity.ERROR));

    assertThat(launch(warned, Scenarios.fsxLustre()).trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
    assertThat(launch(undecided, Scenarios.efsFileSystem()).trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
  }

  // tag::target[]
  @Test
  void aBlockedDatabaseFailsTheTrainingCodeThatConnectsToIt() {
    FakeAws aws = world(Scenarios.rdsDatabase(), standIn("target.security-group.ingress", Outcome.FAIL, Severity.ERROR));
    aws.sageMaker().script("resnet50-nightly", s -> s.requiresInVpc("features=" + Scenarios.DATABASE_GROUP + ":5432"));

    DescribeTrainingJobResponse d = launch(aws, Scenarios.rdsDatabase());

    assertThat(d.failureReason()).isEqualTo("AlgorithmError: ExecuteUserScriptError:\nExitCode 1\nErrorMessage "
        + "\"TimeoutError: [Errno 110] Connection timed out (connecting to features at "
        + "sg-0a1b2c3d4e5f60406 (security group):5432/tcp)\"\nCommand \"/opt/conda/bin/python3.10 train.py\"");
    assertThat(TrainingJobSimulatorTest.statuses(d)).containsExactly("Starting", "Downloading", "Training", "Failed");
  }
  // end::target[]

  @Test
  void withoutTheScriptedTargetThereIsNothingToJudgeAndTheJobCompletes() {
    FakeAws aws = world(Scenarios.rdsDatabase(), standIn("target.security-group.ingress", Outcome.FAIL, Severity.ERROR));

    DescribeTrainingJobResponse d = launch(aws, Scenarios.rdsDatabase());

    assertThat(d.trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
    assertThat(aws.sageMaker().job("resnet50-nightly").spec().requiredInVpc()).isEmpty();
  }

  @Test
  void theMountFailsBeforeTheCodeCouldReachATarget() {
    FakeAws aws = FakeAws.builder().scenario(Scenarios.efsFileSystem()).ruleEngine(engine(
        standIn("fs.efs.security-group", Outcome.FAIL, Severity.ERROR),
        standIn("target.route.missing", Outcome.FAIL, Severity.ERROR))).build();
    aws.sageMaker().script("resnet50-nightly", s -> s.requiresInVpc(VpcTarget.address("10.20.3.15", 5432)));

    assertThat(launch(aws, Scenarios.efsFileSystem()).failureReason()).isEqualTo(EFS_TIMEOUT);
  }

  private static FakeAws world(Scenario s, StandIn rule) {
    return FakeAws.builder().scenario(s).ruleEngine(engine(rule)).build();
  }

  private static RuleEngine engine(StandIn... rules) {
    RuleEngine.Builder b = RuleEngine.builder().rules(RuleEngine.standard().rules());
    for (StandIn r : rules) {
      b.addRule(r);
    }
    return b.build();
  }

  private static DescribeTrainingJobResponse launch(FakeAws aws, Scenario s) {
    aws.sageMakerClient().createTrainingJob(TrainingJobRequests.toRequest(s.job()));
    return TrainingJobSimulatorTest.describeToEnd(aws, s.job().name());
  }

  private static StandIn standIn(String id, Outcome outcome, Severity severity) {
    return new StandIn(id, outcome, severity);
  }

  /**
   * Stands in for rule {@code id}: its outcome for a job with a file-system channel (fs.*) or a
   * declared target (target.*), naming the job's first subnet and the file system or target; PASS otherwise.
   */
  private static final class StandIn extends BaseRule {
    private final Outcome outcome;
    private final Severity severity;

    StandIn(String id, Outcome outcome, Severity severity) {
      super(id, Severity.ERROR, "stand-in for " + id);
      this.outcome = outcome;
      this.severity = severity;
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
      String subnet = ctx.job().vpc().map(v -> v.subnets().get(0)).orElse("(no VPC)");
      String subject;
      if (id().startsWith("target.")) {
        subject = ctx.job().requiredInVpc().stream().map(VpcTarget::name).findFirst().orElse(null);
      } else {
        subject = ctx.job().inputChannels().stream().filter(InputChannel::isFileSystem)
            .flatMap(c -> c.fileSystemId().stream()).findFirst().orElse(null);
      }
      if (subject == null) {
        return one(pass("nothing to judge"));
      }
      return one(finding(outcome, severity, "Blocked (stand-in for " + id() + ")", "fix it", subnet, subject));
    }
  }
}
