package dev.vpctrain.core.internal.rules.request;

import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static dev.vpctrain.core.internal.rules.request.RequestCountFixtures.groups;
import static dev.vpctrain.core.internal.rules.request.RequestCountFixtures.subnets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestSecurityGroupsCountTest {
  @ParameterizedTest
  @CsvSource({"0,FAIL", "1,PASS", "5,PASS", "6,FAIL"})
  void groupCountIsOneToFive(int n, Outcome expected) {
    List<Finding> f = new RequestSecurityGroupsCount().evaluate(
        context(job().vpc(v -> v.subnets(subnets(1)).securityGroups(groups(n))).build()));
    assertThat(f).singleElement().satisfies(x -> assertThat(x.outcome()).isEqualTo(expected));
    if (expected == Outcome.FAIL && n > 0) {
      assertThat(f.get(0).resources()).hasSize(n);
    }
  }
}
