package dev.vpctrain.core.internal.reach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.Section;
import org.junit.jupiter.api.Test;

class NatHealthCheckTest {
  private static TestNetworks.Builder withNat(String state) {
    return TestNetworks.privateVpc()
        .publicSubnet("subnet-public", "us-east-1a", "10.20.100.0/24", "rtb-public")
        .natGateway("nat-a", "subnet-public", state, "203.0.113.10");
  }

  @Test
  void healthyWhenAvailablePublicAndItsSubnetRoutesToAnAttachedIgw() {
    NatHealth h = NatHealthCheck.of(withNat("available").build()).evaluate("nat-a");
    assertThat(h.status()).isEqualTo(NatHealth.Status.HEALTHY);
    assertThat(h.internetGatewayId()).contains(TestNetworks.IGW);
    assertThat(h.publicIps()).containsExactly("203.0.113.10");
    assertThat(h.describe()).contains("subnet-public").contains(TestNetworks.IGW);
  }

  @Test
  void unhealthyWhenNotAvailable() {
    NatHealth h = NatHealthCheck.of(withNat("failed").build()).evaluate("nat-a");
    assertThat(h.status()).isEqualTo(NatHealth.Status.UNHEALTHY);
    assertThat(h.problems()).containsExactly("its state is failed, not available");
  }

  @Test
  void unhealthyWhenPrivate() {
    var net = withNat("available").natGateway(dev.vpctrain.core.network.NatGateway.builder().natGatewayId("nat-a")
        .vpcId(TestNetworks.VPC).subnetId("subnet-public").state("available").connectivityType("private").build()).build();
    NatHealth h = NatHealthCheck.of(net).evaluate("nat-a");
    assertThat(h.status()).isEqualTo(NatHealth.Status.UNHEALTHY);
    assertThat(h.problems().get(0)).contains("private");
  }

  @Test
  void unhealthyWhenItsSubnetHasNoIgwRoute() {
    var net = TestNetworks.privateVpc()
        .subnet("subnet-private", "us-east-1a", "10.20.100.0/24", 10)
        .natGateway("nat-a", "subnet-private", "available", "203.0.113.10").build();
    NatHealth h = NatHealthCheck.of(net).evaluate("nat-a");
    assertThat(h.status()).isEqualTo(NatHealth.Status.UNHEALTHY);
    assertThat(h.problems().get(0)).contains(TestNetworks.MAIN_RTB).contains("no 0.0.0.0/0 route");
  }

  @Test
  void unhealthyWhenItsSubnetRoutesToAnotherNat() {
    var net = TestNetworks.privateVpc()
        .subnet("subnet-private", "us-east-1a", "10.20.100.0/24", 10)
        .routeTable("rtb-p", rt -> rt.associate("subnet-private").route("0.0.0.0/0", "nat-b"))
        .natGateway("nat-a", "subnet-private", "available", "203.0.113.10").build();
    assertThat(NatHealthCheck.of(net).evaluate("nat-a").problems().get(0)).contains("sends 0.0.0.0/0 to nat-b, not to an internet gateway");
  }

  @Test
  void unhealthyWhenTheIgwIsDetachedOrGone() {
    var detached = withNat("available").internetGateway(InternetGateway.builder().internetGatewayId(TestNetworks.IGW).build()).build();
    assertThat(NatHealthCheck.of(detached).evaluate("nat-a").problems()).containsExactly(
        "internet gateway " + TestNetworks.IGW + " is not attached to " + TestNetworks.VPC);
    var gone = withNat("available").removeInternetGateway(TestNetworks.IGW).build();
    assertThat(NatHealthCheck.of(gone).evaluate("nat-a").status()).isEqualTo(NatHealth.Status.UNHEALTHY);
  }

  @Test
  void unhealthyWhenItsIgwRouteIsABlackhole() {
    var net = TestNetworks.privateVpc()
        .subnet("subnet-public", "us-east-1a", "10.20.100.0/24", 10)
        .routeTable("rtb-public", rt -> rt.associate("subnet-public").blackhole("0.0.0.0/0", "igw-old"))
        .natGateway("nat-a", "subnet-public", "available", "203.0.113.10").build();
    assertThat(NatHealthCheck.of(net).evaluate("nat-a").problems().get(0)).contains("blackhole");
  }

  @Test
  void unhealthyWhenMissing() {
    NatHealth h = NatHealthCheck.of(withNat("available").build()).evaluate("nat-zz");
    assertThat(h.status()).isEqualTo(NatHealth.Status.UNHEALTHY);
    assertThat(h.natGateway()).isEmpty();
  }

  @Test
  void unknownWhenSectionsAreMissing() {
    assertThat(NatHealthCheck.of(withNat("available").without(Section.NAT_GATEWAYS).build()).evaluate("nat-a").status())
        .isEqualTo(NatHealth.Status.UNKNOWN);
    NatHealth noIgws = NatHealthCheck.of(withNat("available").failed(Section.INTERNET_GATEWAYS, "UnauthorizedOperation").build()).evaluate("nat-a");
    assertThat(noIgws.status()).isEqualTo(NatHealth.Status.UNKNOWN);
    assertThat(noIgws.unknowns().get(0)).contains("ec2:DescribeInternetGateways failed");
    NatHealth noTables = NatHealthCheck.of(withNat("available").without(Section.ROUTE_TABLES).build()).evaluate("nat-a");
    assertThat(noTables.status()).isEqualTo(NatHealth.Status.UNKNOWN);
  }

  @Test
  void aProblemOutweighsAnUnknown() {
    NatHealth h = NatHealthCheck.of(withNat("deleted").without(Section.INTERNET_GATEWAYS).build()).evaluate("nat-a");
    assertThat(h.status()).isEqualTo(NatHealth.Status.UNHEALTHY);
  }
}
