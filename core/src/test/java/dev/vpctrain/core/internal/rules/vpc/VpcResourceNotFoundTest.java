package dev.vpctrain.core.internal.rules.vpc;

import static dev.vpctrain.core.rules.ShapeFixtures.SG;
import static dev.vpctrain.core.rules.ShapeFixtures.SUBNET_A;
import static dev.vpctrain.core.rules.ShapeFixtures.SUBNET_B;
import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static dev.vpctrain.core.rules.ShapeFixtures.network;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VpcResourceNotFoundTest {
  private final VpcResourceNotFound rule = new VpcResourceNotFound();

  @Test
  void passesWhenEverythingExists() {
    assertThat(rule.evaluate(context(job().build()))).singleElement()
        .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
  }

  @Test
  void passesOutsideAVpc() {
    assertThat(rule.evaluate(context(job().vpc((VpcSpec) null).build()))).singleElement()
        .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
  }

  @Test
  void failsNamingMissingSubnetsAndGroups() {
    String ghostSubnet = "subnet-0a1b2c3d4e5f6dead";
    String ghostGroup = "sg-0a1b2c3d4e5f6beef";
    List<Finding> f = rule.evaluate(context(job()
        .vpc(v -> v.subnets(SUBNET_A, ghostSubnet).securityGroups(SG, ghostGroup)).build()));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.resources()).containsExactly(ghostSubnet, ghostGroup);
      assertThat(x.message()).contains("123456789012").contains("us-east-1");
    });
  }

  @Test
  void unverifiedWhenSubnetsWereNotCaptured() {
    NetworkSnapshot net = network().subnets(Optional.empty())
        .addError(CaptureError.of("ec2:DescribeSubnets", "UnauthorizedOperation", "denied")).build();
    List<Finding> f = rule.evaluate(context(job().build(), net));
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.message()).contains("UnauthorizedOperation");
      assertThat(x.resources()).containsExactly(SUBNET_A, SUBNET_B);
    });
  }

  @Test
  void reportsAMissingGroupEvenWhenSubnetsAreUnknown() {
    NetworkSnapshot net = network().subnets(Optional.empty()).build();
    List<Finding> f = rule.evaluate(context(job().vpc(v -> v.securityGroups("sg-0a1b2c3d4e5f6beef")).build(), net));
    assertThat(f).extracting(Finding::outcome).containsExactly(Outcome.FAIL, Outcome.UNVERIFIED);
  }
}
