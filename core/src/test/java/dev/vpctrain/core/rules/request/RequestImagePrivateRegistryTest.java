package dev.vpctrain.core.rules.request;

import static dev.vpctrain.core.fixtures.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.RepositoryAccessMode;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import org.junit.jupiter.api.Test;

class RequestImagePrivateRegistryTest {
  private final RequestImagePrivateRegistry rule = new RequestImagePrivateRegistry();

  private static TrainingJobSpec vpcMode(String image, String... subnets) {
    return TestJobs.job(subnets).trainingImage(image).repositoryAccessMode(RepositoryAccessMode.VPC).build();
  }

  @Test
  void parsesRegistryHosts() {
    assertThat(RegistryHost.of("pytorch/pytorch:2.5").host()).isEqualTo("registry-1.docker.io");
    assertThat(RegistryHost.of("ubuntu").host()).isEqualTo("registry-1.docker.io");
    RegistryHost h = RegistryHost.of("registry.example.com:5000/team/img:1");
    assertThat(h.host()).isEqualTo("registry.example.com");
    assertThat(h.port()).isEqualTo(5000);
    assertThat(RegistryHost.of(TestJobs.ECR_IMAGE).isEcr()).isTrue();
    assertThat(RegistryHost.of(TestJobs.ECR_IMAGE).ecrRegion()).contains("us-east-1");
    assertThat(RegistryHost.of("10.20.5.5:5000/img").isAddress()).isTrue();
    assertThat(RegistryHost.of("registry.corp.internal/img").isPrivateName()).isTrue();
    assertThat(RegistryHost.of("localhost:5000/img").isPrivateName()).isTrue();
    assertThat(RegistryHost.of("ghcr.io/org/img").isPrivateName()).isFalse();
  }

  @Test
  void ecrImageInPlatformModePasses() {
    assertThat(single(rule, TestJobs.job("subnet-a").build(), TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void nonEcrImageWithoutVpcModeFails() {
    Finding f = single(rule, TestJobs.job("subnet-a").trainingImage("pytorch/pytorch:2.5").build(), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("not in Amazon ECR (registry registry-1.docker.io)");
    assertThat(f.remediation().get()).contains("aws ecr create-repository");
  }

  @Test
  void vpcModeWithANatPathPasses() {
    assertThat(single(rule, vpcMode("ghcr.io/org/img:1", "subnet-a"), TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void vpcModeWithoutAnInternetPathFails() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .securityGroup(TestNetworks.selfReferencingGroup("sg-training")).s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB);
    Finding f = single(rule, vpcMode("ghcr.io/org/img:1", "subnet-a"), net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).containsExactly("subnet-a", TestNetworks.MAIN_RTB);
    assertThat(f.message()).contains("subnet-a (us-east-1a) has no route to registry ghcr.io");
    assertThat(f.remediation().get()).contains("aws ec2 create-route --route-table-id " + TestNetworks.MAIN_RTB);
  }

  @Test
  void vpcModeFromAPublicSubnetFails() {
    Finding f = single(rule, vpcMode("ghcr.io/org/img:1", "subnet-public"), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("no public IP");
  }

  @Test
  void vpcModeRegistryAddressInsideTheVpcPasses() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .securityGroup(TestNetworks.selfReferencingGroup("sg-training"));
    assertThat(single(rule, vpcMode("10.20.9.9:5000/img:1", "subnet-a"), net.build()).outcome()).isEqualTo(Outcome.PASS);
    assertThat(single(rule, vpcMode("172.31.9.9:5000/img:1", "subnet-a"), net.build()).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void vpcModeRegistryBehindATransitGatewayIsUnverified() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .securityGroup(TestNetworks.selfReferencingGroup("sg-training"))
        .mainRouteTable(rt -> rt.route("172.16.0.0/12", "tgw-1"));
    assertThat(single(rule, vpcMode("172.31.9.9:5000/img:1", "subnet-a"), net.build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void vpcModePrivateNameIsUnverified() {
    Finding f = single(rule, vpcMode("registry.corp.internal/img:1", "subnet-a"), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("private name");
  }

  @Test
  void vpcModeEcrThroughInterfaceEndpoint() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .securityGroup(TestNetworks.selfReferencingGroup("sg-training"))
        .interfaceEndpoint("vpce-ecr", "ecr.dkr", true, "subnet-a");
    assertThat(single(rule, vpcMode(TestJobs.ECR_IMAGE, "subnet-a"), net.build()).outcome()).isEqualTo(Outcome.PASS);
    var noEndpoints = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .securityGroup(TestNetworks.selfReferencingGroup("sg-training")).without(Section.VPC_ENDPOINTS);
    assertThat(single(rule, vpcMode(TestJobs.ECR_IMAGE, "subnet-a"), noEndpoints.build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void vpcModeNeedsSecurityGroupEgressToTheRegistryPort() {
    var onlyHttps = TestNetworks.ready().securityGroup(dev.vpctrain.core.network.SecurityGroup.builder().groupId("sg-training")
        .vpcId(TestNetworks.VPC).addEgress(dev.vpctrain.core.network.Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
            .addIpRange("0.0.0.0/0").build()).build());
    assertThat(single(rule, vpcMode("ghcr.io/org/img:1", "subnet-a"), onlyHttps.build()).outcome()).isEqualTo(Outcome.PASS);
    Finding f = single(rule, vpcMode("registry.example.com:5000/img:1", "subnet-a"), onlyHttps.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).containsExactly("sg-training");
    assertThat(f.message()).contains("outbound TCP 5000 to registry registry.example.com:5000");
    assertThat(f.remediation().get()).contains("FromPort=5000,ToPort=5000");
    assertThat(single(rule, vpcMode("ghcr.io/org/img:1", "subnet-a"), TestNetworks.ready().without(Section.SECURITY_GROUPS).build())
        .outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void vpcModeWithoutVpcConfigFails() {
    TrainingJobSpec job = TestJobs.jobWithoutVpc().trainingImage("ghcr.io/org/img").repositoryAccessMode(RepositoryAccessMode.VPC).build();
    assertThat(single(rule, job, TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.FAIL);
  }

  @Test
  void unknownRouteTablesAreUnverified() {
    assertThat(single(rule, vpcMode("ghcr.io/org/img", "subnet-a"), TestNetworks.ready().without(Section.ROUTE_TABLES).build()).outcome())
        .isEqualTo(Outcome.UNVERIFIED);
  }
}
