package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.SecurityGroup;

/** Networks whose only S3 path is an S3 interface endpoint, for the {@code s3.interface-endpoint.*} tests. */
final class S3InterfaceEndpointFixtures {
  static final String ENDPOINT = "vpce-0s3interface00001";
  static final String ENDPOINT_SG = "sg-endpoints";
  static final TrainingJobSpec JOB = TestJobs.job("subnet-a", "subnet-b").build();

  private S3InterfaceEndpointFixtures() {}

  /**
   * subnet-a and subnet-b on rtb-private (local route only), an S3 interface endpoint with private
   * DNS in both, guarded by {@link #ENDPOINT_SG} admitting TCP 443 from sg-training, which allows
   * all egress. Everything works.
   */
  static TestNetworks.Builder working() {
    return TestNetworks.privateVpc()
        .subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 240)
        .subnet("subnet-b", "us-east-1b", "10.20.2.0/24", 240)
        .routeTable("rtb-private", rt -> rt.associate("subnet-a", "subnet-b"))
        .securityGroup(TestNetworks.selfReferencingGroup("sg-training"))
        .securityGroup(endpointGroup(Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443).addGroupId("sg-training").build()))
        .interfaceEndpoint(ENDPOINT, "s3", true, "subnet-a", "subnet-b")
        .changeEndpoint(ENDPOINT, e -> e.withGroupIds(ENDPOINT_SG))
        .bucket("acme-ml-data", TestNetworks.REGION).bucket("acme-ml-artifacts", TestNetworks.REGION);
  }

  static SecurityGroup endpointGroup(Permission... ingress) {
    return SecurityGroup.builder().groupId(ENDPOINT_SG).vpcId(TestNetworks.VPC).addIngress(ingress).build();
  }

  /** The same network plus a working NAT gateway on the default route. */
  static TestNetworks.Builder workingWithNat() {
    return working()
        .publicSubnet("subnet-public", "us-east-1a", "10.20.100.0/24", "rtb-public")
        .natGateway("nat-a", "subnet-public", "available", "203.0.113.10")
        .routeTable("rtb-private", rt -> rt.route("0.0.0.0/0", "nat-a"));
  }
}
