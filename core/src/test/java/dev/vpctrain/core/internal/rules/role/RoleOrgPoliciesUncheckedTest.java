package dev.vpctrain.core.internal.rules.role;

import static dev.vpctrain.core.internal.rules.role.RoleFixtures.TRUST_SAGEMAKER;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.role;
import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.iam.OrganizationPolicy;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleOrgPoliciesUncheckedTest {
  private final RoleOrgPoliciesUnchecked rule = new RoleOrgPoliciesUnchecked();

  @Test
  void passesUnevaluatedWithoutAnIamSection() {
    assertThat(rule.evaluate(context(job().build()))).singleElement()
        .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
  }

  @Test
  void anInfoOnceWhenTheRoleWasEvaluated() {
    List<Finding> f = rule.evaluate(context(job().build(), RoleFixtures.network(role(TRUST_SAGEMAKER).build()).build()));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.severity()).isEqualTo(Severity.INFO);
      assertThat(x.message()).contains("not evaluated").contains("No SCP or RCP documents were supplied");
    });
  }

  @Test
  void saysWhichSuppliedDocumentsWereEvaluated() {
    OrganizationPolicy scp = OrganizationPolicy.builder().policyId("p-examplepolicyid111").type("SERVICE_CONTROL_POLICY")
        .content(RoleFixtures.doc("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}")).build();
    List<Finding> f = rule.evaluate(context(job().build(),
        RoleFixtures.network(role(TRUST_SAGEMAKER).build()).organizationPolicies(List.of(scp)).build()));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).contains("1 supplied SCP/RCP document"));
  }
}
