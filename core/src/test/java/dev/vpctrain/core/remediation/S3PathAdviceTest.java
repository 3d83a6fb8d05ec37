package dev.vpctrain.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.NatSubnetAcls;
import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.rules.RuleEngine;
import org.junit.jupiter.api.Test;

/** The planner turns the findings of the S3-interface-endpoint and NAT-subnet-ACL rules into advice. */
class S3PathAdviceTest {
  private static final TrainingJobSpec JOB = TestJobs.job("subnet-a", "subnet-b").build();

  private static RemediationPlan plan(NetworkSnapshot net) {
    return RemediationPlanner.plan(JOB, net, RuleEngine.standard().evaluate(JOB, net));
  }

  private static TestNetworks.Builder interfaceEndpointOnly(boolean privateDns, Permission... endpointIngress) {
    return TestNetworks.privateVpc()
        .subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 240)
        .subnet("subnet-b", "us-east-1b", "10.20.2.0/24", 240)
        .routeTable("rtb-private", rt -> rt.associate("subnet-a", "subnet-b"))
        .securityGroup(TestNetworks.selfReferencingGroup("sg-training"))
        .securityGroup(SecurityGroup.builder().groupId("sg-endpoints").vpcId(TestNetworks.VPC).addIngress(endpointIngress).build())
        .interfaceEndpoint("vpce-0s3interface00001", "s3", privateDns, "subnet-a", "subnet-b")
        .changeEndpoint("vpce-0s3interface00001", e -> e.withGroupIds("sg-endpoints"));
  }

  private static void hasAdvice(RemediationPlan plan, String rule, String text) {
    assertThat(plan.allSteps()).filteredOn(s -> s.fixes().contains(rule)).singleElement().satisfies(s -> {
      assertThat(s.isAdvice()).isTrue();
      assertThat(((Change.Advice) s.change()).text()).contains(text);
      assertThat(s.why()).isNotBlank();
    });
  }

  @Test
  void privateDnsOffGetsAdvice() {
    Permission https = Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443).addGroupId("sg-training").build();
    hasAdvice(plan(interfaceEndpointOnly(false, https).build()), "s3.interface-endpoint.dns", "--private-dns-enabled");
  }

  @Test
  void closedEndpointGroupsGetAdvice() {
    hasAdvice(plan(interfaceEndpointOnly(true).build()), "s3.interface-endpoint.security-group",
        "authorize-security-group-ingress --group-id sg-endpoints");
  }

  @Test
  void aBlockingNatSubnetAclGetsAdviceAndTheS3RouteAGatewayEndpoint() {
    RemediationPlan plan = plan(NatSubnetAcls.natOnly().networkAcl(NatSubnetAcls.hardened(NatSubnetAcls.Gap.INBOUND_FROM_JOB)).build());
    hasAdvice(plan, "egress.nat.nacl-blocked", "create-network-acl-entry --network-acl-id " + NatSubnetAcls.ACL_PUBLIC);
    assertThat(plan.allSteps()).anySatisfy(s -> assertThat(s.fixes()).contains("s3.route.missing"));
  }
}
