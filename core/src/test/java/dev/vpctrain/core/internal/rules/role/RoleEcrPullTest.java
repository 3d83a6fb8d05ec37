package dev.vpctrain.core.internal.rules.role;

import static dev.vpctrain.core.internal.rules.role.RoleFixtures.ROLE_ARN;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.TRUST_SAGEMAKER;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.doc;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.role;
import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.ManagedPolicy;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.rules.ShapeFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleEcrPullTest {
  private static final String OWN = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/train:1.0";
  private static final String OWN_ARN = "arn:aws:ecr:us-east-1:123456789012:repository/team/train";
  private static final String DLC = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5-gpu-py311";
  private static final String OTHER = "210987654321.dkr.ecr.us-east-1.amazonaws.com/shared/base@sha256:abc123";
  private static final String OTHER_ARN = "arn:aws:ecr:us-east-1:210987654321:repository/shared/base";
  private static final String TOKEN = "{\"Effect\":\"Allow\",\"Action\":\"ecr:GetAuthorizationToken\",\"Resource\":\"*\"}";
  private static final String PULL_ANY = "{\"Effect\":\"Allow\",\"Action\":[\"ecr:BatchGetImage\","
      + "\"ecr:GetDownloadUrlForLayer\",\"ecr:BatchCheckLayerAvailability\"],\"Resource\":\"*\"}";
  private static final String S3_ONLY = "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}";

  private final RoleEcrPull rule = new RoleEcrPull();

  private static RuleContext ctx(String image, IamRole role) {
    return context(job().trainingImage(image).build(), RoleFixtures.network(role).build());
  }

  private List<Finding> judge(String image, String... inline) {
    return rule.evaluate(ctx(image, role(TRUST_SAGEMAKER, inline).build()));
  }

  /** Registry owner × role policy → outcome. */
  @ParameterizedTest(name = "{0} with {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "own   | token+pull | PASS",
      "own   | none       | FAIL",
      "own   | token      | UNVERIFIED",
      "dlc   | token+pull | PASS",
      "dlc   | none       | UNVERIFIED",
      "other | token+pull | UNVERIFIED",
      "other | token      | FAIL",
      "other | none       | FAIL"})
  void registryOwnerAndPolicyDecide(String owner, String policy, Outcome expected) {
    String image = switch (owner) {
      case "own" -> OWN;
      case "dlc" -> DLC;
      default -> OTHER;
    };
    String document = switch (policy) {
      case "token+pull" -> doc(TOKEN, PULL_ANY);
      case "token" -> doc(TOKEN);
      default -> doc(S3_ONLY);
    };
    assertThat(judge(image, document)).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(expected);
      assertThat(f.resources()).contains(ROLE_ARN);
    });
  }

  @Test
  void aRoleWithoutEcrPermissionsFailsWithAMinimalPolicy() {
    Finding f = judge(OWN, doc(S3_ONLY)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("ecr:GetAuthorizationToken on *").contains("does not have BatchGetImage permission")
        .contains("ecr:BatchGetImage, ecr:GetDownloadUrlForLayer, ecr:BatchCheckLayerAvailability on " + OWN_ARN);
    assertThat(f.resources()).containsExactly(OWN_ARN, "team/train", ROLE_ARN);
    assertThat(f.remediation().orElseThrow()).contains("aws iam put-role-policy --role-name SageMakerTrainingRole")
        .contains("\"SageMakerEcrToken\"").contains("\"SageMakerEcrPull\"").contains(OWN_ARN)
        .doesNotContain("AmazonSageMakerFullAccess");
  }

  @Test
  void anOwnRepositoryImplicitlyDeniedIsLeftToItsRepositoryPolicy() {
    Finding f = judge(OWN, doc(TOKEN)).get(0);
    assertThat(f.message()).contains("repository policy of team/train");
    assertThat(f.remediation().orElseThrow()).contains(OWN_ARN).doesNotContain("SageMakerEcrToken");
  }

  @Test
  void anExplicitDenyFailsEvenOnTheOwnRepository() {
    String denyArn = "arn:aws:iam::123456789012:policy/NoPull";
    IamRole r = role(TRUST_SAGEMAKER, doc(TOKEN, PULL_ANY)).attachedPolicyArns(List.of(denyArn)).build();
    NetworkSnapshot net = ShapeFixtures.network().iam(IamEvidence.builder().addRole(r)
        .addPolicy(ManagedPolicy.builder().arn(denyArn).document(doc("{\"Sid\":\"NoPull\",\"Effect\":\"Deny\","
            + "\"Action\":\"ecr:BatchGetImage\",\"Resource\":\"*\"}")).build()).build()).build();
    assertThat(rule.evaluate(context(job().trainingImage(OWN).build(), net))).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(f.message()).contains("explicitly denied by statement \"NoPull\"");
      assertThat(f.remediation().orElseThrow()).startsWith("Change the Deny statement");
    });
  }

  @Test
  void aPolicyScopedToAnotherRepositoryDoesNotAllowThisOne() {
    String scoped = "{\"Effect\":\"Allow\",\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\","
        + "\"ecr:BatchCheckLayerAvailability\"],\"Resource\":\"arn:aws:ecr:us-east-1:210987654321:repository/other\"}";
    assertThat(judge(OTHER, doc(TOKEN, scoped))).singleElement()
        .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.FAIL));
    String exact = scoped.replace("repository/other", "repository/shared/base");
    assertThat(judge(OTHER, doc(TOKEN, exact))).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(f.message()).contains("account 210987654321").contains("repository policy");
      assertThat(f.remediation().orElseThrow()).contains("aws ecr get-repository-policy --registry-id 210987654321 "
          + "--repository-name shared/base").contains("--accept-unverified role.ecr.pull=" + OTHER_ARN);
    });
  }

  @Test
  void anAwsOwnedRegistryWithoutPermissionsNamesTheConflictingSources() {
    Finding f = judge(DLC, doc(S3_ONLY)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("service-owned credentials").contains("BatchGetImage permission");
    assertThat(judge(DLC, doc(TOKEN, PULL_ANY))).singleElement().satisfies(x ->
        assertThat(x.message()).contains("AWS-owned registry 763104351884, listed in aws/deep-learning-containers"));
    assertThat(AwsImageRegistries.find("763104351884", "us-east-1")).isPresent();
    assertThat(AwsImageRegistries.find("763104351884", "af-south-1")).isEmpty();
    assertThat(AwsImageRegistries.find("626614931356", "af-south-1")).isPresent();
  }

  @Test
  void aConditionOnSourceVpceIsLeftToRolePolicyUndecidable() {
    String guarded = "{\"Sid\":\"PullViaEndpoint\",\"Effect\":\"Allow\",\"Action\":\"ecr:BatchGetImage\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-0123456789abcdef0\"}}}";
    String rest = "{\"Effect\":\"Allow\",\"Action\":[\"ecr:GetAuthorizationToken\",\"ecr:GetDownloadUrlForLayer\","
        + "\"ecr:BatchCheckLayerAvailability\"],\"Resource\":\"*\"}";
    RuleContext c = ctx(OWN, role(TRUST_SAGEMAKER, doc(rest, guarded)).build());
    assertThat(rule.evaluate(c)).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASS);
      assertThat(f.message()).contains("role.policy.undecidable");
    });
    assertThat(RoleEcrPull.checks(c)).filteredOn(RoleCheck::isUndecidable).singleElement().satisfies(k -> {
      assertThat(k.action()).isEqualTo("ecr:BatchGetImage");
      assertThat(k.decision().unknownKeys()).containsExactly("aws:SourceVpce");
    });
  }

  @Test
  void checksAreTheTokenThenTheRepositoryActions() {
    List<RoleCheck> checks = RoleEcrPull.checks(ctx(OTHER, role(TRUST_SAGEMAKER, doc(TOKEN, PULL_ANY)).build()));
    assertThat(checks).extracting(RoleCheck::action).containsExactly("ecr:GetAuthorizationToken", "ecr:BatchGetImage",
        "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability");
    assertThat(checks).extracting(RoleCheck::resource).containsExactly("*", OTHER_ARN, OTHER_ARN, OTHER_ARN);
    assertThat(checks).allSatisfy(k -> assertThat(k.rule()).isEqualTo("role.ecr.pull"));
  }

  @Test
  void imagesParseToRepositoryArns() {
    RuleContext c = ctx(OWN, role(TRUST_SAGEMAKER).build());
    assertThat(RoleEcrPull.ecrImage(c, OWN, "123456789012").orElseThrow().arn()).isEqualTo(OWN_ARN);
    assertThat(RoleEcrPull.ecrImage(c, OTHER, "123456789012").orElseThrow().arn()).isEqualTo(OTHER_ARN);
    assertThat(RoleEcrPull.ecrImage(c, "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/x", "1").orElseThrow().arn())
        .isEqualTo("arn:aws-cn:ecr:cn-north-1:123456789012:repository/x");
    assertThat(RoleEcrPull.ecrImage(c, "pytorch/pytorch:2.5", "123456789012")).isEmpty();
    assertThat(RoleEcrPull.ecrImage(c, "registry.example.com/team/train:1", "123456789012")).isEmpty();
  }

  @Test
  void nonEcrImagesAndMissingIamAreNotChecked() {
    assertThat(judge("registry.example.com/team/train:1", doc(S3_ONLY))).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASS);
      assertThat(f.message()).contains("no ECR check");
    });
    assertThat(rule.evaluate(context(job().trainingImage(OWN).build()))).singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("Not evaluated"));
  }

  @Test
  void anUncapturedManagedPolicyIsUnverified() {
    IamRole r = role(TRUST_SAGEMAKER).attachedPolicyArns(List.of("arn:aws:iam::aws:policy/AmazonSageMakerFullAccess")).build();
    assertThat(rule.evaluate(ctx(OWN, r))).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(f.message()).contains("not among the snapshot's policies");
    });
  }
}
