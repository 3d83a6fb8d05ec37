package dev.vpctrain.core.remediation;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTableAssociation;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.Severity;
import java.util.Arrays;
import java.util.List;

/** A small private VPC with two subnets on their own route table, and reports built by hand. */
final class PlanFixtures {
  static final String VPC = "vpc-0a1b2c3d4e5f60001";
  static final String SUBNET_A = "subnet-0a1b2c3d4e5f60101";
  static final String SUBNET_B = "subnet-0a1b2c3d4e5f60102";
  static final String RTB = "rtb-0a1b2c3d4e5f60011";
  static final String MAIN_RTB = "rtb-0a1b2c3d4e5f60001";
  static final String SG = "sg-0a1b2c3d4e5f60401";
  static final String VPCE = "vpce-0a1b2c3d4e5f60301";
  static final String S3_PL = "pl-63a5400a";

  private PlanFixtures() {}

  static TrainingJobSpec job() {
    return TrainingJobSpec.builder()
        .name("resnet50")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTraining")
        .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5-gpu-py311")
        .instanceType("ml.p4d.24xlarge").instanceCount(2)
        .vpc(v -> v.subnets(SUBNET_A, SUBNET_B).securityGroups(SG))
        .inputChannel("train", "s3://acme-ml-data/imagenet/train/")
        .outputPath("s3://acme-ml-artifacts/resnet50/")
        .requires(AwsService.STS)
        .build();
  }

  static NetworkSnapshot.Builder network() {
    return NetworkSnapshot.builder()
        .region("us-east-1")
        .vpcs(List.of(Vpc.builder().vpcId(VPC).cidrBlock("10.20.0.0/16").addCidrBlock("10.20.0.0/16")
            .instanceTenancy("default").enableDnsSupport(true).enableDnsHostnames(true).build()))
        .subnets(List.of(subnet(SUBNET_A, "us-east-1a", "10.20.1.0/24"), subnet(SUBNET_B, "us-east-1b", "10.20.2.0/24")))
        .securityGroups(List.of(SecurityGroup.builder().groupId(SG).groupName("training").vpcId(VPC)
            .addEgress(Permission.builder().ipProtocol("-1").addIpRange("0.0.0.0/0").build()).build()))
        .routeTables(List.of(
            RouteTable.builder().routeTableId(MAIN_RTB).vpcId(VPC)
                .addAssociation(RouteTableAssociation.builder().main(true).build())
                .addRoute(Route.builder().destinationCidrBlock("10.20.0.0/16").gatewayId("local").build()).build(),
            RouteTable.builder().routeTableId(RTB).vpcId(VPC)
                .addAssociation(RouteTableAssociation.builder().subnetId(SUBNET_A).build())
                .addAssociation(RouteTableAssociation.builder().subnetId(SUBNET_B).build())
                .addRoute(Route.builder().destinationCidrBlock("10.20.0.0/16").gatewayId("local").build()).build()))
        .vpcEndpoints(List.of())
        .natGateways(List.of())
        .internetGateways(List.of())
        .networkAcls(List.of())
        .prefixLists(List.of(PrefixList.builder().prefixListId(S3_PL).prefixListName("com.amazonaws.us-east-1.s3")
            .addCidr("52.216.0.0/15").build()));
  }

  static VpcEndpoint s3Endpoint(String policy, String... routeTables) {
    VpcEndpoint.Builder b = VpcEndpoint.builder().vpcEndpointId(VPCE).type(EndpointType.GATEWAY).vpcId(VPC)
        .serviceName("com.amazonaws.us-east-1.s3").state("available").routeTableIds(Arrays.asList(routeTables));
    if (policy != null) {
      b.policyDocument(policy);
    }
    return b.build();
  }

  static Subnet subnet(String id, String az, String cidr) {
    return Subnet.builder().subnetId(id).vpcId(VPC).availabilityZone(az).cidrBlock(cidr)
        .availableIpAddressCount(250).state("available").build();
  }

  static Finding fail(String rule, Severity severity, String... resources) {
    return Finding.builder().ruleId(rule).severity(severity).outcome(Outcome.FAIL)
        .message(rule + " fails").remediation("fix " + rule).resources(Arrays.asList(resources)).build();
  }

  static PreflightReport report(Finding... findings) {
    return PreflightReport.of("resnet50", "us-east-1", Arrays.asList(findings), 40);
  }
}
