package dev.vpctrain.core.internal.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.Section;
import org.junit.jupiter.api.Test;

class RouteTableIndexTest {
  @Test
  void explicitAssociationWins() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .routeTable("rtb-a", rt -> rt.associate("subnet-a")).build();
    EffectiveRouteTable e = RouteTableIndex.of(net).forSubnet("subnet-a");
    assertThat(e.source()).isEqualTo(EffectiveRouteTable.Source.EXPLICIT);
    assertThat(e.routeTableId()).isEqualTo("rtb-a");
    assertThat(e.describe()).isEqualTo("route table rtb-a");
  }

  @Test
  void withoutAnAssociationTheMainTableApplies() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10).build();
    EffectiveRouteTable e = RouteTableIndex.of(net).forSubnet("subnet-a");
    assertThat(e.source()).isEqualTo(EffectiveRouteTable.Source.MAIN);
    assertThat(e.routeTableId()).isEqualTo(TestNetworks.MAIN_RTB);
    assertThat(e.describe()).contains("main table");
    assertThat(RouteTableIndex.of(net).mainTable(TestNetworks.VPC).get().routeTableId()).isEqualTo(TestNetworks.MAIN_RTB);
  }

  @Test
  void unknownWhenRouteTablesWereNotCaptured() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .failed(Section.ROUTE_TABLES, "UnauthorizedOperation").build();
    EffectiveRouteTable e = RouteTableIndex.of(net).forSubnet("subnet-a");
    assertThat(e.isKnown()).isFalse();
    assertThat(e.unknownReason().get()).contains("ec2:DescribeRouteTables failed during capture with UnauthorizedOperation");
  }

  @Test
  void unknownWhenNoMainTableAndNoAssociation() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .removeRouteTable(TestNetworks.MAIN_RTB).build();
    EffectiveRouteTable e = RouteTableIndex.of(net).forSubnet("subnet-a");
    assertThat(e.isKnown()).isFalse();
    assertThat(e.unknownReason().get()).contains("main route table of " + TestNetworks.VPC);
  }

  @Test
  void unknownWhenTheSubnetIsMissingOrSubnetsUnknown() {
    var net = TestNetworks.privateVpc().build();
    assertThat(RouteTableIndex.of(net).forSubnet("subnet-zz").unknownReason().get()).contains("not in the snapshot");
    var noSubnets = TestNetworks.privateVpc().without(Section.SUBNETS).build();
    assertThat(RouteTableIndex.of(noSubnets).forSubnet("subnet-zz").unknownReason().get())
        .contains("ec2:DescribeSubnets was not captured");
  }

  @Test
  void anExplicitAssociationIsFoundEvenWithoutSubnets() {
    var net = TestNetworks.privateVpc().routeTable("rtb-a", rt -> rt.associate("subnet-a")).without(Section.SUBNETS).build();
    assertThat(RouteTableIndex.of(net).forSubnet("subnet-a").routeTableId()).isEqualTo("rtb-a");
  }
}
