package dev.vpctrain.testkit.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.remediation.RemediationRun;
import dev.vpctrain.aws.remediation.StepStatus;
import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.InlinePolicy;
import dev.vpctrain.core.iam.ManagedPolicy;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Verdict;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import dev.vpctrain.testkit.network.NetworkBuilder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** The fake IAM over the world's roles and policies, and {@code apply --include-iam} against it. */
class FakeIamTest {
  static final String ROLE = "SageMakerTrainingRole";
  static final String ARN = "arn:aws:iam::123456789012:role/" + ROLE;
  static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
  static final String MANAGED = "arn:aws:iam::123456789012:policy/Team";
  /** The team's managed policy: the image pull (role.ecr.pull), nothing of the VPC. */
  static final String TEAM = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":[\"ecr:GetAuthorizationToken\",\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\","
      + "\"ecr:BatchCheckLayerAvailability\"],\"Resource\":\"*\"}]}";

  static NetworkSnapshot world(Scenario s) {
    IamRole role = IamRole.builder().roleName(ROLE).arn(ARN).trustPolicy(TRUST)
        .inlinePolicies(List.of(InlinePolicy.of("read", Optional.of(READ)))).attachedPolicyArns(List.of(MANAGED)).build();
    ManagedPolicy team = ManagedPolicy.builder().arn(MANAGED).policyName("Team").defaultVersionId("v1")
        .document(READ).build();
    return s.network().withIam(IamEvidence.builder().roles(List.of(role)).policies(List.of(team)).build());
  }

