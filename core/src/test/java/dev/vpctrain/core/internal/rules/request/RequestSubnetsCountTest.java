package dev.vpctrain.core.internal.rules.request;

import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static dev.vpctrain.core.internal.rules.request.RequestCountFixtures.groups;
import static dev.vpctrain.core.internal.rules.request.RequestCountFixtures.subnets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestSubnetsCountTest {
  @ParameterizedTest
  @CsvSource({"0,FAIL", "1,PASS", "16,PASS", "17,FAIL"})
  void subnetCountIsOneToSixteen(int n, Outcome expected) {
    List<Finding> f = new RequestSubnetsCount().evaluate(
        context(job().vpc(v -> v.subnets(subnets(n)).securityGroups(groups(1))).build()));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(expected);
      assertThat(x.message()).contains(String.valueOf(n));
    });
  }

  @Test
  void countsPassOutsideAVpc() {
    var ctx = context(job().vpc((VpcSpec) null).build());
    assertThat(new RequestSubnetsCount().evaluate(ctx)).allMatch(x -> x.outcome() == Outcome.PASS);
    assertThat(new RequestSecurityGroupsCount().evaluate(ctx)).allMatch(x -> x.outcome() == Outcome.PASS);
  }
}
