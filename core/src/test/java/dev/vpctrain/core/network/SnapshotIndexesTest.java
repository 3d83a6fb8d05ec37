package dev.vpctrain.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's lookups that are indexed once per snapshot: interfaces by address, group and
 * range, subnets by address and range, and which route table and network ACL govern a subnet.
 * Each answers exactly what a scan of the lists would, in capture order.
 */
class SnapshotIndexesTest {
  private static NetworkInterface eni(String id, String subnet, List<String> addresses, String... groups) {
    return NetworkInterface.builder().networkInterfaceId(id).subnetId(subnet).vpcId("vpc-1")
        .privateIpAddresses(addresses).groupIds(List.of(groups)).build();
  }

  private static Subnet subnet(String id, String cidr) {
    return Subnet.builder().subnetId(id).vpcId("vpc-1").cidrBlock(cidr).build();
  }

  private static NetworkSnapshot interfaces() {
    return NetworkSnapshot.builder().region("us-east-1")
        .networkInterfaces(List.of(
            eni("eni-c", "subnet-1", List.of("10.0.1.30", "10.0.1.31"), "sg-db", "sg-app"),
            NetworkInterface.builder().from(eni("eni-a", "subnet-1", List.of("10.0.1.5"), "sg-app"))
                .addIpv4Prefixes(Cidr.parse("10.0.1.64/28")).build(),
            eni("eni-b", "subnet-2", List.of("10.0.2.7"), "sg-db"),
            eni("eni-d", "subnet-2", List.of("10.0.1.30"))))
        .build();
  }

  @Test
  void interfacesHoldingAnAddressComeInCaptureOrderWithThoseWhosePrefixHoldsIt() {
    NetworkSnapshot n = interfaces();
    assertThat(n.networkInterfacesHolding("10.0.1.30")).extracting(NetworkInterface::networkInterfaceId)
        .containsExactly("eni-c", "eni-d");
    assertThat(n.networkInterfacesHolding("10.0.1.70")).extracting(NetworkInterface::networkInterfaceId)
        .containsExactly("eni-a");
    assertThat(n.networkInterfacesHolding("10.0.1.31")).extracting(NetworkInterface::networkInterfaceId)
        .containsExactly("eni-c");
    assertThat(n.networkInterfacesHolding("10.0.9.9")).isEmpty();
    assertThat(n.networkInterfacesHolding("not an address")).isEmpty();
  }

  @Test
  void withoutPrefixesTheAddressIndexAloneAnswers() {
    NetworkSnapshot n = NetworkSnapshot.builder().region("us-east-1")
        .networkInterfaces(List.of(eni("eni-1", "subnet-1", List.of("10.0.0.1")),
            eni("eni-2", "subnet-1", List.of("10.0.0.1", "10.0.0.1")))).build();
    assertThat(n.networkInterfacesHolding("10.0.0.1")).extracting(NetworkInterface::networkInterfaceId)
        .containsExactly("eni-1", "eni-2");
  }

  @Test
  void interfacesCarryingAGroupComeInCaptureOrder() {
    NetworkSnapshot n = interfaces();
    assertThat(n.networkInterfacesCarrying("sg-db")).extracting(NetworkInterface::networkInterfaceId)
        .containsExactly("eni-c", "eni-b");
    assertThat(n.networkInterfacesCarrying("sg-app")).extracting(NetworkInterface::networkInterfaceId)
        .containsExactly("eni-c", "eni-a");
    assertThat(n.networkInterfacesCarrying("sg-none")).isEmpty();
    assertThat(NetworkSnapshot.builder().region("us-east-1").build().networkInterfacesCarrying("sg-db")).isEmpty();
  }

  @Test
  void interfacesWithinABlockHaveAnAddressOrAPrefixInsideIt() {
    NetworkSnapshot n = interfaces();
    assertThat(n.networkInterfacesWithin(Cidr.parse("10.0.1.0/24"))).extracting(NetworkInterface::networkInterfaceId)
        .containsExactly("eni-c", "eni-a", "eni-d");
    assertThat(n.networkInterfacesWithin(Cidr.parse("10.0.1.72/29"))).extracting(NetworkInterface::networkInterfaceId)
        .containsExactly("eni-a");
    assertThat(n.networkInterfacesWithin(Cidr.parse("10.0.0.0/16"))).hasSize(4);
    assertThat(n.networkInterfacesWithin(Cidr.parse("10.0.2.7/32"))).extracting(NetworkInterface::networkInterfaceId)
        .containsExactly("eni-b");
    assertThat(n.networkInterfacesWithin(Cidr.parse("10.0.3.0/24"))).isEmpty();
    assertThat(n.networkInterfacesWithin(Cidr.parse("2600:1f18::/56"))).isEmpty();
  }

