package dev.vpctrain.testkit.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.testkit.Scenarios;
import org.junit.jupiter.api.Test;

class NetworkBuilderTest {
  @Test
  void newResourcesGetTheDefaultsEc2GivesThem() {
    NetworkSnapshot n = NetworkBuilder.create()
        .vpc("vpc-1", v -> v.cidr("10.9.0.0/16"))
        .subnet("subnet-a")
        .subnet("subnet-b")
        .securityGroup("sg-1")
        .build();

    assertThat(n.subnet("subnet-a").orElseThrow().cidrBlock()).contains("10.9.1.0/24");
    assertThat(n.subnet("subnet-b").orElseThrow().availabilityZone()).contains("us-east-1b");
    assertThat(n.subnet("subnet-a").orElseThrow().availableIpAddressCount()).contains(251);
    assertThat(n.routeTables().orElseThrow()).singleElement().satisfies(t -> {
      assertThat(t.isMain()).isTrue();
      assertThat(t.routes()).singleElement().satisfies(r -> assertThat(r.gatewayId()).contains("local"));
    });
    assertThat(n.networkAcls().orElseThrow()).singleElement().satisfies(a -> {
      assertThat(a.isDefault()).isTrue();
      assertThat(a.subnetIds()).containsExactly("subnet-a", "subnet-b");
      assertThat(a.entries()).hasSize(4);
    });
    assertThat(n.securityGroup("sg-1").orElseThrow().egress()).singleElement()
        .satisfies(p -> assertThat(p.ipRanges()).containsExactly("0.0.0.0/0"));
    assertThat(n.s3PrefixList()).hasValueSatisfying(p -> assertThat(p.prefixListId()).isEqualTo("pl-63a5400a"));
    assertThat(n.vpc("vpc-1").orElseThrow().dhcpOptionsId()).hasValueSatisfying(id ->
        assertThat(n.dhcpOptionSet(id).orElseThrow().configurations()).containsKeys("domain-name", "domain-name-servers"));
  }

  // tag::builder[]
  @Test
  void aGatewayEndpointRoutesItsTablesAndRemovingItTakesTheRoutesAlong() {
    NetworkBuilder b = NetworkBuilder.from(Scenarios.readyPrivateEndpoints().network());
    NetworkSnapshot withNat = b.subnet("subnet-nat", s -> s.cidr("10.20.250.0/24"))
        .natGateway("nat-0123456789abcdef0", g -> g.subnet("subnet-nat"))
        .routeTable(Scenarios.PRIVATE_ROUTE_TABLE, r -> r.route("0.0.0.0/0", "nat-0123456789abcdef0"))
        .remove(Scenarios.S3_ENDPOINT, "nat-0123456789abcdef0")
        .build();

    assertThat(withNat.routeTable(Scenarios.PRIVATE_ROUTE_TABLE).orElseThrow().routes())
        .noneMatch(r -> r.destinationPrefixListId().isPresent())
        .anySatisfy(r -> {
          assertThat(r.natGatewayId()).contains("nat-0123456789abcdef0");
          assertThat(r.isActive()).isFalse();
        });
    assertThat(withNat.vpcEndpoints().orElseThrow()).isEmpty();
  }
  // end::builder[]

  @Test
  void aSnapshotBuildsBackExactly() {
    for (var s : Scenarios.all()) {
      assertThat(NetworkBuilder.from(s.network()).build()).isEqualTo(s.network());
    }
  }

  @Test
  void theResourcesInsideTheVpcBuildBackUnchanged() {
    NetworkSnapshot base = Scenarios.readyPrivateEndpoints().network();
    NetworkSnapshot s = base.toBuilder()
        .networkInterfaces(java.util.List.of(dev.vpctrain.core.network.NetworkInterface.builder()
            .networkInterfaceId("eni-0a1b2c3d4e5f60501").subnetId("subnet-0a1b2c3d4e5f60101")
            .vpcId("vpc-0a1b2c3d4e5f60001").privateIpAddresses(java.util.List.of("10.20.1.20")).build()))
        .putCaptureFilter("ec2:DescribeNetworkInterfaces", java.util.List.of(
            dev.vpctrain.core.network.CaptureFilter.of("vpc-id", java.util.List.of("vpc-0a1b2c3d4e5f60001"))))
        .fsxFileSystems(java.util.List.of(dev.vpctrain.core.network.FsxFileSystem.builder()
            .fileSystemId("fs-0a1b2c3d4e5f60801").fileSystemType("LUSTRE").build()))
        .build();
    assertThat(NetworkBuilder.from(s).build()).isEqualTo(s);
    assertThat(NetworkBuilder.from(base).build().has(Section.NETWORK_INTERFACES)).isFalse();
  }

  @Test
  void forgottenSectionsAreUnknownNotEmpty() {
    NetworkSnapshot n = NetworkBuilder.from(Scenarios.readyPrivateEndpoints().network())
        .forget(Section.NETWORK_ACLS)
        .build();

    assertThat(n.has(Section.NETWORK_ACLS)).isFalse();
    assertThat(n.has(Section.SUBNETS)).isTrue();
  }

  @Test
  void referencesToResourcesTheNetworkLacksAreErrorsNamingBoth() {
    assertThatThrownBy(() -> NetworkBuilder.create().vpc("vpc-1")
        .routeTable("rtb-1", r -> r.associate("subnet-nope")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rtb-1").hasMessageContaining("subnet-nope");
    assertThatThrownBy(() -> NetworkBuilder.create().vpc("vpc-1").vpc("vpc-2").subnet("subnet-a").build())
        .hasMessageContaining("subnet subnet-a needs its VPC");
    assertThatThrownBy(() -> NetworkBuilder.create().vpc("vpc-1").s3GatewayEndpoint("vpce-1", e -> e.routeTables("rtb-x"))
        .build())
        .hasMessageContaining("vpce-1").hasMessageContaining("rtb-x");
    assertThatThrownBy(() -> NetworkBuilder.create().remove("igw-ghost")).hasMessageContaining("igw-ghost");
  }

  @Test
  void routeTargetsAreRecognizedByPrefix() {
    Route viaTgw = RouteTableDraft.route("10.0.0.0/8", "tgw-0123456789abcdef0", "active");
    Route viaPl = RouteTableDraft.route("pl-63a5400a", "vpce-1", "active");

    assertThat(viaTgw.transitGatewayId()).contains("tgw-0123456789abcdef0");
    assertThat(viaPl.destinationPrefixListId()).contains("pl-63a5400a");
    assertThatThrownBy(() -> RouteTableDraft.route("everywhere", "igw-1", "active"))
        .hasMessageContaining("everywhere");
  }
}
