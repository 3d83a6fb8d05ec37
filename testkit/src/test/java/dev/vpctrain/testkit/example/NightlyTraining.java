package dev.vpctrain.testkit.example;

import java.util.List;

/**
 * The example application's own settings for its nightly training job (what a real service would
 * read from its configuration).
 */
record NightlyTraining(List<String> subnets, List<String> securityGroups, String dataUri, String outputUri,
    String roleArn, String image, String instanceType, int instanceCount) {

  /** The settings of the examples' ACME team, in {@code subnets}. */
  static NightlyTraining acme(String... subnets) {
    return new NightlyTraining(List.of(subnets), List.of("sg-0a1b2c3d4e5f60401"),
        "s3://acme-ml-data/imagenet/train/", "s3://acme-ml-artifacts/resnet50/",
        "arn:aws:iam::123456789012:role/SageMakerTrainingRole",
        "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5.1-gpu-py311-cu124-ubuntu22.04-sagemaker",
        "ml.p4d.24xlarge", 2);
  }
}
