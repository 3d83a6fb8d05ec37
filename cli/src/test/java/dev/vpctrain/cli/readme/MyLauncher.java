package dev.vpctrain.cli.readme;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.core.job.TrainingJobSpec;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The README's "your launcher": it launches the nightly job through vpctrain, which checks the network first. */
final class MyLauncher {
  private final VpcTrain vpctrain;

  MyLauncher(SageMakerClient sageMaker, Ec2Client ec2, S3Client s3) {
    this.vpctrain = VpcTrain.builder().sageMaker(sageMaker).ec2(ec2).s3(s3).build();
  }

  /** Launches the job without waiting; throws {@code PreflightFailedException} when its network would fail it. */
  TrainingRun launchNightlyTraining() {
    return vpctrain.launch(TrainingJobSpec.builder()
        .name("resnet50-nightly")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTrainingRole")
        .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5-gpu-py311")
        .instanceType("ml.p4d.24xlarge").instanceCount(2)
        .vpc(v -> v.subnets("subnet-0a1b2c3d4e5f60101", "subnet-0a1b2c3d4e5f60102")
                   .securityGroups("sg-0a1b2c3d4e5f60401"))
        .inputChannel("train", "s3://acme-ml-data/imagenet/train/")
        .outputPath("s3://acme-ml-artifacts/resnet50/")
        .build());
  }
}
