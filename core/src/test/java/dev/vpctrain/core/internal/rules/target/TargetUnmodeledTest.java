package dev.vpctrain.core.internal.rules.target;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_SG;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.PCX;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.database;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.job;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.withInterfaces;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Acceptance;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetUnmodeledTest {
  private final TargetUnmodeled rule = new TargetUnmodeled();

  private static NetworkSnapshot via(String cidr, String target) {
    return withInterfaces(world().routeTable("rtb-private", rt -> rt.associate("subnet-a", "subnet-b")
        .route("0.0.0.0/0", "nat-a").route(cidr, target)),
        TargetFixtures.eni(TargetFixtures.DB_ENI, TargetFixtures.DB_SUBNET, TargetFixtures.DB_ADDRESS, DB_SG));
  }

  @Test
  void aTargetInsideTheVpcPasses() {
    Finding f = single(rule, job(DB_SG + ":5432"), database());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aTargetAcrossAPeeringConnectionIsUnverifiedNamingItAndCanBeAcceptedByLabel() {
    List<Finding> out = evaluate(rule, job("features=172.31.5.10:5432"), via("172.31.0.0/16", PCX));
    assertThat(out).hasSize(2).allMatch(f -> f.outcome() == Outcome.UNVERIFIED && f.severity() == Severity.ERROR);
    Finding f = out.get(0);
    assertThat(f.resources()).startsWith("subnet-a", "features").contains(PCX, "rtb-private");
    assertThat(f.message()).contains(PCX).contains("172.31.5.10");
    assertThat(f.remediation().orElseThrow()).contains("--accept-unverified target.unmodeled=features");
    assertThat(Acceptance.parse("target.unmodeled=features").accepts(f)).isTrue();
    assertThat(Acceptance.parse("target.unmodeled=" + PCX).accepts(f)).isTrue();
  }

  @Test
  void aTransitGatewayAndAnApplianceAreUnverified() {
    Finding tgw = evaluate(rule, job("10.99.0.5:443"), via("10.99.0.0/16", "tgw-0123456789abcdef0")).get(0);
    assertThat(tgw.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(tgw.resources()).contains("tgw-0123456789abcdef0", "10.99.0.5");
    Finding appliance = evaluate(rule, job("10.20.3.15:443"), via("10.20.3.0/24", "eni-0aa00000000000001")).get(0);
    assertThat(appliance.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(appliance.resources()).contains("eni-0aa00000000000001");
  }

  @Test
  void aBrokenRouteIsNotUnmodeled() {
    Finding f = single(rule, job("10.99.0.5:443"), database());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
  }
}
