package dev.vpctrain.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.internal.policy.Caller;
import dev.vpctrain.core.internal.policy.DecisionType;
import dev.vpctrain.core.internal.policy.Policy;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.policy.Target;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Verdict;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The training code package in generated policies: the plan's endpoint policy allows exactly the
 * code package object, and the preflight of the network with the plan applied is READY; a policy
 * generated for the job without its code package would leave the job denied.
 */
class CodePackagePlanTest {
  private static final String CODE = "s3://acme-ml-code/resnet50/source/sourcedir.tar.gz";
  private static final String CODE_ARN = "arn:aws:s3:::acme-ml-code/resnet50/source/sourcedir.tar.gz";
  private static final String DATA_AND_ARTIFACTS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"JobBuckets\","
      + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\",\"s3:PutObject\"],"
      + "\"Resource\":[\"arn:aws:s3:::acme-ml-data\",\"arn:aws:s3:::acme-ml-data/*\",\"arn:aws:s3:::acme-ml-artifacts\","
      + "\"arn:aws:s3:::acme-ml-artifacts/*\"]}]}";

  /** Every rule but request.id.malformed: the shared test networks use short ids such as subnet-a. */
  private static final RuleEngine ENGINE = RuleEngine.builder().rules(RuleEngine.standard().rules().stream()
      .filter(r -> !r.id().equals("request.id.malformed")).toList()).build();

  private final TrainingJobSpec withCode = TestJobs.job("subnet-a", "subnet-b").codePackage(CODE).build();
  private final TrainingJobSpec withoutCode = TestJobs.job("subnet-a", "subnet-b").build();

  private static TestNetworks.Builder network() {
    return TestNetworks.ready().bucket("acme-ml-data", TestNetworks.REGION).bucket("acme-ml-artifacts", TestNetworks.REGION)
        .bucket("acme-ml-code", TestNetworks.REGION);
  }

  private static NetworkSnapshot withEndpointPolicy(String policy) {
    return network().changeEndpoint("vpce-s3", e -> e.withPolicyDocument(Optional.of(policy))).build();
  }

  private static PolicyRequest codeRequest() {
    return PolicyRequest.builder().caller(Caller.assumedRole(TestJobs.ROLE)).action("s3:GetObject")
        .resource(Target.exact(CODE_ARN)).context(RequestContext.builder().put("aws:SourceVpce", "vpce-s3").build()).build();
  }

  @Test
  void thePlansEndpointPolicyAllowsTheCodePackageAndTheJobIsReady() {
    NetworkSnapshot net = withEndpointPolicy(DATA_AND_ARTIFACTS);
    assertThat(ENGINE.evaluate(withoutCode, net).verdict()).isEqualTo(Verdict.READY);
    PreflightReport before = ENGINE.evaluate(withCode, net);
    assertThat(before.verdict()).isEqualTo(Verdict.NOT_READY);
    assertThat(before.failure("s3.endpoint-policy.denies")).hasValueSatisfying(f ->
        assertThat(f.message()).contains(CODE_ARN + " (HyperParameters.sagemaker_submit_directory)"));

    RemediationPlan plan = RemediationPlanner.plan(withCode, net, before);
    Change.SetEndpointPolicy change = plan.steps().stream().map(RemediationStep::change)
        .filter(Change.SetEndpointPolicy.class::isInstance).map(Change.SetEndpointPolicy.class::cast).findFirst().orElseThrow();
    assertThat(change.newPolicy()).contains("\"" + CODE_ARN + "\"").doesNotContain(CODE_ARN + "*");
    assertThat(Policy.parse(change.newPolicy(), "planned").evaluate(codeRequest()).type()).isEqualTo(DecisionType.ALLOW);

    PreflightReport after = ENGINE.evaluate(withCode, withEndpointPolicy(change.newPolicy()));
    assertThat(after.verdict()).as(after.render()).isEqualTo(Verdict.READY);
  }

  @Test
  void aPolicyGeneratedWithoutTheCodePackageLeavesTheJobDenied() {
    String forgetful = Policies.leastPrivilegeEndpointPolicy(withoutCode, "aws");
    assertThat(Policy.parse(forgetful, "forgetful").evaluate(codeRequest()).type()).isEqualTo(DecisionType.IMPLICIT_DENY);
    PreflightReport report = ENGINE.evaluate(withCode, withEndpointPolicy(forgetful));
    assertThat(report.verdict()).isEqualTo(Verdict.NOT_READY);
    assertThat(report.failure("s3.endpoint-policy.denies")).isPresent();

    String complete = Policies.leastPrivilegeEndpointPolicy(withCode, "aws");
    assertThat(ENGINE.evaluate(withCode, withEndpointPolicy(complete)).verdict()).isEqualTo(Verdict.READY);
  }

  @Test
  void thePlansBucketRestrictionsKeepTheCodePackageReachable() {
    NetworkSnapshot net = network().build();
    PreflightReport before = ENGINE.evaluate(withCode, net);
    assertThat(before.findings("s3.bucket-policy.not-restricted")).anySatisfy(f -> assertThat(f.resources()).contains("acme-ml-code"));
    RemediationPlan plan = RemediationPlanner.plan(withCode, net, before);
    TestNetworks.Builder applied = network();
    int buckets = 0;
    for (RemediationStep s : plan.allSteps()) {
      if (s.change() instanceof Change.SetBucketPolicy c) {
        applied.bucket(BucketFacts.builder().bucket(c.bucket()).region(TestNetworks.REGION).policy(c.newPolicy()).build());
        buckets++;
      }
    }
    assertThat(buckets).as(plan.render()).isEqualTo(3);
    PreflightReport after = ENGINE.evaluate(withCode, applied.build());
    assertThat(after.verdict()).as(after.render()).isEqualTo(Verdict.READY);
    assertThat(after.findings("s3.bucket-policy.denies")).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASS);
      assertThat(f.message()).contains("acme-ml-code");
    });
  }
}
