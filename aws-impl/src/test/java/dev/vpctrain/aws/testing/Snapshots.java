package dev.vpctrain.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.network.NetworkSnapshot;

/** Snapshot assertions that name the differing section before comparing the whole. */
public final class Snapshots {
  private Snapshots() {}

  public static void assertSameSnapshot(NetworkSnapshot actual, NetworkSnapshot expected) {
    assertThat(actual.errors()).as("errors").isEqualTo(expected.errors());
    assertThat(actual.vpcs()).as("vpcs").isEqualTo(expected.vpcs());
    assertThat(actual.dhcpOptions()).as("dhcpOptions").isEqualTo(expected.dhcpOptions());
    assertThat(actual.subnets()).as("subnets").isEqualTo(expected.subnets());
    assertThat(actual.securityGroups()).as("securityGroups").isEqualTo(expected.securityGroups());
    assertThat(actual.routeTables()).as("routeTables").isEqualTo(expected.routeTables());
    assertThat(actual.vpcEndpoints()).as("vpcEndpoints").isEqualTo(expected.vpcEndpoints());
    assertThat(actual.natGateways()).as("natGateways").isEqualTo(expected.natGateways());
    assertThat(actual.internetGateways()).as("internetGateways").isEqualTo(expected.internetGateways());
    assertThat(actual.networkAcls()).as("networkAcls").isEqualTo(expected.networkAcls());
    assertThat(actual.prefixLists()).as("prefixLists").isEqualTo(expected.prefixLists());
    assertThat(actual.buckets()).as("buckets").isEqualTo(expected.buckets());
    assertThat(actual).isEqualTo(expected);
  }
}
