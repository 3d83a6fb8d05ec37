package dev.vpctrain.core.internal.rules.target;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_ADDRESS;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_ENI;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_SG;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_SUBNET;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.PCX;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.database;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.eni;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.job;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.withInterfaces;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.job.VpcTarget;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetRouteMissingTest {
  private final TargetRouteMissing rule = new TargetRouteMissing();

  @Test
  void aDatabaseInsideTheVpcIsReachedByTheLocalRoute() {
    Finding f = single(rule, job("db=" + DB_SG + ":5432"), database());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("db (" + DB_SG + ":5432)");
  }

  @Test
  void aPrivateAddressSentToTheNatGatewayAndOnToTheInternetFailsForEachSubnet() {
    List<Finding> out = evaluate(rule, job("onprem=10.99.0.5:8080"), database());
    assertThat(out).hasSize(2).allMatch(f -> f.outcome() == Outcome.FAIL);
    Finding f = out.get(0);
    assertThat(f.resources()).startsWith("subnet-a", "onprem").contains("rtb-private");
    assertThat(f.message()).contains("10.99.0.5").contains("nat-a");
    assertThat(f.remediation().orElseThrow()).contains("aws ec2 create-route --route-table-id rtb-private "
        + "--destination-cidr-block 10.99.0.5/32");
    assertThat(out.get(1).resources()).startsWith("subnet-b", "onprem");
  }

  @Test
  void noRouteAndABlackholeFail() {
    TestNetworksShim n = new TestNetworksShim();
    Finding none = single(rule, TestJobs.job("subnet-a").requiresInVpc(VpcTarget.address("10.99.0.5", 443)).build(),
        n.privateOnly(rt -> rt.associate("subnet-a")));
    assertThat(none.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(none.message()).contains("no route");
    Finding blackhole = single(rule, TestJobs.job("subnet-a").requiresInVpc(VpcTarget.address("10.99.0.5", 443)).build(),
        n.privateOnly(rt -> rt.associate("subnet-a").blackhole("10.99.0.0/16", PCX)));
    assertThat(blackhole.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(blackhole.message()).contains("blackhole");
    assertThat(blackhole.resources()).contains(PCX);
    assertThat(blackhole.remediation().orElseThrow()).contains("aws ec2 replace-route --route-table-id rtb-private "
        + "--destination-cidr-block 10.99.0.0/16");
  }

  @Test
  void aBlackholeOnTheWayBackFails() {
    NetworkSnapshot n = withInterfaces(world().routeTable("rtb-db", rt -> rt.associate(DB_SUBNET)
        .blackhole("10.20.1.0/24", "tgw-0123456789abcdef0")), eni(DB_ENI, DB_SUBNET, DB_ADDRESS, DB_SG));
    List<Finding> out = evaluate(rule, job(DB_ADDRESS + ":5432"), n);
    assertThat(out).hasSize(1);
    Finding f = out.get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).startsWith("subnet-a", DB_ADDRESS + "").contains("rtb-db");
    assertThat(f.message()).contains("on the way back");
    assertThat(f.remediation().orElseThrow()).contains("--route-table-id rtb-db --destination-cidr-block 10.20.1.0/24");
  }

  @Test
  void aRouteThroughAPeeringConnectionIsLeftToTargetUnmodeled() {
    NetworkSnapshot n = withInterfaces(world().routeTable("rtb-private", rt -> rt.associate("subnet-a", "subnet-b")
        .route("0.0.0.0/0", "nat-a").route("172.31.0.0/16", PCX)));
    Finding f = single(rule, job("peer=172.31.5.10:443"), n);
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void unknownRouteTablesAreUnverified() {
    NetworkSnapshot n = withInterfaces(world().without(Section.ROUTE_TABLES), eni(DB_ENI, DB_SUBNET, DB_ADDRESS, DB_SG));
    List<Finding> out = evaluate(rule, job(DB_SG + ":5432"), n);
    assertThat(out).allMatch(f -> f.outcome() == Outcome.UNVERIFIED);
  }

  @Test
  void aJobOutsideAVpcCannotReachAnInVpcTarget() {
    Finding f = single(rule, TestJobs.jobWithoutVpc().requiresInVpc(VpcTarget.sg(DB_SG, 5432)).build(), database());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("no VpcConfig");
    assertThat(single(rule, TestJobs.jobWithoutVpc().build(), database()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void everyPartOfABlockMustBeRouted() {
    // 10.98.0.0/16 half blackholed: the block is not wholly reachable
    TestNetworksShim s = new TestNetworksShim();
    NetworkSnapshot n = s.privateOnly(rt -> rt.associate("subnet-a").route("10.98.0.0/16", "tgw-0123456789abcdef0")
        .blackhole("10.98.128.0/17", "tgw-0123456789abcdef0"));
    Finding f = single(rule, TestJobs.job("subnet-a").requiresInVpc(VpcTarget.cidr("10.98.0.0/16", 443)).build(), n);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("10.98.128.0-10.98.255.255 of 10.98.0.0/16");
  }

  /** A private VPC whose subnet-a route table {@code spec} shapes; no NAT. */
  static final class TestNetworksShim {
    NetworkSnapshot privateOnly(java.util.function.Consumer<dev.vpctrain.core.fixtures.TestNetworks.RouteTableSpec> spec) {
      return withInterfaces(dev.vpctrain.core.fixtures.TestNetworks.privateVpc()
          .subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 240)
          .routeTable("rtb-private", spec)
          .securityGroup(dev.vpctrain.core.fixtures.TestNetworks.selfReferencingGroup("sg-training")));
    }
  }
}
