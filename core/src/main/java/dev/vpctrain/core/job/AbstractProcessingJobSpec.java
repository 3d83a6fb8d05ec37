package dev.vpctrain.core.job;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.immutables.value.Value;

/**
 * A SageMaker processing job ({@code CreateProcessingJob}) as the rules see it: its
 * {@linkplain #workload() workload} is the request projected onto the training-job shape every rule
 * reads. {@code ProcessingResources.ClusterConfig} gives the instances (a cluster of more than one is
 * distributed, so the cluster rules apply), {@code NetworkConfig} the {@code VpcConfig}, isolation and
 * encryption, {@code ProcessingInputs[].S3Input} the S3 reads, {@code ProcessingOutputConfig.Outputs[].S3Output}
 * the S3 writes, {@code AppSpecification.ImageUri} the image. Build with {@link #builder()}:
 *
 * <pre>{@code
 * ProcessingJobSpec job = ProcessingJobSpec.builder()
 *     .name("preprocess-2026-12-05")
 *     .instanceType("ml.m5.xlarge").instanceCount(2)
 *     .vpc(v -> v.subnets("subnet-0a1b2c3d4e5f60101").securityGroups("sg-0a1b2c3d4e5f60401"))
 *     .addS3Input("raw", "s3://acme-ml-data/raw/")
 *     .addS3Output("features", "s3://acme-ml-data/features/")
 *     .build();
 * }</pre>
 *
 * This type is public only so that {@code ProcessingJobSpec.Builder} is; use {@link ProcessingJobSpec}.
 */
@Value.Immutable(builder = false)
public abstract class AbstractProcessingJobSpec implements JobSpec {
  AbstractProcessingJobSpec() {}

  /** {@return a builder for a new processing job; only the name is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the request projected onto the training-job shape, of kind {@link JobKind#PROCESSING}} */
  @Value.Parameter
  public abstract TrainingJobSpec workload();

  /** {@return {@link JobKind#PROCESSING}} */
  @Override
  public JobKind kind() {
    return JobKind.PROCESSING;
  }

  /** {@return {@code ProcessingJobName}} */
  @Override
  public String name() {
    return workload().name();
  }

  /** {@return the one workload} */
  @Override
  public List<TrainingJobSpec> workloads() {
    return List.of(workload());
  }

  /**
   * {@inheritDoc}
   *
   * @param change the change
   * @return a processing job of the changed workload
   */
  @Override
  public ProcessingJobSpec withEachWorkload(UnaryOperator<TrainingJobSpec> change) {
    return ProcessingJobSpec.of(change.apply(workload()));
  }

  /** Refuses a workload of another kind (an Immutables {@code @Value.Check}). */
  @Value.Check
  protected void check() {
    if (workload().kind() != JobKind.PROCESSING) {
      throw new IllegalArgumentException("a processing job's workload has kind PROCESSING, not " + workload().kind());
    }
  }

  /** Builds a {@link ProcessingJobSpec} with the names of {@code CreateProcessingJob}. */
  public static final class Builder {
    private final TrainingJobSpec.Builder workload = TrainingJobSpec.builder().kind(JobKind.PROCESSING);
    private int inputs;
    private int outputs;

    private Builder() {}

    /**
     * Sets {@code ProcessingJobName}, the one required value.
     *
     * @param name the job name
     * @return this builder
     */
    public Builder name(String name) {
      workload.name(name);
      return this;
    }

    /**
     * Sets {@code RoleArn}, the execution role.
     *
     * @param roleArn the role ARN; {@code null} for none
     * @return this builder
     */
    public Builder roleArn(String roleArn) {
      workload.roleArn(roleArn);
      return this;
    }

    /**
     * Sets {@code AppSpecification.ImageUri}, the processing container's image.
     *
     * @param imageUri the image URI; {@code null} for none
     * @return this builder
     */
    public Builder imageUri(String imageUri) {
      workload.trainingImage(imageUri);
      return this;
    }

    /**
     * Sets {@code ProcessingResources.ClusterConfig.InstanceType}.
     *
     * @param instanceType for example {@code ml.m5.xlarge}; {@code null} for none
     * @return this builder
     */
    public Builder instanceType(String instanceType) {
      workload.instanceType(instanceType);
      return this;
    }

    /**
     * Sets {@code ProcessingResources.ClusterConfig.InstanceCount}; more than one makes a cluster.
     *
     * @param instanceCount the number of instances; {@code null} for none
     * @return this builder
     */
    public Builder instanceCount(Integer instanceCount) {
      workload.instanceCount(instanceCount);
      return this;
    }

    /**
     * Sets {@code ProcessingResources.ClusterConfig.VolumeKmsKeyId}.
     *
     * @param keyId a KMS key id, ARN or alias; {@code null} for none
     * @return this builder
     */
    public Builder volumeKmsKeyId(String keyId) {
      workload.volumeKmsKeyId(keyId);
      return this;
    }

