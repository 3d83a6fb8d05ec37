package dev.vpctrain.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shared examples {@code no-s3-endpoint}, {@code public-subnet-igw} and {@code subnet-out-of-ips},
 * rebuilt with {@link TestNetworks}, through the whole catalogue: the route, subnet and VPC rules
 * decide them as their {@code expect.json} says.
 */
class ReachExamplesTest {
  private static final Set<String> MINE = Set.of("request.image.private-registry", "vpc.dns.support-disabled",
      "vpc.dhcp.incomplete", "vpc.subnets.single-az", "subnet.ip-capacity", "subnet.ip-headroom", "s3.route.missing",
      "s3.route.igw-only", "s3.route.blackhole", "s3.route.unmodeled", "s3.bucket.other-region",
      "s3.security-group.egress", "s3.nacl.blocked");
  private static final String A = "subnet-0a1b2c3d4e5f60101";
  private static final String B = "subnet-0a1b2c3d4e5f60102";
  private static final String PUBLIC = "subnet-0a1b2c3d4e5f60201";
  private static final String SG = "sg-0a1b2c3d4e5f60401";
  private static final String RTB_PRIVATE = "rtb-0a1b2c3d4e5f60011";
  private static final String RTB_PUBLIC = "rtb-0a1b2c3d4e5f60021";
  private static final String S3_GATEWAY = "vpce-0a1b2c3d4e5f60301";

  private static TrainingJobSpec job(String... subnets) {
    return TrainingJobSpec.builder()
        .name("resnet50-nightly")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTrainingRole")
        .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5.1-gpu-py311-cu124-ubuntu22.04-sagemaker")
        .trainingInputMode("File")
        .instanceType("ml.p4d.24xlarge").instanceCount(2).volumeSizeInGb(100)
        .vpc(v -> v.subnets(subnets).securityGroups(SG))
        .inputChannel("train", "s3://acme-ml-data/imagenet/train/")
        .outputPath("s3://acme-ml-artifacts/resnet50/")
        .checkpointUri("s3://acme-ml-artifacts/resnet50/checkpoints/")
        .enableInterContainerTrafficEncryption(true)
        .maxRuntimeInSeconds(86400)
        .build();
  }

  /** The network of {@code no-s3-endpoint}; the other two examples add to it. */
  private static TestNetworks.Builder base(int freeA, int freeB, int freePublic) {
    Permission https = Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443).addPrefixListId(TestNetworks.S3_PL).build();
    return TestNetworks.privateVpc()
        .subnet(A, "us-east-1a", "10.20.1.0/24", freeA)
        .subnet(B, "us-east-1b", "10.20.2.0/24", freeB)
        .subnet(PUBLIC, "us-east-1a", "10.20.101.0/24", freePublic)
        .routeTable(RTB_PRIVATE, rt -> rt.associate(A, B))
        .routeTable(RTB_PUBLIC, rt -> rt.associate(PUBLIC).route("0.0.0.0/0", TestNetworks.IGW))
        .securityGroup(SecurityGroup.builder().groupId(SG).groupName("sagemaker-training").vpcId(TestNetworks.VPC)
            .addIngress(Permission.builder().ipProtocol("-1").addGroupId(SG).build())
            .addEgress(Permission.builder().ipProtocol("-1").addGroupId(SG).build(), https,
                Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443).addIpRange(TestNetworks.VPC_CIDR).build())
            .build())
        .bucket("acme-ml-data", "us-east-1")
        .bucket("acme-ml-artifacts", "us-east-1");
  }

  private static List<Finding> mine(NetworkSnapshot network, TrainingJobSpec job) {
    PreflightReport r = RuleEngine.standard().evaluate(job, network);
    return r.findings().stream().filter(f -> MINE.contains(f.ruleId())).collect(Collectors.toList());
  }

  private static List<String> errors(List<Finding> findings) {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR && f.outcome() == Outcome.FAIL)
        .map(Finding::ruleId).distinct().collect(Collectors.toList());
  }

  private static void assertDecided(List<Finding> findings) {
    assertThat(findings).noneMatch(f -> f.severity() == Severity.ERROR && f.outcome() == Outcome.UNVERIFIED);
  }

  @Test
  void catalogueHoldsTheRulesInOrder() {
    List<String> ids = RuleCatalogue.standard().stream().map(Rule::id).filter(MINE::contains).collect(Collectors.toList());
    assertThat(ids).containsExactly("request.image.private-registry", "vpc.dns.support-disabled", "vpc.dhcp.incomplete",
        "vpc.subnets.single-az", "subnet.ip-capacity", "subnet.ip-headroom", "s3.route.missing", "s3.route.igw-only",
        "s3.route.blackhole", "s3.route.unmodeled", "s3.bucket.other-region", "s3.security-group.egress", "s3.nacl.blocked");
  }

  @Test
  void noS3Endpoint() {
    List<Finding> f = mine(base(240, 233, 250).build(), job(A, B));
    assertThat(errors(f)).containsExactly("s3.route.missing");
    assertThat(f.stream().filter(x -> x.ruleId().equals("s3.route.missing") && x.isFail()))
        .extracting(Finding::resources)
        .containsExactly(List.of(A, B, RTB_PRIVATE)); // one finding for the route table both subnets share
    assertDecided(f);
  }

  @Test
  void publicSubnetIgw() {
    List<Finding> f = mine(base(240, 233, 250).s3GatewayEndpoint(S3_GATEWAY, RTB_PRIVATE).build(), job(PUBLIC));
    assertThat(errors(f)).containsExactly("s3.route.igw-only");
    assertThat(f.stream().filter(x -> x.ruleId().equals("s3.route.igw-only")).findFirst().get().resources())
        .containsExactly(PUBLIC, RTB_PUBLIC, TestNetworks.IGW);
    assertDecided(f);
  }

  @Test
  void subnetOutOfIps() {
    List<Finding> f = mine(base(7, 7, 7).s3GatewayEndpoint(S3_GATEWAY, RTB_PRIVATE).build(), job(A, B));
    assertThat(errors(f)).containsExactly("subnet.ip-capacity");
    Finding capacity = f.stream().filter(x -> x.ruleId().equals("subnet.ip-capacity")).findFirst().get();
    assertThat(capacity.message()).contains("10 IPs in one subnet (2 instances × 5 IPs with EFA)");
    assertDecided(f);
  }

  @Test
  void readyWithTheEndpoint() {
    List<Finding> f = mine(base(240, 233, 250).s3GatewayEndpoint(S3_GATEWAY, RTB_PRIVATE).build(), job(A, B));
    assertThat(f).allMatch(x -> x.outcome() == Outcome.PASS);
  }
}
