package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.outcomes;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.s3.S3RouteFixtures.JOB;
import static dev.vpctrain.core.internal.rules.s3.S3RouteFixtures.assertOthersPass;
import static dev.vpctrain.core.internal.rules.s3.S3RouteFixtures.withSubnetB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3RouteBlackholeTest {
  private final S3RouteBlackhole blackhole = new S3RouteBlackhole();

  @Test
  void blackhole() {
    var net = withSubnetB(rt -> rt.blackhole(TestNetworks.S3_PL, "vpce-deleted").route("0.0.0.0/0", TestNetworks.IGW));
    Finding f = single(blackhole, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).containsExactly("subnet-b", "rtb-b", "vpce-deleted");
    assertThat(f.message()).contains(TestNetworks.S3_PL + " -> vpce-deleted (blackhole)");
    assertThat(f.remediation().get()).contains("aws ec2 delete-route --route-table-id rtb-b --destination-prefix-list-id " + TestNetworks.S3_PL)
        .contains("modify-vpc-endpoint --vpc-endpoint-id vpce-s3 --add-route-table-ids rtb-b");
    assertOthersPass(blackhole, net);
  }

  @Test
  void blackholeNatRoute() {
    var net = withSubnetB(rt -> rt.blackhole("0.0.0.0/0", "nat-deleted"));
    Finding f = single(blackhole, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.remediation().get()).contains("--destination-cidr-block 0.0.0.0/0").contains("--nat-gateway-id");
  }

  @Test
  void aRouteThatIsMissingOrToAnInternetGatewayIsNoBlackhole() {
    Finding none = single(blackhole, JOB, withSubnetB(rt -> { }).build());
    assertThat(none.outcome()).isEqualTo(Outcome.PASS);
    assertThat(none.resources()).containsExactly("subnet-a", "subnet-b");
    Finding igw = single(blackhole, JOB, withSubnetB(rt -> rt.route("0.0.0.0/0", TestNetworks.IGW)).build());
    assertThat(igw.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void unknownRoutesAreUnverifiedNeverPass() {
    List<Finding> out = evaluate(blackhole, JOB, TestNetworks.ready().without(Section.ROUTE_TABLES).build());
    assertThat(outcomes(out)).containsExactly(Outcome.UNVERIFIED, Outcome.UNVERIFIED);
    assertThat(out).extracting(Finding::resources).containsExactly(List.of("subnet-a"), List.of("subnet-b"));
    assertThat(out.get(1).message()).contains("subnet-b").contains("ec2:DescribeRouteTables was not captured");
    assertThat(single(blackhole, TestJobs.job("subnet-zz").build(), TestNetworks.ready().build()).outcome())
        .isEqualTo(Outcome.UNVERIFIED);
  }
}
