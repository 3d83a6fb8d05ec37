package dev.vpctrain.core.internal.rules.target;

import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_ADDRESS;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_ENI;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_SG;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.DB_SUBNET;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.database;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.eni;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.job;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.withInterfaces;
import static dev.vpctrain.core.internal.rules.target.TargetFixtures.world;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.internal.reach.Ipv4RangeSet;
import dev.vpctrain.core.internal.rules.target.ResolvedTarget.Status;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class VpcTargetsTest {
  @Test
  void resolutionIsCachedPerEvaluation() {
    RuleContext ctx = RuleContext.of(job(DB_SG + ":5432"), database());
    assertThat(VpcTargets.of(ctx)).isSameAs(VpcTargets.of(ctx));
  }

  @Test
  void aGroupResolvesToEveryInterfaceCarryingItWithSubnetAndGroups() {
    RuleContext ctx = RuleContext.of(job("db=" + DB_SG + ":5432-5433/udp"), withInterfaces(world(),
        eni(DB_ENI, DB_SUBNET, DB_ADDRESS, DB_SG), eni("eni-0db00002", "subnet-b", "10.20.2.40", DB_SG, "sg-0ff00001"),
        eni("eni-0aa00001", DB_SUBNET, "10.20.3.20", "sg-0ff00001")));
    ResolvedTarget t = VpcTargets.of(ctx).get(0);
    assertThat(t.status()).isEqualTo(Status.FOUND);
    assertThat(t.name()).isEqualTo("db");
    assertThat(t.traffic().toString()).isEqualTo("UDP 5432-5433");
    assertThat(t.endpoints()).extracting(e -> e.networkInterface().orElseThrow().networkInterfaceId())
        .containsExactly(DB_ENI, "eni-0db00002");
    assertThat(t.endpoints().get(1).subnet()).contains("subnet-b");
    assertThat(t.endpoints().get(1).groups()).contains(List.of(DB_SG, "sg-0ff00001"));
  }

  @Test
  void anAddressInsideAPrefixResolvesToTheInterfaceHoldingThePrefix() {
    NetworkInterface withPrefix = NetworkInterface.builder().networkInterfaceId("eni-0aa00001").subnetId(DB_SUBNET)
        .vpcId(dev.vpctrain.core.fixtures.TestNetworks.VPC).addPrivateIpAddresses("10.20.3.30")
        .addIpv4Prefixes(Cidr.parseIpv4("10.20.3.64/28")).addGroupIds(DB_SG).build();
    ResolvedTarget t = VpcTargets.of(RuleContext.of(job("10.20.3.70:443"), withInterfaces(world(), withPrefix))).get(0);
    assertThat(t.status()).isEqualTo(Status.FOUND);
    assertThat(t.endpoints()).singleElement().satisfies(e -> {
      assertThat(e.addressText()).isEqualTo("10.20.3.70");
      assertThat(e.describe()).isEqualTo("eni-0aa00001 (10.20.3.70)");
    });
  }

  @Test
  void aBlockIsCutWhereRoutesAndSubnetsChange() {
    // 10.20.2.0/23 spans subnet-b (10.20.2.0/24) and subnet-db (10.20.3.0/24); the DB interface lies inside
    ResolvedTarget t = VpcTargets.of(RuleContext.of(job("10.20.2.0/23:5432"), database())).get(0);
    assertThat(t.status()).isEqualTo(Status.BLOCK);
    List<TargetEndpoint> parts = t.endpoints().stream().filter(TargetEndpoint::routed).toList();
    assertThat(parts).extracting(TargetEndpoint::describe)
        .containsExactly("10.20.2.0-10.20.2.255 of 10.20.2.0/23", "10.20.3.0-10.20.3.255 of 10.20.2.0/23");
    assertThat(parts).extracting(e -> e.subnet().orElseThrow()).containsExactly("subnet-b", DB_SUBNET);
    assertThat(parts).allMatch(e -> e.cidr().equals("10.20.2.0/23"));
    assertThat(t.endpoints().stream().filter(e -> !e.routed())).singleElement()
        .satisfies(e -> assertThat(e.networkInterface().orElseThrow().networkInterfaceId()).isEqualTo(DB_ENI));
    ResolvedTarget whole = VpcTargets.of(RuleContext.of(job("10.20.3.0/24:5432"), database())).get(0);
    assertThat(whole.endpoints().stream().filter(TargetEndpoint::routed)).singleElement()
        .satisfies(e -> assertThat(e.describe()).isEqualTo("10.20.3.0/24"));
  }

  @Test
  void rangesSplitIntoAlignedBlocks() {
    Ipv4RangeSet r = VpcTargets.range(Ipv4RangeSet.first(Cidr.parseIpv4("10.0.0.1/32")),
        Ipv4RangeSet.last(Cidr.parseIpv4("10.0.0.6/32")));
    assertThat(r).isEqualTo(Ipv4RangeSet.parse(List.of("10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32")));
    assertThat(VpcTargets.range(0, 0xFFFFFFFFL)).isEqualTo(Ipv4RangeSet.ALL);
  }

  @Test
  void blockInterfacesAreKnownOnlyInsideTheVpcWithACompleteList() {
    RuleContext ctx = RuleContext.of(job(), database());
    assertThat(VpcTargets.interfacesKnown(ctx, Cidr.parseIpv4("10.20.3.0/24"))).isTrue();
    assertThat(VpcTargets.interfacesKnown(ctx, Cidr.parseIpv4("10.0.0.0/8"))).isFalse();
    assertThat(VpcTargets.interfacesKnown(RuleContext.of(job(), world().build()), Cidr.parseIpv4("10.20.3.0/24"))).isFalse();
  }
}