  @Test
  void servesTheWorldsRolesAndPoliciesWithUrlEncodedDocuments() {
    FakeAws aws = FakeAws.create().load(world(Scenarios.readyPrivateEndpoints()));
    IamClient iam = aws.iamClient();

    assertThat(iam.getRole(b -> b.roleName(ROLE)).role().arn()).isEqualTo(ARN);
    assertThat(URLDecoder.decode(iam.getRole(b -> b.roleName(ROLE)).role().assumeRolePolicyDocument(),
        StandardCharsets.UTF_8)).isEqualTo(TRUST);
    assertThat(iam.listRolePolicies(b -> b.roleName(ROLE)).policyNames()).containsExactly("read");
    GetRolePolicyResponse p = iam.getRolePolicy(b -> b.roleName(ROLE).policyName("read"));
    assertThat(p.policyDocument()).startsWith("%7B%22Version%22");
    assertThat(URLDecoder.decode(p.policyDocument(), StandardCharsets.UTF_8)).isEqualTo(READ);
    assertThat(iam.listAttachedRolePolicies(b -> b.roleName(ROLE)).attachedPolicies()).singleElement()
        .satisfies(a -> assertThat(a.policyArn()).isEqualTo(MANAGED));
    assertThat(iam.getPolicy(b -> b.policyArn(MANAGED)).policy().defaultVersionId()).isEqualTo("v1");
    assertThat(URLDecoder.decode(iam.getPolicyVersion(b -> b.policyArn(MANAGED).versionId("v1")).policyVersion()
        .document(), StandardCharsets.UTF_8)).isEqualTo(READ);

    assertThatThrownBy(() -> iam.getRole(b -> b.roleName("Nobody"))).isInstanceOfSatisfying(NoSuchEntityException.class,
        e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
          assertThat(e.getMessage()).contains("The role with name Nobody cannot be found.");
        });
    assertThatThrownBy(() -> iam.getRolePolicy(b -> b.roleName(ROLE).policyName("vpctrain-sagemaker-job")))
        .isInstanceOf(NoSuchEntityException.class);
  }

  @Test
  void aRoleDeclaredWithTheBuilderIsWhatThePreflightAndTheFakeSee() {
    Scenario s = Scenarios.readyPrivateEndpoints();
    // tag::role[]
    NetworkSnapshot net = NetworkBuilder.from(s.network())
        .managedPolicy("Team", READ)                        // arn:aws:iam::123456789012:policy/Team
        .role("SageMakerTrainingRole", r -> r.trustsSageMaker()   // or trustPolicy(json)
            .inlinePolicy("read", READ).attach("arn:aws:iam::123456789012:policy/Team"))
        .build();
    // end::role[]
    assertThat(net).isEqualTo(world(s));
    assertThat(NetworkBuilder.from(net).build()).isEqualTo(net);
    FakeAws aws = FakeAws.create().load(net);
    assertThat(aws.iamClient().listAttachedRolePolicies(b -> b.roleName(ROLE)).attachedPolicies()).hasSize(1);
    assertThat(aws.preflight(s.job()).findings("role.vpc.permissions")).anyMatch(Finding::isFail);
  }

  @Test
  void putAndDeleteRolePolicyChangeTheWorld() {
    FakeAws aws = FakeAws.create().load(world(Scenarios.readyPrivateEndpoints()));
    IamClient iam = aws.iamClient();
    iam.putRolePolicy(b -> b.roleName(ROLE).policyName("extra").policyDocument(READ));
    assertThat(aws.snapshot().iam().orElseThrow().role(ROLE).orElseThrow().inlinePolicies().orElseThrow())
        .extracting(InlinePolicy::policyName).containsExactly("read", "extra");
    iam.deleteRolePolicy(b -> b.roleName(ROLE).policyName("extra"));
    assertThat(aws.snapshot().iam().orElseThrow().role(ROLE).orElseThrow().inlinePolicies().orElseThrow())
        .extracting(InlinePolicy::policyName).containsExactly("read");
    assertThatThrownBy(() -> iam.deleteRolePolicy(b -> b.roleName(ROLE).policyName("extra")))
        .isInstanceOf(NoSuchEntityException.class);
    assertThat(aws.calls("iam")).extracting(c -> c.operation())
        .containsExactly("PutRolePolicy", "DeleteRolePolicy", "DeleteRolePolicy");
  }

  @Test
  void applyWithIncludeIamPutsTheRolesPolicyAndTheJobIsThenReady() {
    Scenario s = Scenarios.readyPrivateEndpoints();
    FakeAws aws = FakeAws.create().load(world(s));
    // the image pull is the team's business (role.ecr.pull), not the plan's: granted before
    aws.iamClient().putRolePolicy(b -> b.roleName(ROLE).policyName("image").policyDocument(TEAM));
    int before = aws.calls("iam").size();

    RemediationRun skipped = aws.remediator().remediate(s.job(), o -> o.dryRun(false));
    assertThat(skipped.before().findings("role.vpc.permissions")).anyMatch(Finding::isFail);
    assertThat(skipped.applied().skippedIam()).hasSize(1);
    // discovery read the role through the fake IAM; nothing was written without includeIam
    assertThat(aws.calls("iam").subList(before, aws.calls("iam").size())).isNotEmpty().extracting(c -> c.operation())
        .allMatch(op -> op.startsWith("Get") || op.startsWith("List"));
    assertThat(skipped.after().orElseThrow().verdict()).isEqualTo(Verdict.NOT_READY);

    RemediationRun run = aws.remediator().remediate(s.job(), o -> o.dryRun(false).includeIam(true));

    assertThat(run.applied().results()).as(run.render()).anySatisfy(r -> {
      assertThat(r.step().operation()).isEqualTo("iam:PutRolePolicy");
      assertThat(r.status()).isEqualTo(StepStatus.DONE);
    });
    assertThat(run.after().orElseThrow().verdict()).as(run.render()).isEqualTo(Verdict.READY);
    assertThat(aws.snapshot().iam().orElseThrow().role(ROLE).orElseThrow().inlinePolicies().orElseThrow())
        .extracting(InlinePolicy::policyName).containsExactly("read", "image", "vpctrain-sagemaker-job");
    // the one write of the apply: PutRolePolicy, after reading the live policy of that name
    assertThat(aws.calls("iam")).extracting(c -> c.operation()).filteredOn(op -> op.startsWith("Put"))
        .containsExactly("PutRolePolicy", "PutRolePolicy");
  }
}
