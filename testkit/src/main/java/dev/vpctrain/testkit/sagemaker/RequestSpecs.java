package dev.vpctrain.testkit.sagemaker;

import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.RepositoryAccessMode;
import dev.vpctrain.core.job.TrainingJobSpec;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.InstanceGroup;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;

/** The network intent of a {@code CreateTrainingJob} request, as the rule engine reads it. */
final class RequestSpecs {
  private RequestSpecs() {}

  static TrainingJobSpec toSpec(CreateTrainingJobRequest r) {
    TrainingJobSpec.Builder b = TrainingJobSpec.builder().name(r.trainingJobName()).roleArn(r.roleArn());
    AlgorithmSpecification a = r.algorithmSpecification();
    if (a != null) {
      b.trainingImage(a.trainingImage()).trainingInputMode(a.trainingInputModeAsString());
      if (a.trainingImageConfig() != null && a.trainingImageConfig().trainingRepositoryAccessModeAsString() != null) {
        b.repositoryAccessMode("Vpc".equalsIgnoreCase(a.trainingImageConfig().trainingRepositoryAccessModeAsString())
            ? RepositoryAccessMode.VPC : RepositoryAccessMode.PLATFORM);
      }
    }
    ResourceConfig rc = r.resourceConfig();
    if (rc != null) {
      b.instanceType(rc.instanceTypeAsString()).instanceCount(rc.instanceCount()).volumeSizeInGb(rc.volumeSizeInGB())
          .volumeKmsKeyId(rc.volumeKmsKeyId());
      for (InstanceGroup g : rc.instanceGroups()) {
        b.addInstanceGroup(g.instanceGroupName(), g.instanceTypeAsString(), g.instanceCount() == null ? 0 : g.instanceCount());
      }
    }
    if (r.vpcConfig() != null) {
      b.vpc(v -> v.subnets(r.vpcConfig().subnets()).securityGroups(r.vpcConfig().securityGroupIds()));
    }
    for (Channel c : r.inputDataConfig()) {
      InputChannel.Builder ch = InputChannel.builder().name(c.channelName() == null ? "" : c.channelName());
      if (c.dataSource() != null && c.dataSource().s3DataSource() != null) {
        ch.s3Uri(c.dataSource().s3DataSource().s3Uri());
        if (c.dataSource().s3DataSource().s3DataTypeAsString() != null) {
          ch.s3DataType(c.dataSource().s3DataSource().s3DataTypeAsString());
        }
        if (c.dataSource().s3DataSource().s3DataDistributionTypeAsString() != null) {
          ch.s3DataDistributionType(c.dataSource().s3DataSource().s3DataDistributionTypeAsString());
        }
      }
      if (c.dataSource() != null && c.dataSource().fileSystemDataSource() != null) {
        ch.fileSystemId(c.dataSource().fileSystemDataSource().fileSystemId());
        ch.fileSystemType(c.dataSource().fileSystemDataSource().fileSystemTypeAsString());
      }
      b.addInputChannel(ch.build());
    }
    if (r.outputDataConfig() != null) {
      b.outputPath(r.outputDataConfig().s3OutputPath()).outputKmsKeyId(r.outputDataConfig().kmsKeyId());
    }
    if (r.checkpointConfig() != null) {
      b.checkpointUri(r.checkpointConfig().s3Uri());
    }
    if (r.debugHookConfig() != null && r.debugHookConfig().s3OutputPath() != null) {
      b.addS3Output("DebugHookConfig.S3OutputPath", r.debugHookConfig().s3OutputPath());
    }
    if (r.tensorBoardOutputConfig() != null && r.tensorBoardOutputConfig().s3OutputPath() != null) {
      b.addS3Output("TensorBoardOutputConfig.S3OutputPath", r.tensorBoardOutputConfig().s3OutputPath());
    }
    if (r.profilerConfig() != null && r.profilerConfig().s3OutputPath() != null) {
      b.addS3Output("ProfilerConfig.S3OutputPath", r.profilerConfig().s3OutputPath());
    }
    b.enableNetworkIsolation(Boolean.TRUE.equals(r.enableNetworkIsolation()));
    b.enableInterContainerTrafficEncryption(Boolean.TRUE.equals(r.enableInterContainerTrafficEncryption()));
    if (r.stoppingCondition() != null) {
      b.maxRuntimeInSeconds(r.stoppingCondition().maxRuntimeInSeconds());
    }
    return b.build();
  }
}
