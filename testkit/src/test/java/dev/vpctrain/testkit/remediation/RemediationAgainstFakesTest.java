package dev.vpctrain.testkit.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.aws.remediation.ApplyOptions;
import dev.vpctrain.aws.remediation.PlanApplier;
import dev.vpctrain.aws.remediation.RemediationRun;
import dev.vpctrain.aws.remediation.Remediator;
import dev.vpctrain.aws.remediation.StepResult;
import dev.vpctrain.aws.remediation.StepStatus;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.remediation.RemediationStep;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.report.Verdict;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.remediation.RemediationCases.Case;
import dev.vpctrain.testkit.ApiCall;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Remediation end to end against the testkit's fake AWS: discover → preflight → plan → apply →
 * discover → preflight, on every fixable situation of the shared examples and of our own.
 */
class RemediationAgainstFakesTest {
  static List<Case> fixable() {
    return RemediationCases.fixable();
  }

  static List<Case> notFixable() {
    return RemediationCases.notFixable();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixable")
  void planApplyPreflightIsReadyAndASecondApplyChangesNothing(Case c) {
    FakeAws aws = FakeAws.create().load(c.network());
    NetworkSnapshot original = aws.snapshot();
    Remediator remediator = remediator(aws, aws.ec2Client(), aws.s3Client());

    RemediationRun first = remediator.remediate(c.job(), options(c, false));

    assertThat(first.plan().executable(c.includeOptional())).as("the plan of " + c + ":\n" + first.plan().render())
        .isNotEmpty();
    assertThat(first.applied().failure()).as(first.render()).isEmpty();
    assertThat(first.applied().changedAnything()).isTrue();
    PreflightReport after = first.after().orElseThrow();
    assertThat(after.verdict()).as(first.render()).isEqualTo(Verdict.READY);
    for (String rule : c.fixedRules()) {
      assertThat(after.findings(rule)).as(rule + " after:\n" + first.render()).noneMatch(Finding::isFail);
    }
    assertThat(after.problems()).as("no warning left that the plan had a change for:\n" + first.render())
        .noneMatch(f -> f.severity() == Severity.WARNING && f.isFail() && plannedChangeFor(first, f.ruleId()));
    NothingRemoved.between(original, aws.snapshot());

    NetworkSnapshot fixed = aws.snapshot();
    int callsBefore = aws.calls().size();
    RemediationRun second = remediator.remediate(c.job(), options(c, false));

    assertThat(second.plan().isEmpty()).as(second.plan().render()).isTrue();
    assertThat(second.applied().changedAnything()).as(second.render()).isFalse();
    assertThat(second.after().orElseThrow().verdict()).isEqualTo(Verdict.READY);
    assertThat(aws.snapshot()).isEqualTo(fixed);
    assertThat(writes(aws.calls().subList(callsBefore, aws.calls().size()))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixable")
  void aFailureInTheMiddleIsReportedAndARerunCompletes(Case c) {
    FakeAws aws = FakeAws.create().load(c.network());
    int steps = remediator(aws, aws.ec2Client(), aws.s3Client()).plan(c.job()).plan().executable(c.includeOptional()).size();
    int failAt = (steps + 1) / 2;
    FailingClients failing = new FailingClients(aws.ec2Client(), aws.s3Client(), failAt);

    RemediationRun broken = remediator(aws, failing.ec2, failing.s3).remediate(c.job(), options(c, false));

    StepResult failed = broken.applied().failure().orElseThrow(() -> new AssertionError("no failure:\n" + broken.render()));
    assertThat(failed.errorCode().orElseThrow()).isIn("UnauthorizedOperation", "AccessDenied");
    assertThat(failed.failedOperation().orElseThrow().toLowerCase(Locale.ROOT))
        .endsWith(":" + failing.failed().toLowerCase(Locale.ROOT));
    List<StepResult> results = broken.applied().results();
    int at = results.indexOf(failed);
    assertThat(results.subList(0, at)).allMatch(r -> r.status().isInPlace());
    assertThat(results.subList(at + 1, results.size())).allMatch(r -> r.status() == StepStatus.NOT_STARTED);
    assertThat(broken.applied().render()).contains("[FAILED]", failed.errorCode().get(), "apply again");
    assertThat(broken.after()).isPresent();

    RemediationRun rerun = remediator(aws, aws.ec2Client(), aws.s3Client()).remediate(c.job(), options(c, false));

    assertThat(rerun.applied().failure()).as(rerun.render()).isEmpty();
    assertThat(rerun.after().orElseThrow().verdict()).as(rerun.render()).isEqualTo(Verdict.READY);
    NothingRemoved.between(c.network(), aws.snapshot());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixable")
  void aDryRunChangesNothing(Case c) {
    FakeAws aws = FakeAws.create().load(c.network());
    NetworkSnapshot original = aws.snapshot();

    RemediationRun dry = remediator(aws, aws.ec2Client(), aws.s3Client()).remediate(c.job(), options(c, true));

    assertThat(dry.applied().dryRun()).isTrue();
    assertThat(dry.applied().failure()).as(dry.render()).isEmpty();
    assertThat(dry.applied().results()).isNotEmpty()
        .allMatch(r -> r.status() == StepStatus.WOULD_SUCCEED || r.status() == StepStatus.WOULD_RUN
            || r.status() == StepStatus.ALREADY_DONE);
    assertThat(dry.after()).isEmpty();
    assertThat(aws.snapshot()).isEqualTo(original);
    assertThat(aws.calls()).filteredOn(call -> isWrite(call) && call.errorCode().isEmpty()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("partlyFixable")
  void whatAPlanCanFixIsFixedAndTheRestIsAdvice(Case c) {
    FakeAws aws = FakeAws.create().load(c.network());
    Remediator remediator = remediator(aws, aws.ec2Client(), aws.s3Client());

    RemediationRun first = remediator.remediate(c.job(), options(c, false));

    assertThat(first.applied().failure()).as(first.render()).isEmpty();
    assertThat(first.applied().changedAnything()).isTrue();
    PreflightReport after = first.after().orElseThrow();
    for (String rule : c.fixedRules()) {
      assertThat(after.findings(rule)).as(rule + " after:\n" + first.render()).noneMatch(Finding::isFail);
    }
    assertThat(after.problems()).filteredOn(f -> f.severity() == Severity.ERROR)
        .as("every error left was advice in the plan:\n" + first.render())
        .isNotEmpty()
        .allMatch(f -> first.plan().steps().stream().anyMatch(s -> s.isAdvice() && s.fixes().contains(f.ruleId())));
    NothingRemoved.between(c.network(), aws.snapshot());

    NetworkSnapshot fixed = aws.snapshot();
    RemediationRun second = remediator.remediate(c.job(), options(c, false));
    assertThat(second.plan().steps()).allMatch(RemediationStep::isAdvice);
    assertThat(second.applied().changedAnything()).isFalse();
    assertThat(aws.snapshot()).isEqualTo(fixed);
  }

  static List<Case> partlyFixable() {
    return RemediationCases.partlyFixable();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notFixable")
  void whatOnlyAPersonCanFixIsAdviceAndApplyChangesNothing(Case c) {
    FakeAws aws = FakeAws.create().load(c.network());
    NetworkSnapshot original = aws.snapshot();

    RemediationRun run = remediator(aws, aws.ec2Client(), aws.s3Client()).remediate(c.job(), options(c, false));

    assertThat(run.before().verdict()).isEqualTo(Verdict.NOT_READY);
    assertThat(run.plan().steps()).as(run.plan().render()).isNotEmpty().allMatch(RemediationStep::isAdvice);
    assertThat(run.plan().steps()).allSatisfy(s -> assertThat(s.command()).isNotBlank());
    assertThat(run.after().orElseThrow().verdict()).isEqualTo(Verdict.NOT_READY);
    assertThat(writes(aws.calls())).isEmpty();
    assertThat(aws.snapshot().vpcs()).isEqualTo(original.vpcs());
    assertThat(aws.snapshot().securityGroups()).isEqualTo(original.securityGroups());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readyNetworks")
  void aReadyNetworkHasAnEmptyPlanAndApplyChangesNothing(Case c) {
    FakeAws aws = FakeAws.create().load(c.network());
    NetworkSnapshot original = aws.snapshot();

    RemediationRun run = remediator(aws, aws.ec2Client(), aws.s3Client()).remediate(c.job(), options(c, false));

    assertThat(run.before().verdict()).isEqualTo(Verdict.READY);
    assertThat(run.plan().isEmpty()).isTrue();
    assertThat(run.applied().changedAnything()).as(run.render()).isFalse();
    assertThat(aws.snapshot()).isEqualTo(original);
  }

  @org.junit.jupiter.api.Test
  void aBucketPolicyKeepsEveryStatementItHadWhenTheRestrictionIsAdded() {
    Case c = RemediationCases.fixable().stream().filter(x -> x.name().equals("bucket-with-policy-not-restricted"))
        .findFirst().orElseThrow();
    FakeAws aws = FakeAws.create().load(c.network());

    RemediationRun run = remediator(aws, aws.ec2Client(), aws.s3Client()).remediate(c.job(), options(c, false));

    String after = aws.snapshot().buckets().get("acme-ml-artifacts").policy().orElseThrow();
    assertThat(NothingRemoved.statements(after)).as(run.render())
        .containsAll(NothingRemoved.statements(RemediationCases.ANALYTICS_POLICY)).hasSize(3);
    assertThat(dev.vpctrain.core.internal.policy.JsonDocument.readObject(after, null).required("Id").textValue()).isEqualTo("artifacts");
    assertThat(after).contains("VpctrainRestrictToVpcEndpoint", "vpce-0a1b2c3d4e5f60301");
  }

  static List<Case> readyNetworks() {
    List<Case> out = new java.util.ArrayList<>();
    RemediationCases.example("ready-private-endpoints").ifPresent(out::add);
    out.add(new Case("testkit-ready", RemediationCases.ready(),
        dev.vpctrain.testkit.Scenarios.job(dev.vpctrain.testkit.Scenarios.PRIVATE_SUBNET_A,
            dev.vpctrain.testkit.Scenarios.PRIVATE_SUBNET_B), false, List.of()));
    return out;
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static Remediator remediator(FakeAws aws, Ec2Client ec2, S3Client s3) {
    return Remediator.builder().network(aws.discovery()).applier(PlanApplier.create(ec2, s3)).build();
  }

  private static ApplyOptions options(Case c, boolean dryRun) {
    return ApplyOptions.builder().dryRun(dryRun).includeOptional(c.includeOptional()).build();
  }

  private static boolean plannedChangeFor(RemediationRun run, String rule) {
    return run.plan().allSteps().stream().anyMatch(s -> !s.isAdvice() && s.fixes().contains(rule));
  }

  private static boolean isWrite(ApiCall call) {
    String op = call.operation();
    return FailingClients.WRITES.contains(Character.toLowerCase(op.charAt(0)) + op.substring(1));
  }

  private static List<String> writes(List<ApiCall> calls) {
    return calls.stream().filter(RemediationAgainstFakesTest::isWrite).map(ApiCall::operation).collect(Collectors.toList());
  }
}
