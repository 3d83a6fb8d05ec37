package dev.vpctrain.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link NetworkSnapshot#withinVpc}: one VPC's view of a snapshot of several, as a discovery of it alone would be. */
class WithinVpcTest {
  static final String OTHER = "vpc-0f0e0d0c0b0a09080";

  /** The job's VPC has no route to S3; the other VPC (ready, with an S3 gateway endpoint) must not stand in for it. */
  static NetworkSnapshot jobsVpc() {
    return TestNetworks.privateVpc()
        .subnet("subnet-x", "us-east-1a", "10.20.1.0/24", 240)
        .routeTable("rtb-x", rt -> rt.associate("subnet-x"))
        .securityGroup(TestNetworks.selfReferencingGroup("sg-training"))
        .build();
  }

  /** The ready network of the fixtures, moved to VPC {@link #OTHER} with ids of its own. */
  static NetworkSnapshot otherVpc() {
    NetworkSnapshot r = TestNetworks.ready().build();
    UnaryOperator<String> id = s -> s + "-other";
    return NetworkSnapshot.copyOf(r)
        .withVpcs(r.vpcs().orElseThrow().stream().map(v -> v.withVpcId(OTHER)).toList())
        .withSubnets(r.subnets().orElseThrow().stream().map(s -> s.withVpcId(OTHER)).toList())
        .withSecurityGroups(r.securityGroups().orElseThrow().stream()
            .map(g -> g.withVpcId(OTHER).withGroupId(id.apply(g.groupId()))).toList())
        .withRouteTables(r.routeTables().orElseThrow().stream()
            .map(t -> t.withVpcId(OTHER).withRouteTableId(id.apply(t.routeTableId()))).toList())
        .withVpcEndpoints(r.vpcEndpoints().orElseThrow().stream().map(e -> e.withVpcId(OTHER)
            .withRouteTableIds(e.routeTableIds().stream().map(id).toList())).toList())
        .withNetworkAcls(r.networkAcls().orElseThrow().stream()
            .map(a -> a.withVpcId(OTHER).withNetworkAclId(id.apply(a.networkAclId()))).toList());
  }

  static <T> List<T> both(Optional<List<T>> a, Optional<List<T>> b) {
    List<T> all = new ArrayList<>(a.orElse(List.of()));
    all.addAll(b.orElse(List.of()));
    return all;
  }

  @Test
  void aJobSeesOnlyItsOwnVpcAsIfItAloneWereDiscovered() {
    NetworkSnapshot mine = jobsVpc();
    NetworkSnapshot other = otherVpc();
    NetworkSnapshot both = NetworkSnapshot.copyOf(mine)
        .withVpcs(both(mine.vpcs(), other.vpcs()))
        .withSubnets(both(mine.subnets(), other.subnets()))
        .withSecurityGroups(both(mine.securityGroups(), other.securityGroups()))
        .withRouteTables(both(mine.routeTables(), other.routeTables()))
        .withVpcEndpoints(both(mine.vpcEndpoints(), other.vpcEndpoints()))
        .withNatGateways(both(mine.natGateways(), other.natGateways()))
        .withNetworkAcls(both(mine.networkAcls(), other.networkAcls()));
    String vpc = mine.vpcs().orElseThrow().get(0).vpcId();

    NetworkSnapshot view = both.withinVpc(vpc);
    assertThat(view.vpcs().orElseThrow()).extracting(Vpc::vpcId).containsExactly(vpc);
    assertThat(view.subnets().orElseThrow()).allMatch(s -> s.vpcId().equals(vpc));
    assertThat(view.routeTables().orElseThrow()).allMatch(t -> t.vpcId().equals(vpc));
    assertThat(view.vpcEndpoints()).hasValue(mine.vpcEndpoints().orElse(List.of()));
    assertThat(view.prefixLists()).isEqualTo(both.prefixLists());
    assertThat(both.withinVpcs(List.of(vpc, OTHER)).subnets().orElseThrow()).hasSize(both.subnets().get().size());

    RuleEngine engine = RuleEngine.standard();
    PreflightReport alone = engine.evaluate(TestJobs.job("subnet-x").build(), mine);
    PreflightReport seen = engine.evaluate(TestJobs.job("subnet-x").build(), view);
    assertThat(seen.findings()).isEqualTo(alone.findings());
    assertThat(seen.failure("s3.route.missing")).isPresent();
    assertThat(seen.findings()).extracting(Finding::message).noneMatch(m -> m.contains("-other"));
  }
}