  @Test
  void subnetsByAddressAndByOverlapSkipUnparsableBlocks() {
    NetworkSnapshot n = NetworkSnapshot.builder().region("us-east-1").subnets(List.of(
        subnet("subnet-1", "10.0.1.0/24"), subnet("subnet-2", "10.0.2.0/24"), subnet("subnet-x", "nonsense"),
        Subnet.builder().subnetId("subnet-none").vpcId("vpc-1").build(), subnet("subnet-wide", "10.0.0.0/22"))).build();
    assertThat(n.subnetsHolding(Cidr.parseIpv4Address("10.0.2.9"))).extracting(Subnet::subnetId)
        .containsExactly("subnet-2", "subnet-wide");
    assertThat(n.subnetsHolding(Cidr.parseIpv4Address("10.9.0.1"))).isEmpty();
    assertThat(n.subnetCidrsOverlapping(Cidr.parse("10.0.1.128/25"))).extracting(Cidr::toString)
        .containsExactly("10.0.1.0/24", "10.0.0.0/22");
    assertThat(n.subnetCidrsOverlapping(Cidr.parse("172.16.0.0/12"))).isEmpty();
  }

  @Test
  void routeTablesAreAssociatedExplicitlyOrAsTheVpcsMainTable() {
    RouteTable main = RouteTable.builder().routeTableId("rtb-main").vpcId("vpc-1")
        .addAssociations(RouteTableAssociation.builder().main(true).build()).build();
    RouteTable explicit = RouteTable.builder().routeTableId("rtb-1").vpcId("vpc-1")
        .addAssociations(RouteTableAssociation.builder().subnetId("subnet-1").state("associated").build(),
            RouteTableAssociation.builder().subnetId("subnet-2").state("disassociated").build(),
            RouteTableAssociation.builder().subnetId("subnet-3").state("Associating").build()).build();
    NetworkSnapshot n = NetworkSnapshot.builder().region("us-east-1").routeTables(List.of(main, explicit)).build();
    assertThat(n.explicitRouteTable("subnet-1")).contains(explicit);
    assertThat(n.explicitRouteTable("subnet-2")).isEmpty();
    assertThat(n.explicitRouteTable("subnet-3")).contains(explicit);
    assertThat(n.mainRouteTable("vpc-1")).contains(main);
    assertThat(n.mainRouteTable("vpc-2")).isEmpty();
  }

  @Test
  void networkAclsAreAssociatedExplicitlyOrAreTheVpcsDefault() {
    NetworkAcl dflt = NetworkAcl.builder().networkAclId("acl-default").vpcId("vpc-1").isDefault(true).build();
    NetworkAcl own = NetworkAcl.builder().networkAclId("acl-1").vpcId("vpc-1").isDefault(false)
        .subnetIds(List.of("subnet-1")).build();
    NetworkSnapshot n = NetworkSnapshot.builder().region("us-east-1").networkAcls(List.of(dflt, own)).build();
    assertThat(n.associatedNetworkAcl("subnet-1")).contains(own);
    assertThat(n.associatedNetworkAcl("subnet-2")).isEmpty();
    assertThat(n.defaultNetworkAcl("vpc-1")).contains(dflt);
    assertThat(n.defaultNetworkAcl("vpc-9")).isEmpty();
  }

  @Test
  void parsingATextTwiceGivesTheSameAnswer() {
    for (int i = 0; i < 2; i++) {
      assertThat(Cidr.tryParse("10.0.1.7/24")).contains(Cidr.parse("10.0.1.0/24"));
      assertThat(Cidr.tryParseIpv4("10.0.1.7/24")).contains(Cidr.parse("10.0.1.0/24"));
      assertThat(Cidr.tryParse("10.0.1.7/33")).isEmpty();
      assertThat(Cidr.tryParseIpv4("2600:1f18::/56")).isEmpty();
    }
  }

  @Test
  void aCompiledStructureIsBuiltOncePerSnapshotAndIsNotPartOfItsValue() {
    NetworkSnapshot n = interfaces();
    java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
    Object first = n.compiled("key", s -> {
      builds.incrementAndGet();
      return new Object();
    });
    Object again = n.compiled("key", s -> new Object());
    assertThat(again).isSameAs(first);
    assertThat(builds).hasValue(1);
    // nested use from inside a computation works (no recursive-update failure)
    String nested = n.compiled("outer", s -> s.<String>compiled("inner", t -> "x") + "y");
    assertThat(nested).isEqualTo("xy");
    NetworkSnapshot copy = NetworkSnapshot.builder().from(n).build();
    assertThat(copy).isEqualTo(n).hasSameHashCodeAs(n);
    Object other = copy.compiled("key", s -> new Object());
    assertThat(other).isNotSameAs(first);
    assertThat(n.toString()).doesNotContain("compiledMemo");
  }
}
