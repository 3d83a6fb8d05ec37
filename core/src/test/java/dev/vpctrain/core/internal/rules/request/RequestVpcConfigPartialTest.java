package dev.vpctrain.core.internal.rules.request;

import static dev.vpctrain.core.rules.ShapeFixtures.SG;
import static dev.vpctrain.core.rules.ShapeFixtures.SUBNET_A;
import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestVpcConfigPartialTest {
  private final RequestVpcConfigPartial rule = new RequestVpcConfigPartial();

  @Test
  void passesWithSubnetsAndGroups() {
    List<Finding> f = rule.evaluate(context(job().build()));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.PASS));
  }

  @Test
  void passesOutsideAVpc() {
    List<Finding> f = rule.evaluate(context(job().vpc((VpcSpec) null).build()));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.PASS));
  }

  @Test
  void failsOnSubnetsWithoutGroups() {
    List<Finding> f = rule.evaluate(context(job().vpc(v -> v.subnets(SUBNET_A).securityGroups(List.of())).build()));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.severity()).isEqualTo(Severity.ERROR);
      assertThat(x.resources()).containsExactly(SUBNET_A);
      assertThat(x.message()).contains("SecurityGroupIds");
    });
  }

  @Test
  void failsOnGroupsWithoutSubnets() {
    List<Finding> f = rule.evaluate(context(job().vpc(v -> v.subnets(List.of()).securityGroups(SG)).build()));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.resources()).containsExactly(SG);
      assertThat(x.message()).contains("no subnets");
    });
  }

  @Test
  void failsOnAnEmptyVpcConfig() {
    List<Finding> f = rule.evaluate(context(job().vpc(v -> v.subnets(List.of()).securityGroups(List.of())).build()));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.FAIL));
  }
}
