package dev.vpctrain.core.internal.rules.target;

import static dev.vpctrain.core.fixtures.SgFixtures.all;
import static dev.vpctrain.core.fixtures.SgFixtures.sg;
import static dev.vpctrain.core.fixtures.SgFixtures.tcp;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.VpcTarget;
import dev.vpctrain.core.network.CaptureFilter;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.SecurityGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Worlds with a database: the ready network ({@code subnet-a}, {@code subnet-b}, NAT default route)
 * plus {@code subnet-db} (10.20.3.0/24, us-east-1a, main route table) holding {@code eni-0db00001}
 * at 10.20.3.15 with group {@code sg-0db00001}, which admits TCP 5432 from {@code sg-training}.
 * The network interfaces are captured with the filter {@code vpc-id} of the VPC (complete).
 */
final class TargetFixtures {
  static final String DB_SG = "sg-0db00001";
  static final String DB_ENI = "eni-0db00001";
  static final String DB_ADDRESS = "10.20.3.15";
  static final String DB_SUBNET = "subnet-db";
  static final String PCX = "pcx-0123456789abcdef0";

  private TargetFixtures() {}

  static SecurityGroup dbGroup(String... admitted) {
    List<dev.vpctrain.core.network.Permission> in = new ArrayList<>();
    for (String a : admitted) {
      in.add(tcp(5432, 5432, a));
    }
    return sg(DB_SG, in, List.of(all("0.0.0.0/0")));
  }

  static NetworkInterface eni(String id, String subnet, String address, String... groups) {
    return NetworkInterface.builder().networkInterfaceId(id).subnetId(subnet).vpcId(TestNetworks.VPC)
        .ownerId(TestNetworks.ACCOUNT).addPrivateIpAddresses(address).addGroupIds(groups).interfaceType("interface")
        .status("in-use").build();
  }

  /** The ready network with the database subnet and group. */
  static TestNetworks.Builder world() {
    return TestNetworks.ready()
        .subnet("subnet-db", "us-east-1a", "10.20.3.0/24", 200)
        .securityGroup(dbGroup("sg-training"));
  }

  /** {@code builder} built, with {@code interfaces} captured by {@code vpc-id} (complete for the VPC). */
  static NetworkSnapshot withInterfaces(TestNetworks.Builder builder, NetworkInterface... interfaces) {
    return builder.build().toBuilder().networkInterfaces(List.of(interfaces))
        .captureFilters(java.util.Map.of("ec2:DescribeNetworkInterfaces", List.of(CaptureFilter.of("vpc-id", List.of(TestNetworks.VPC)))))
        .build();
  }

  /** The database world, complete. */
  static NetworkSnapshot database() {
    return withInterfaces(world(), eni(DB_ENI, DB_SUBNET, DB_ADDRESS, DB_SG));
  }

  /** {@code network} changed by {@code change}. */
  static NetworkSnapshot with(NetworkSnapshot network, UnaryOperator<NetworkSnapshot.Builder> change) {
    return change.apply(network.toBuilder()).build();
  }

  /** A job in subnet-a and subnet-b requiring {@code targets}. */
  static TrainingJobSpec job(String... targets) {
    TrainingJobSpec.Builder b = TestJobs.job("subnet-a", "subnet-b");
    for (String t : targets) {
      b.requiresInVpc(VpcTarget.parse(t));
    }
    return b.build();
  }
}