    /**
     * Sets {@code NetworkConfig.VpcConfig}.
     *
     * @param vpc the subnets and security groups; {@code null} for none
     * @return this builder
     */
    public Builder vpc(VpcSpec vpc) {
      workload.vpc(vpc);
      return this;
    }

    /**
     * Edits {@code NetworkConfig.VpcConfig}.
     *
     * @param vpc edits a builder holding the current value
     * @return this builder
     */
    public Builder vpc(Consumer<VpcSpec.Builder> vpc) {
      workload.vpc(vpc);
      return this;
    }

    /**
     * Sets {@code NetworkConfig.EnableNetworkIsolation}.
     *
     * @param enable true when the container may not reach the network
     * @return this builder
     */
    public Builder enableNetworkIsolation(boolean enable) {
      workload.enableNetworkIsolation(enable);
      return this;
    }

    /**
     * Sets {@code NetworkConfig.EnableInterContainerTrafficEncryption}.
     *
     * @param enable true when traffic between the cluster's instances is encrypted
     * @return this builder
     */
    public Builder enableInterContainerTrafficEncryption(boolean enable) {
      workload.enableInterContainerTrafficEncryption(enable);
      return this;
    }

    /**
     * Adds a {@code ProcessingInputs[]} entry with an {@code S3Input} of {@code S3Prefix} data.
     *
     * @param name {@code InputName}
     * @param s3Uri {@code S3Input.S3Uri}
     * @return this builder
     */
    public Builder addS3Input(String name, String s3Uri) {
      return addS3Input(name, s3Uri, "S3Prefix", null);
    }

    /**
     * Adds a {@code ProcessingInputs[]} entry with an {@code S3Input}.
     *
     * @param name {@code InputName}
     * @param s3Uri {@code S3Input.S3Uri}
     * @param s3DataType {@code S3Prefix} (SageMaker also lists the prefix) or {@code ManifestFile}
     * @param distribution {@code S3DataDistributionType}: {@code FullyReplicated} or {@code ShardedByS3Key};
     *     {@code null} when not given
     * @return this builder
     */
    public Builder addS3Input(String name, String s3Uri, String s3DataType, String distribution) {
      InputChannel.Builder c = InputChannel.builder().name(Objects.requireNonNull(name)).s3Uri(s3Uri)
          .s3UriField("ProcessingInputs[" + inputs++ + "].S3Input.S3Uri");
      if (s3DataType != null) {
        c.s3DataType(s3DataType);
      }
      if (distribution != null) {
        c.s3DataDistributionType(distribution);
      }
      workload.addInputChannel(c.build());
      return this;
    }

    /**
     * Counts a {@code ProcessingInputs[]} entry that reads no S3 location (a dataset definition), so that
     * the indexes of later inputs match the request.
     *
     * @return this builder
     */
    public Builder skipInput() {
      inputs++;
      return this;
    }

    /**
     * Adds a {@code ProcessingOutputConfig.Outputs[]} entry with an {@code S3Output}: SageMaker writes there.
     *
     * @param name {@code OutputName}
     * @param s3Uri {@code S3Output.S3Uri}
     * @return this builder
     */
    public Builder addS3Output(String name, String s3Uri) {
      Objects.requireNonNull(name);
      workload.addS3Output("ProcessingOutputConfig.Outputs[" + outputs++ + "].S3Output.S3Uri", s3Uri);
      return this;
    }

    /**
     * Sets {@code ProcessingOutputConfig.KmsKeyId}.
     *
     * @param keyId a KMS key id, ARN or alias; {@code null} for none
     * @return this builder
     */
    public Builder outputKmsKeyId(String keyId) {
      workload.outputKmsKeyId(keyId);
      return this;
    }

    /**
     * Sets {@code StoppingCondition.MaxRuntimeInSeconds}.
     *
     * @param seconds the longest the job may run; {@code null} for none
     * @return this builder
     */
    public Builder maxRuntimeInSeconds(Integer seconds) {
      workload.maxRuntimeInSeconds(seconds);
      return this;
    }

    /**
     * Adds AWS services the processing code calls besides S3 (not part of the request), for example
     * {@code athena} for an Athena dataset definition.
     *
     * @param services the services
     * @return this builder
     */
    public Builder requires(AwsService... services) {
      workload.requires(services);
      return this;
    }

    /**
     * Edits the workload directly, for what the processing names above do not cover (internet and in-VPC
     * destinations, accepted UNVERIFIED checks, the region, request members kept as they are).
     *
     * @param edit edits the workload's builder; its kind stays {@link JobKind#PROCESSING}
     * @return this builder
     */
    public Builder workload(Consumer<TrainingJobSpec.Builder> edit) {
      edit.accept(workload);
      workload.kind(JobKind.PROCESSING);
      return this;
    }

    /**
     * {@return the processing job}
     *
     * @throws NullPointerException when no name was given
     */
    public ProcessingJobSpec build() {
      return ProcessingJobSpec.of(workload.build());
    }
  }
}
