package dev.vpctrain.core.internal.rules.role;

import static dev.vpctrain.core.internal.rules.role.RoleFixtures.ROLE_ARN;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.ROLE_NAME;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.TRUST_SAGEMAKER;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.doc;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.role;
import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.ManagedPolicy;
import dev.vpctrain.core.report.Acceptance;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.rules.ShapeFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolePolicyUndecidableTest {
  private static final String OWN = "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/train:1.0";
  private static final String ALL_BUT_PERMISSION = "{\"Effect\":\"Allow\",\"NotAction\":"
      + "\"ec2:CreateNetworkInterfacePermission\",\"Resource\":\"*\"}";
  private static final String PERMISSION_FOR_SAGEMAKER = "{\"Sid\":\"Perm\",\"Effect\":\"Allow\",\"Action\":"
      + "\"ec2:CreateNetworkInterfacePermission\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
      + "{\"ec2:AuthorizedService\":\"sagemaker.amazonaws.com\"}}}";
  private static final String ECR_VIA_ENDPOINT = "{\"Sid\":\"EcrViaEndpoint\",\"Effect\":\"Allow\",\"Action\":\"ecr:*\","
      + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-0123456789abcdef0\"}}}";
  private static final String EC2_ALL = "{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}";
  private static final String ECR_ALL = "{\"Effect\":\"Allow\",\"Action\":\"ecr:*\",\"Resource\":\"*\"}";

  private final RolePolicyUndecidable rule = new RolePolicyUndecidable();

  private List<Finding> judge(String image, IamRole role) {
    return rule.evaluate(context(job().trainingImage(image).build(), RoleFixtures.network(role).build()));
  }

  private List<Finding> judge(String image, String... inline) {
    return judge(image, role(TRUST_SAGEMAKER, inline).build());
  }

  @Test
  void anAuthorizedServiceConditionIsOneFindingForEverySubnetItDecides() {
    List<Finding> f = judge(OWN, doc(ALL_BUT_PERMISSION, PERMISSION_FOR_SAGEMAKER));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.severity()).isEqualTo(dev.vpctrain.core.report.Severity.ERROR);
      assertThat(x.message()).contains("inline policy \"inline0\"").contains("statement \"Perm\"")
          .contains("ec2:AuthorizedService").contains("ec2:CreateNetworkInterfacePermission on arn:aws:ec2:us-east-1:"
              + "123456789012:network-interface/*").contains("role.vpc.permissions");
      assertThat(x.remediation().orElseThrow()).contains("not documented")
          .contains("--accept-unverified role.policy.undecidable=" + ROLE_NAME).contains("=inline0");
      assertThat(x.resources()).containsExactly(ROLE_NAME, ROLE_ARN, "inline0");
      assertThat(Acceptance.of("role.policy.undecidable", ROLE_NAME).accepts(x)).isTrue();
      assertThat(Acceptance.of("role.policy.undecidable", "inline0").accepts(x)).isTrue();
    });
  }

  @Test
  void aSourceVpceConditionOnEcrNamesThePullRule() {
    List<Finding> f = judge(OWN, doc(EC2_ALL, ECR_VIA_ENDPOINT));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.message()).contains("statement \"EcrViaEndpoint\"").contains("aws:SourceVpce")
          .contains("ecr:GetAuthorizationToken, ecr:BatchGetImage, ecr:GetDownloadUrlForLayer, "
              + "ecr:BatchCheckLayerAvailability on *, arn:aws:ecr:us-east-1:123456789012:repository/team/train")
          .contains("needed by role.ecr.pull");
      assertThat(x.remediation().orElseThrow()).contains("SageMaker calls from its own network");
    });
  }

  @Test
  void twoStatementsAreTwoFindings() {
    List<Finding> f = judge(OWN, doc(ALL_BUT_PERMISSION.replace("\"Resource\"", "\"NotResource\":\"arn:aws:ecr:*\","
        + "\"Resource\"").replace(",\"Resource\":\"*\"", ""), PERMISSION_FOR_SAGEMAKER, ECR_VIA_ENDPOINT));
    assertThat(f).hasSize(2).allSatisfy(x -> assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED));
    assertThat(f.get(0).message()).contains("\"Perm\"");
    assertThat(f.get(1).message()).contains("\"EcrViaEndpoint\"");
  }

  @Test
  void aConditionThatDoesNotChangeTheOutcomePasses() {
    // an unconditional Allow decides the requests whatever aws:SourceVpce is
    assertThat(judge(OWN, doc(EC2_ALL, ECR_ALL, ECR_VIA_ENDPOINT))).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.PASS);
      assertThat(x.message()).contains("decided by what the snapshot shows");
    });
    // a conditional Deny where nothing allows anyway: denied either way (role.ecr.pull fails it)
    String denyOutside = "{\"Sid\":\"OnlyViaEndpoint\",\"Effect\":\"Deny\",\"Action\":\"ecr:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-0123456789abcdef0\"}}}";
    assertThat(judge(OWN, doc(EC2_ALL, denyOutside))).singleElement()
        .satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.PASS));
  }

  @Test
  void aConditionalDenyThatWouldBlockIsUnverifiedNamingTheManagedPolicy() {
    String guardArn = "arn:aws:iam::123456789012:policy/EndpointOnly";
    String denyOutside = "{\"Sid\":\"OnlyViaEndpoint\",\"Effect\":\"Deny\",\"Action\":\"ecr:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-0123456789abcdef0\"}}}";
    IamRole r = role(TRUST_SAGEMAKER, doc(EC2_ALL, ECR_ALL)).attachedPolicyArns(List.of(guardArn)).build();
    List<Finding> f = rule.evaluate(context(job().trainingImage(OWN).build(), ShapeFixtures.network()
        .iam(IamEvidence.builder().addRole(r).addPolicy(ManagedPolicy.builder().arn(guardArn)
            .document(doc(denyOutside)).build()).build()).build()));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.message()).contains("managed policy " + guardArn + " denies").contains("\"OnlyViaEndpoint\" (Statement[0]) (Deny)");
      assertThat(x.resources()).contains(guardArn);
      assertThat(x.remediation().orElseThrow()).contains("does not deny");
    });
  }

  @Test
  void notEvaluatedWithoutAnIamSection() {
    assertThat(rule.evaluate(context(job().build()))).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.PASS);
      assertThat(x.message()).startsWith("Not evaluated");
    });
  }

  @Test
  void policyIdsAreWhatAnAcceptanceNames() {
    assertThat(RolePolicyUndecidable.policyId("inline policy \"Ecr\" of role R")).contains("Ecr");
    assertThat(RolePolicyUndecidable.policyId("managed policy arn:aws:iam::1:policy/P")).contains("arn:aws:iam::1:policy/P");
    assertThat(RolePolicyUndecidable.policyId("permissions boundary arn:aws:iam::1:policy/B")).contains("arn:aws:iam::1:policy/B");
    assertThat(RolePolicyUndecidable.policyId("SCP p-abc")).contains("p-abc");
    assertThat(RolePolicyUndecidable.policyId("something else")).isEmpty();
  }
}
