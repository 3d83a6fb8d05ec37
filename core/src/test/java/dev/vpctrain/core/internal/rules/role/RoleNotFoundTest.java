package dev.vpctrain.core.internal.rules.role;

import static dev.vpctrain.core.internal.rules.role.RoleFixtures.ROLE_ARN;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.TRUST_SAGEMAKER;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.role;
import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.rules.ShapeFixtures;
import org.junit.jupiter.api.Test;

class RoleNotFoundTest {
  private final RoleNotFound rule = new RoleNotFound();
  private final IamRole other = IamRole.builder().roleName("Other").arn("arn:aws:iam::123456789012:role/Other").build();

  private Finding one(NetworkSnapshot net) {
    return rule.evaluate(context(job().build(), net)).get(0);
  }

  @Test
  void passesUnevaluatedWithoutAnIamSection() {
    Finding f = one(ShapeFixtures.network().build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).startsWith("Not evaluated").contains("no iam section");
  }

  @Test
  void passesWhenTheRoleIsThere() {
    Finding f = one(RoleFixtures.network(role(TRUST_SAGEMAKER).build()).build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.resources()).containsExactly(ROLE_ARN);
  }

  @Test
  void failsWhenACompleteListingLacksTheRole() {
    NetworkSnapshot net = ShapeFixtures.network()
        .iam(IamEvidence.builder().addRole(other).isComplete(true).build()).build();
    Finding f = one(net);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("Could not assume role " + ROLE_ARN);
    assertThat(f.remediation().orElseThrow()).contains("aws iam create-role --role-name SageMakerTrainingRole")
        .contains("sagemaker.amazonaws.com");
  }

  @Test
  void unverifiedWhenAScopedCaptureLacksTheRole() {
    Finding f = one(RoleFixtures.network(other).build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("partial capture");
  }

  @Test
  void failsWhenGetRoleSaidNoSuchEntity() {
    NetworkSnapshot net = RoleFixtures.network(other)
        .addError(CaptureError.builder().operation("iam:GetRole").code("NoSuchEntity")
            .message("The role with name SageMakerTrainingRole cannot be found.").resource("SageMakerTrainingRole")
            .build())
        .build().withoutIncomplete();
    assertThat(one(net).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void unverifiedWhenGetRoleWasDenied() {
    NetworkSnapshot net = RoleFixtures.network(role(TRUST_SAGEMAKER).build())
        .addError(CaptureError.builder().operation("iam:GetRole").code("AccessDenied").message("denied")
            .resource("SageMakerTrainingRole").build())
        .build().withoutIncomplete();
    assertThat(net.iam().orElseThrow().roles()).isEmpty();
    assertThat(one(net).outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void unverifiedForARoleOfAnotherAccount() {
    NetworkSnapshot net = ShapeFixtures.network()
        .iam(IamEvidence.builder().addRole(other).isComplete(true).build()).build();
    Finding f = rule.evaluate(context(job().roleArn("arn:aws:iam::210987654321:role/Cross").build(), net)).get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("another account");
  }

  @Test
  void unverifiedWhenTheRoleHasAnotherPath() {
    IamRole pathed = IamRole.builder().roleName("SageMakerTrainingRole")
        .arn("arn:aws:iam::123456789012:role/service-role/SageMakerTrainingRole").build();
    Finding f = one(ShapeFixtures.network().iam(IamEvidence.builder().addRole(pathed).isComplete(true).build()).build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("service-role/SageMakerTrainingRole");
  }

  @Test
  void unverifiedWhenTheListingWasTruncated() {
    NetworkSnapshot net = ShapeFixtures.network()
        .iam(IamEvidence.builder().addRole(other).isComplete(true).build())
        .addError(CaptureError.of("iam:GetAccountAuthorizationDetails", "Throttling", "rate exceeded"))
        .build().withoutIncomplete();
    assertThat(one(net).outcome()).isEqualTo(Outcome.UNVERIFIED);
  }
}
