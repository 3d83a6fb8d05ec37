package dev.vpctrain.aws.support;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.rules.RuleEngine;
import dev.vpctrain.core.internal.rules.vpc.VpcTenancyDedicated;
import java.util.List;

/** Model-built networks and a small rule set for launch tests (the real catalogue grows on other branches). */
public final class TestNetworks {
  public static final String VPC = "vpc-0a1b2c3d4e5f60001";
  public static final String SUBNET_A = "subnet-0a1b2c3d4e5f60718";
  public static final String SUBNET_B = "subnet-0a1b2c3d4e5f60719";
  public static final String SG = "sg-0a1b2c3d4e5f60710";

  private TestNetworks() {}

  public static TrainingJobSpec job(String name) {
    return TrainingJobSpec.builder()
        .name(name)
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTraining")
        .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5-gpu-py311")
        .trainingInputMode("File")
        .instanceType("ml.p4d.24xlarge").instanceCount(2).volumeSizeInGb(100)
        .vpc(v -> v.subnets(SUBNET_A, SUBNET_B).securityGroups(SG))
        .inputChannel("train", "s3://acme-ml-data/imagenet/train/")
        .outputPath("s3://acme-ml-artifacts/resnet50/")
        .maxRuntimeInSeconds(86400)
        .build();
  }

  /** A VPC with an S3 gateway endpoint (or none). */
  public static NetworkSnapshot network(boolean s3Endpoint) {
    NetworkSnapshot.Builder b = NetworkSnapshot.builder().region("us-east-1").accountId("123456789012")
        .vpcs(List.of(Vpc.builder().vpcId(VPC).cidrBlock("10.0.0.0/16").instanceTenancy("default").build()))
        .subnets(List.of(
            Subnet.builder().subnetId(SUBNET_A).vpcId(VPC).availabilityZone("us-east-1a").availableIpAddressCount(200).build(),
            Subnet.builder().subnetId(SUBNET_B).vpcId(VPC).availabilityZone("us-east-1b").availableIpAddressCount(200).build()));
    return b.vpcEndpoints(s3Endpoint ? List.of(endpoint()) : List.of()).build();
  }

  /** The network with dedicated tenancy (vpc.tenancy.dedicated fails). */
  public static NetworkSnapshot dedicated() {
    NetworkSnapshot n = network(true);
    return n.withVpcs(List.of(n.vpcs().orElseThrow().get(0).withInstanceTenancy("dedicated")));
  }

  /** The network without its VPC section (rules needing it are UNVERIFIED). */
  public static NetworkSnapshot withoutVpcs() {
    return network(true).withVpcs(java.util.Optional.empty());
  }

  private static VpcEndpoint endpoint() {
    return VpcEndpoint.builder().vpcEndpointId("vpce-0a1b2c3d4e5f60001").vpcId(VPC)
        .type(dev.vpctrain.core.network.EndpointType.GATEWAY).serviceName("com.amazonaws.us-east-1.s3").build();
  }

  /** The built-in tenancy rule, a stand-in S3 route rule and a warning rule. */
  public static RuleEngine engine() {
    return RuleEngine.builder().rules(List.of(new VpcTenancyDedicated(), new S3RouteStandIn(), new SingleAzStandIn())).build();
  }

  /** Stand-in for {@code s3.route.missing}: fails each job subnet when the VPC has no endpoint at all. */
  static final class S3RouteStandIn extends BaseRule {
    S3RouteStandIn() {
      super("s3.route.missing", Severity.ERROR, "stand-in");
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
      if (ctx.network().vpcEndpoints().isEmpty()) {
        return one(unverified("endpoints unknown", null));
      }
      if (!ctx.network().vpcEndpoints().get().isEmpty()) {
        return one(pass("S3 endpoint present"));
      }
      return ctx.job().vpc().orElseThrow().subnets().stream()
          .map(s -> fail("Subnet " + s + " has no route to S3.", "Add an S3 gateway endpoint route.", s, "rtb-0a1b2c3d4e5f60711"))
          .collect(java.util.stream.Collectors.toList());
    }
  }

  /** Stand-in warning: {@code vpc.subnets.single-az} fails when the job has one subnet. */
  static final class SingleAzStandIn extends BaseRule {
    SingleAzStandIn() {
      super("vpc.subnets.single-az", Severity.WARNING, "stand-in");
    }

    @Override
    public List<Finding> evaluate(RuleContext ctx) {
      List<String> subnets = ctx.job().vpc().orElseThrow().subnets();
      return one(subnets.size() > 1 ? pass("several subnets")
          : fail("All job subnets are in one Availability Zone.", null, subnets.toArray(new String[0])));
    }
  }
}
