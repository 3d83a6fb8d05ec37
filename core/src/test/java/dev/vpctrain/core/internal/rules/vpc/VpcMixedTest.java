package dev.vpctrain.core.internal.rules.vpc;

import static dev.vpctrain.core.rules.ShapeFixtures.OTHER_VPC;
import static dev.vpctrain.core.rules.ShapeFixtures.SG;
import static dev.vpctrain.core.rules.ShapeFixtures.SUBNET_A;
import static dev.vpctrain.core.rules.ShapeFixtures.SUBNET_B;
import static dev.vpctrain.core.rules.ShapeFixtures.VPC;
import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.group;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static dev.vpctrain.core.rules.ShapeFixtures.network;
import static dev.vpctrain.core.rules.ShapeFixtures.subnet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VpcMixedTest {
  private final VpcMixed rule = new VpcMixed();

  @Test
  void passesForOneVpc() {
    assertThat(rule.evaluate(context(job().build()))).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASS);
      assertThat(f.resources()).containsExactly(VPC);
    });
  }

  @Test
  void failsWhenASubnetIsInAnotherVpc() {
    NetworkSnapshot net = network().subnets(List.of(subnet(SUBNET_A, VPC), subnet(SUBNET_B, OTHER_VPC))).build();
    List<Finding> f = rule.evaluate(context(job().build(), net));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.resources()).contains(SUBNET_B, VPC, OTHER_VPC);
      assertThat(x.message()).contains(OTHER_VPC + " (" + SUBNET_B + ")");
    });
  }

  @Test
  void failsWhenTheGroupIsInAnotherVpc() {
    NetworkSnapshot net = network().securityGroups(List.of(group(SG, OTHER_VPC))).build();
    assertThat(rule.evaluate(context(job().build(), net))).singleElement()
        .satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.FAIL));
  }

  @Test
  void unverifiedWhenGroupsWereNotCaptured() {
    NetworkSnapshot net = network().securityGroups(Optional.empty()).build();
    assertThat(rule.evaluate(context(job().build(), net))).singleElement()
        .satisfies(x -> {
          assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
          assertThat(x.message()).contains("DescribeSecurityGroups");
        });
  }

  @Test
  void mixedIsDecidedEvenWhenAnotherSectionIsUnknown() {
    NetworkSnapshot net = network().subnets(List.of(subnet(SUBNET_A, VPC), subnet(SUBNET_B, OTHER_VPC)))
        .securityGroups(Optional.empty()).build();
    assertThat(rule.evaluate(context(job().build(), net))).singleElement()
        .satisfies(x -> assertThat(x.outcome()).isEqualTo(Outcome.FAIL));
  }
}
