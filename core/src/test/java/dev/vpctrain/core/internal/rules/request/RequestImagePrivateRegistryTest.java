package dev.vpctrain.core.internal.rules.request;

import static dev.vpctrain.core.fixtures.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.RepositoryAccessMode;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
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

  private static TestNetworks.Builder noNat() {
    return TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 10)
        .securityGroup(TestNetworks.selfReferencingGroup("sg-training")).s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB);
  }

  @Test
  void vpcModeWithoutANatPathIsUnverifiedNamingTheHost() {
    Finding f = single(rule, vpcMode("ghcr.io/org/img:1", "subnet-a"), noNat().build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.resources()).startsWith("ghcr.io").contains("subnet-a", TestNetworks.MAIN_RTB);
    assertThat(f.message()).contains("no NAT path with egress TCP 443 to registry ghcr.io")
        .contains("subnet-a (us-east-1a)").contains("inside the VPC or behind a peering connection");
    assertThat(f.remediation().get()).contains("--accept-unverified request.image.private-registry=ghcr.io")
        .contains("aws ec2 create-route");
  }

  @Test
  void vpcModeFromAPublicSubnetIsUnverified() {
    Finding f = single(rule, vpcMode("ghcr.io/org/img:1", "subnet-public"), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("no public IP");
    assertThat(f.resources()).contains("ghcr.io", "subnet-public", TestNetworks.IGW);
  }

  @Test
  void vpcModeRegistryAddresses() {
    Finding inside = single(rule, vpcMode("10.20.9.9:5000/img:1", "subnet-a"), noNat().build());
    assertThat(inside.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(inside.message()).contains("private address");
    assertThat(inside.resources()).containsExactly("10.20.9.9");
    assertThat(single(rule, vpcMode("172.31.9.9:5000/img:1", "subnet-a"), noNat().build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(single(rule, vpcMode("198.51.100.7:5000/img:1", "subnet-a"), TestNetworks.ready().build()).outcome())
        .isEqualTo(Outcome.PASS);
    assertThat(single(rule, vpcMode("198.51.100.7:5000/img:1", "subnet-a"), noNat().build()).outcome())
        .isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void vpcModeRegistryBehindATransitGatewayIsUnverified() {
    var net = noNat().mainRouteTable(rt -> rt.route("0.0.0.0/0", "tgw-1"));
    Finding f = single(rule, vpcMode("registry.example.com/img:1", "subnet-a"), net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.resources()).contains("registry.example.com", "tgw-1");
  }

  @Test
  void vpcModePrivateNameIsUnverified() {
    Finding f = single(rule, vpcMode("registry.corp.internal/img:1", "subnet-a"), TestNetworks.ready().build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("private name");
    assertThat(f.resources()).containsExactly("registry.corp.internal");
  }

  @Test
  void vpcModeEcrThroughInterfaceEndpoint() {
    var net = noNat().interfaceEndpoint("vpce-ecr", "ecr.dkr", true, "subnet-a");
    Finding f = single(rule, vpcMode(TestJobs.ECR_IMAGE, "subnet-a"), net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("vpce-ecr");
    assertThat(single(rule, vpcMode(TestJobs.ECR_IMAGE, "subnet-a"), noNat().build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(single(rule, vpcMode(TestJobs.ECR_IMAGE, "subnet-a"), noNat().without(Section.VPC_ENDPOINTS).build()).outcome())
        .isEqualTo(Outcome.UNVERIFIED);
    assertThat(single(rule, vpcMode(TestJobs.ECR_IMAGE, "subnet-a"), TestNetworks.ready().build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void vpcModeNeedsSecurityGroupEgressToTheRegistryPortForAPass() {
    var onlyHttps = TestNetworks.ready().securityGroup(dev.vpctrain.core.network.SecurityGroup.builder().groupId("sg-training")
        .vpcId(TestNetworks.VPC).addEgress(dev.vpctrain.core.network.Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
            .addIpRange("0.0.0.0/0").build()).build());
    assertThat(single(rule, vpcMode("ghcr.io/org/img:1", "subnet-a"), onlyHttps.build()).outcome()).isEqualTo(Outcome.PASS);
    Finding f = single(rule, vpcMode("registry.example.com:5000/img:1", "subnet-a"), onlyHttps.build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.resources()).contains("registry.example.com", "sg-training");
    assertThat(f.message()).contains("egress TCP 5000 to registry registry.example.com:5000").contains("allow no outbound TCP 5000");
    assertThat(single(rule, vpcMode("ghcr.io/org/img:1", "subnet-a"), TestNetworks.ready().without(Section.SECURITY_GROUPS).build())
        .outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void vpcModeNeedsTheNetworkAclToLetThePullThroughForAPass() {
    var blocked = TestNetworks.ready().networkAcl(dev.vpctrain.core.network.NetworkAcl.builder().networkAclId("acl-x")
        .vpcId(TestNetworks.VPC).addSubnetId("subnet-a")
        .addEntry(dev.vpctrain.core.network.AclEntry.builder().ruleNumber(100).egress(true).protocol("6").allow(true)
            .cidrBlock("0.0.0.0/0").portFrom(443).portTo(443).build())
        .addEntry(dev.vpctrain.core.network.AclEntry.builder().ruleNumber(100).egress(false).protocol("-1").allow(true)
            .cidrBlock("0.0.0.0/0").build())
        .build());
    assertThat(single(rule, vpcMode("ghcr.io/org/img:1", "subnet-a"), blocked.build()).outcome()).isEqualTo(Outcome.PASS);
    Finding f = single(rule, vpcMode("registry.example.com:5000/img:1", "subnet-a"), blocked.build());
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.resources()).contains("registry.example.com", "subnet-a", "acl-x");
    assertThat(single(rule, vpcMode("ghcr.io/org/img:1", "subnet-a"), TestNetworks.ready().without(Section.NETWORK_ACLS).build())
        .outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void vpcModeNeverFailsOnTheNetwork() {
    var networks = java.util.List.of(noNat().build(), TestNetworks.ready().build(), noNat().without(Section.ROUTE_TABLES).build(),
        noNat().mainRouteTable(rt -> rt.blackhole("0.0.0.0/0", "nat-gone")).build());
    for (String image : java.util.List.of("ghcr.io/org/img:1", TestJobs.ECR_IMAGE, "10.20.9.9/img", "8.8.4.4/img", "reg.local/img")) {
      for (var n : networks) {
        for (String subnet : java.util.List.of("subnet-a", "subnet-public")) {
          assertThat(single(rule, vpcMode(image, subnet), n).outcome()).as(image + " " + subnet).isNotEqualTo(Outcome.FAIL);
        }
      }
    }
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

  /** The ready network plus a registry interface at 10.20.3.15 in subnet-reg with group sg-0ab00001 admitting {@code admitted} on 443. */
  private static dev.vpctrain.core.network.NetworkSnapshot registryWorld(String admitted, String extraRouteCidr, String extraRouteTarget) {
    TestNetworks.Builder b = TestNetworks.ready().subnet("subnet-reg", "us-east-1a", "10.20.3.0/24", 100)
        .securityGroup(dev.vpctrain.core.fixtures.SgFixtures.sg("sg-0ab00001",
            java.util.List.of(dev.vpctrain.core.fixtures.SgFixtures.tcp(443, 443, admitted)), java.util.List.of()));
    if (extraRouteCidr != null) {
      b.routeTable("rtb-private", rt -> rt.associate("subnet-a").route("0.0.0.0/0", "nat-a").route(extraRouteCidr, extraRouteTarget));
    }
    return b.build().toBuilder()
        .networkInterfaces(java.util.List.of(dev.vpctrain.core.network.NetworkInterface.builder()
            .networkInterfaceId("eni-0ab00001").subnetId("subnet-reg").vpcId(TestNetworks.VPC).ownerId(TestNetworks.ACCOUNT)
            .addPrivateIpAddresses("10.20.3.15").addGroupIds("sg-0ab00001").build()))
        .captureFilters(java.util.Map.of("ec2:DescribeNetworkInterfaces", java.util.List.of(
            dev.vpctrain.core.network.CaptureFilter.of("vpc-id", java.util.List.of(TestNetworks.VPC)))))
        .build();
  }

  private static TrainingJobSpec declaredRegistry(String target) {
    return TestJobs.job("subnet-a").trainingImage("registry.corp.internal/team/img:1")
        .repositoryAccessMode(RepositoryAccessMode.VPC)
        .requiresInVpc(dev.vpctrain.core.job.VpcTarget.parse(target)).build();
  }

  @Test
  void aRegistryDeclaredAsAnInVpcTargetIsDecidedByTheTargetChecks() {
    Finding ok = single(rule, declaredRegistry("registry.corp.internal=sg-0ab00001:443"), registryWorld("sg-training", null, null));
    assertThat(ok.outcome()).isEqualTo(Outcome.PASS);
    assertThat(ok.message()).contains("declared as in-VPC target registry.corp.internal (sg-0ab00001:443)");
    Finding blocked = single(rule, declaredRegistry("registry.corp.internal=sg-0ab00001:443"),
        registryWorld("sg-0ff00001", null, null));
    assertThat(blocked.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(blocked.resources()).contains("registry.corp.internal", "subnet-a", "sg-0ab00001");
    assertThat(blocked.remediation().orElseThrow()).contains("authorize-security-group-ingress --group-id sg-0ab00001")
        .contains("GroupId=sg-training");
    // the label must be the registry host: another label leaves the old UNVERIFIED
    Finding other = single(rule, declaredRegistry("registry=sg-0ab00001:443"), registryWorld("sg-training", null, null));
    assertThat(other.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(other.message()).contains("private name");
  }

  @Test
  void aDeclaredRegistryBeyondAPeeringConnectionIsUnverifiedNamingIt() {
    Finding f = single(rule, declaredRegistry("registry.corp.internal=172.31.5.10:443"),
        registryWorld("sg-training", "172.31.0.0/16", "pcx-0123456789abcdef0"));
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.resources()).contains("registry.corp.internal", "pcx-0123456789abcdef0");
    assertThat(f.remediation().orElseThrow()).contains("--accept-unverified request.image.private-registry=registry.corp.internal");
    Finding gone = single(rule, declaredRegistry("registry.corp.internal=10.20.3.99:443"), registryWorld("sg-training", null, null));
    assertThat(gone.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(gone.message()).contains("target.not-found");
  }
}
