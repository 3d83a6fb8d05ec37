package dev.vpctrain.core.rules.request;

import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RequestCountsTest {
  private static List<String> subnets(int n) {
    return IntStream.range(0, n).mapToObj(i -> String.format("subnet-%017x", i)).collect(Collectors.toList());
  }

  private static List<String> groups(int n) {
    return IntStream.range(0, n).mapToObj(i -> String.format("sg-%017x", i)).collect(Collectors.toList());
  }

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

  @Test
  void countsPassOutsideAVpc() {
    var ctx = context(job().vpc((VpcSpec) null).build());
    assertThat(new RequestSubnetsCount().evaluate(ctx)).allMatch(x -> x.outcome() == Outcome.PASS);
    assertThat(new RequestSecurityGroupsCount().evaluate(ctx)).allMatch(x -> x.outcome() == Outcome.PASS);
  }
}
