package dev.vpctrain.core.rules;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Vpc;
import java.util.List;

/** A valid job and a small matching network for rule tests. */
public final class ShapeFixtures {
  public static final String SUBNET_A = "subnet-0a1b2c3d4e5f60101";
  public static final String SUBNET_B = "subnet-0a1b2c3d4e5f60102";
  public static final String SG = "sg-0a1b2c3d4e5f60401";
  public static final String VPC = "vpc-0a1b2c3d4e5f60001";
  public static final String OTHER_VPC = "vpc-0a1b2c3d4e5f60999";

  private ShapeFixtures() {}

  public static TrainingJobSpec.Builder job() {
    return TrainingJobSpec.builder()
        .name("resnet50-nightly")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTrainingRole")
        .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5-gpu-py311")
        .instanceType("ml.p4d.24xlarge")
        .instanceCount(2)
        .vpc(v -> v.subnets(SUBNET_A, SUBNET_B).securityGroups(SG))
        .inputChannel("train", "s3://acme-ml-data/imagenet/train/")
        .outputPath("s3://acme-ml-artifacts/resnet50/");
  }

  public static Subnet subnet(String id, String vpcId) {
    return Subnet.builder().subnetId(id).vpcId(vpcId).availabilityZone("us-east-1a").state("available")
        .availableIpAddressCount(200).build();
  }

  public static SecurityGroup group(String id, String vpcId) {
    return SecurityGroup.builder().groupId(id).vpcId(vpcId).build();
  }

  public static NetworkSnapshot.Builder network() {
    return NetworkSnapshot.builder()
        .region("us-east-1")
        .accountId("123456789012")
        .vpcs(List.of(Vpc.builder().vpcId(VPC).instanceTenancy("default").build()))
        .subnets(List.of(subnet(SUBNET_A, VPC), subnet(SUBNET_B, VPC)))
        .securityGroups(List.of(group(SG, VPC)));
  }

  public static RuleContext context(TrainingJobSpec job) {
    return RuleContext.of(job, network().build());
  }

  public static RuleContext context(TrainingJobSpec job, NetworkSnapshot network) {
    return RuleContext.of(job, network);
  }
}
