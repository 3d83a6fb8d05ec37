package dev.vpctrain.core.job;

import dev.vpctrain.core.report.Acceptance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A SageMaker training job as vpctrain sees it: the {@code CreateTrainingJob} request's network
 * intent plus what the training code needs beyond S3. Immutable; build with {@link #builder()},
 * copy with {@link #toBuilder()}. Only a missing name is rejected at {@code build()}: everything a
 * rule checks (malformed ids, counts) is reported by that rule, not thrown.
 *
 * <p>The one Immutables value whose builder is written by hand: its conveniences read what was set
 * before ({@code vpc(v -> …)} edits the current {@code VpcConfig}, {@code codePackage} merges into
 * the current {@code HyperParameters}) and its setters take {@code null} for "absent", which a
 * generated builder does not offer. The builder keeps no copy of the fields: it edits a draft spec
 * through the generated {@code with*} copies. This type is public only so that
 * {@code TrainingJobSpec.Builder} is; use {@link TrainingJobSpec}.
 */
@Value.Immutable(builder = false)
public abstract class AbstractTrainingJobSpec implements JobSpec {
  /** The hyperparameter in which the SageMaker SDKs pass the training code package. */
  public static final String SUBMIT_DIRECTORY = "sagemaker_submit_directory";
  /** The field findings name for the code package. */
  public static final String CODE_PACKAGE_FIELD = "HyperParameters." + SUBMIT_DIRECTORY;

  AbstractTrainingJobSpec() {}

  /** {@return a builder for a new spec; only the name is required} */
  public static Builder builder() {
    return new Builder(null);
  }

  /** {@return a builder holding this spec's values} */
  public Builder toBuilder() {
    return new Builder(TrainingJobSpec.copyOf(this));
  }

  /**
   * {@return which API the workload comes from: {@link JobKind#TRAINING} for a training job (the
   * default), {@link JobKind#PROCESSING} for a processing job's projection, {@link JobKind#TUNING} for
   * a tuning job's training job definition}
   */
  @Value.Default
  @Override
  public JobKind kind() {
    return JobKind.TRAINING;
  }

  /**
   * {@return the tuning job definition this workload is, by its {@code DefinitionName}, or
   * {@code TrainingJobDefinitions[i]} when it has none; empty for training and processing jobs and for
   * a tuning job's single {@code TrainingJobDefinition}}
   */
  public abstract Optional<String> definitionName();

  /** {@return this spec alone: a training job is its own workload} */
  @Override
  public List<TrainingJobSpec> workloads() {
    return List.of((TrainingJobSpec) this);
  }

  /**
   * {@inheritDoc}
   *
   * @param change the change
   * @return {@code change} applied to this spec
   */
  @Override
  public TrainingJobSpec withEachWorkload(java.util.function.UnaryOperator<TrainingJobSpec> change) {
    return change.apply((TrainingJobSpec) this);
  }

  /** {@return {@code TrainingJobName}: the job's name, unique in the account and region} */
  @Override
  @Value.Parameter
  public abstract String name();

  /** {@return {@code RoleArn}: the execution role SageMaker assumes for the job} */
  public abstract Optional<String> roleArn();

  /** {@return {@code AlgorithmSpecification.TrainingImage}: the training container's image URI} */
  public abstract Optional<String> trainingImage();

  /** {@return {@code AlgorithmSpecification.TrainingInputMode}: {@code File}, {@code Pipe} or {@code FastFile}} */
  public abstract Optional<String> trainingInputMode();

  /**
   * {@return {@code AlgorithmSpecification.TrainingImageConfig.TrainingRepositoryAccessMode}: where the image
   * is pulled from; absent means {@code Platform}}
   */
  public abstract Optional<RepositoryAccessMode> repositoryAccessMode();

  /** {@return {@code ResourceConfig.InstanceType} (absent with instance groups)} */
  public abstract Optional<String> instanceType();

  /** {@return {@code ResourceConfig.InstanceCount} (absent with instance groups)} */
  public abstract Optional<Integer> instanceCount();

  /** {@return {@code ResourceConfig.VolumeSizeInGB}: the storage volume of each instance} */
  public abstract Optional<Integer> volumeSizeInGb();

  /** {@return {@code ResourceConfig.VolumeKmsKeyId}: the KMS key of the instances' storage volumes} */
  public abstract Optional<String> volumeKmsKeyId();

  /** {@return {@code ResourceConfig.InstanceGroups}: a heterogeneous cluster's groups; empty for one instance type} */
  public abstract List<InstanceGroup> instanceGroups();

  /** {@return {@code VpcConfig}; absent for a job outside a VPC} */
  public abstract Optional<VpcSpec> vpc();

  /** {@return {@code InputDataConfig}: the input channels, in request order} */
  public abstract List<InputChannel> inputChannels();

  /** {@return {@code OutputDataConfig.S3OutputPath}: where SageMaker writes the model artifacts} */
  public abstract Optional<String> outputPath();

  /** {@return {@code OutputDataConfig.KmsKeyId}: the KMS key of the output} */
  public abstract Optional<String> outputKmsKeyId();

  /** {@return {@code CheckpointConfig.S3Uri}: where checkpoints are read from and written to} */
  public abstract Optional<String> checkpointUri();

  /**
   * {@return the further S3 locations the job writes: debugger, profiler and TensorBoard outputs, each
   * with its request member}
   */
  public abstract List<S3Output> additionalS3Outputs();

  /** {@return {@code EnableNetworkIsolation}: the training container may not reach the network} */
  @Value.Default
  public boolean enableNetworkIsolation() {
    return false;
  }

  /** {@return {@code EnableInterContainerTrafficEncryption}: traffic between training instances is encrypted} */
  @Value.Default
  public boolean enableInterContainerTrafficEncryption() {
    return false;
  }

  /** {@return {@code StoppingCondition.MaxRuntimeInSeconds}: the longest the job may run, in seconds} */
  public abstract Optional<Integer> maxRuntimeInSeconds();

  /** {@return AWS services the training code calls besides S3 (not part of the API request), sorted by name} */
  @Value.NaturalOrder
  public abstract SortedSet<AwsService> requiredServices();

  /** {@return internet destinations the training code needs (not part of the API request)} */
  public abstract List<HostPort> requiredInternet();

  /**
   * {@return destinations inside the VPC (or reached through it) the training code needs (not part of the
   * API request): databases, internal services, peered networks; each once, in first-given order}
   */
  public abstract List<VpcTarget> requiredInVpc();

  /**
   * {@return true when the user asks that the S3 endpoint policy block the Amazon Linux package repositories
   * (not part of the API request); false by default}
   */
  @Value.Default
  public boolean blockPackageRepositories() {
    return false;
  }

  /**
   * {@return the UNVERIFIED checks the user accepts (not part of the API request), each once: what the
   * snapshot cannot show but the user knows works} The rule engine marks the findings they match
   * accepted; a FAIL is never accepted.
   */
  public abstract List<Acceptance> acceptedUnverified();

  /** {@return an explicit EFA override; absent means "decide from the instance type"} */
  public abstract Optional<Boolean> efa();

  /** {@return the job's region when the spec names it; otherwise the snapshot's region applies} */
  public abstract Optional<String> region();

  /**
   * {@return other {@code CreateTrainingJob} members, kept verbatim for a faithful round trip: member name
   * to its JSON text} No rule reads them. A member nested in a modeled structure is keyed by its
   * JSON path, for example {@code ResourceConfig.KeepAlivePeriodInSeconds} or
   * {@code InputDataConfig[0].ContentType}.
   */
  public abstract Map<String, String> apiExtras();

  /**
   * Keeps each acceptance once, in first-given order (an Immutables {@code @Value.Check}).
   *
   * @return this spec, or a copy without repeated acceptances
   */
  @Value.Check
  protected AbstractTrainingJobSpec normalize() {
    List<Acceptance> distinct = List.copyOf(new LinkedHashSet<>(acceptedUnverified()));
    return distinct.size() == acceptedUnverified().size()
        ? this
        : TrainingJobSpec.copyOf(this).withAcceptedUnverified(distinct);
  }

  /**
   * {@return the training code package: the {@code sagemaker_submit_directory} hyperparameter (read from
   * {@code apiExtras()["HyperParameters"]}) with the SDKs' JSON quoting removed, for example
   * {@code s3://bucket/job/source/sourcedir.tar.gz}; empty when the job has none} The value is as
   * given: {@link #s3Accesses()} holds it when it is a well-formed {@code s3://} object URI, and
   * {@code request.id.malformed} reports it otherwise (an absolute path in the container, which the
   * SDKs use for code delivered in an input channel, is not an S3 location).
   */
  @Value.Lazy
  public Optional<String> codePackage() {
    return Hyperparameters.get(apiExtras(), SUBMIT_DIRECTORY);
  }

  /**
   * {@code HyperParameters}: each hyperparameter's name and value as {@code CreateTrainingJob} sends them, in
   * order (kept as JSON in {@link #apiExtras()} under {@code HyperParameters}); empty when the job has none.
   * The SageMaker SDKs JSON-quote string values ({@code "\"s3://…\""}); values set with
   * {@link Builder#hyperParameter} are sent as given.
   *
   * @return name to value, in request order; unmodifiable
   */
  @Value.Lazy
  public Map<String, String> hyperParameters() {
    return java.util.Collections.unmodifiableMap(Hyperparameters.all(apiExtras()));
  }

  /**
   * The code package's object when {@link #codePackage()} is an {@code s3://bucket/key} URI naming one object.
   *
   * @return the object's URI, or empty
   */
  public Optional<S3Uri> codePackageObject() {
    return codePackage().filter(v -> v.startsWith("s3://")).flatMap(S3Uri::parse).filter(u -> !u.key().isEmpty());
  }

  /**
   * {@return total instances: {@code InstanceCount}, or the sum over instance groups (summed without
   * overflow, and capped at {@link Integer#MAX_VALUE})}
   */
  public int totalInstanceCount() {
    if (!instanceGroups().isEmpty()) {
      long sum = instanceGroups().stream().mapToLong(InstanceGroup::instanceCount).sum();
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sum));
    }
    return instanceCount().orElse(1);
  }

  /** {@return true when more than one instance runs: the job is distributed} */
  public boolean isDistributed() {
    return totalInstanceCount() > 1;
  }

  /** {@return every instance type the job uses} */
  public List<String> instanceTypes() {
    if (!instanceGroups().isEmpty()) {
      List<String> types = new ArrayList<>();
      instanceGroups().forEach(g -> types.add(g.instanceType()));
      return types;
    }
    return instanceType().map(List::of).orElse(List.of());
  }

  /** {@return true when the job uses EFA: the override, else any instance type is EFA-capable} */
  public boolean isEfa() {
    return efa().orElseGet(() -> instanceTypes().stream().anyMatch(EfaInstanceTypes::isEfaCapable));
  }

  /**
   * {@return every S3 location the job touches with the actions SageMaker performs there: inputs read
   * ({@code s3:GetObject}, plus {@code s3:ListBucket} for {@code S3Prefix} data), the output and
   * other outputs written ({@code s3:PutObject}), checkpoints read and written, and the training
   * code package ({@link #codePackage()}), one object read ({@code s3:GetObject})} Malformed URIs are
   * skipped here (the {@code request.id.malformed} rule reports them). Every S3 rule and the
   * remediation planner read the job's S3 requests from here; computed once.
   */
  @Value.Lazy
  public List<S3Access> s3Accesses() {
    List<S3Access> out = new ArrayList<>();
    for (int i = 0; i < inputChannels().size(); i++) {
      InputChannel c = inputChannels().get(i);
      int index = i;
      c.s3Uri().flatMap(S3Uri::parse).ifPresent(uri -> {
        List<String> actions = "S3Prefix".equalsIgnoreCase(c.s3DataType())
            ? List.of("s3:GetObject", "s3:ListBucket")
            : List.of("s3:GetObject");
        out.add(S3Access.of(c.s3UriField().orElse("InputDataConfig[" + index + "].DataSource.S3DataSource.S3Uri"), uri,
            actions));
      });
    }
    outputPath().flatMap(S3Uri::parse).ifPresent(uri ->
        out.add(S3Access.of("OutputDataConfig.S3OutputPath", uri, List.of("s3:PutObject"))));
    checkpointUri().flatMap(S3Uri::parse).ifPresent(uri ->
        out.add(S3Access.of("CheckpointConfig.S3Uri", uri, List.of("s3:GetObject", "s3:ListBucket", "s3:PutObject"))));
    for (S3Output o : additionalS3Outputs()) {
      S3Uri.parse(o.s3Uri()).ifPresent(uri -> out.add(S3Access.of(o.field(), uri, List.of("s3:PutObject"))));
    }
    codePackageObject().ifPresent(uri -> out.add(S3Access.object(CODE_PACKAGE_FIELD, uri, List.of("s3:GetObject"))));
    return List.copyOf(out);
  }

  /** {@return the distinct buckets of {@link #s3Accesses()}, in order of first use} */
  public Set<String> buckets() {
    Set<String> buckets = new LinkedHashSet<>();
    s3Accesses().forEach(a -> buckets.add(a.location().bucket()));
    return buckets;
  }

  @Override
  public String toString() {
    return "TrainingJobSpec{name=" + name() + ", instanceType=" + instanceType().orElse(null)
        + ", instanceCount=" + totalInstanceCount() + ", vpc=" + vpc().orElse(null)
        + ", inputs=" + inputChannels().size() + ", outputPath=" + outputPath().orElse(null)
        + ", requires=" + requiredServices() + ", requiresInternet=" + requiredInternet()
        + (requiredInVpc().isEmpty() ? "" : ", requiresInVpc=" + requiredInVpc())
        + (acceptedUnverified().isEmpty() ? "" : ", acceptedUnverified=" + acceptedUnverified()) + "}";
  }

  /**
   * Builds a {@link TrainingJobSpec}. Setters take {@code null} for "absent"; collection setters
   * replace; {@code add*}, {@code requires*} and {@code acceptUnverified} append.
   */
  public static final class Builder {
    /** The values so far; its name is a placeholder until {@link #name} is given one. */
    private TrainingJobSpec draft;
    private boolean named;

    private Builder(TrainingJobSpec from) {
      this.draft = from == null ? TrainingJobSpec.of("") : from;
      this.named = from != null;
    }

    /**
     * Sets {@code TrainingJobName}, the one required value.
     *
     * @param name the job name; {@code null} leaves the builder unnamed, and {@link #build()} then throws
     * @return this builder
     */
    public Builder name(String name) {
      named = name != null;
      if (named) {
        draft = draft.withName(name);
      }
      return this;
    }

    /**
     * Sets which API the workload comes from (not part of the request; the job file reader sets it).
     *
     * @param kind the kind; {@code null} for the default, {@link JobKind#TRAINING}
     * @return this builder
     */
    public Builder kind(JobKind kind) {
      draft = draft.withKind(kind == null ? JobKind.TRAINING : kind);
      return this;
    }

    /**
     * Sets the tuning job definition this workload is ({@code DefinitionName}, or
     * {@code TrainingJobDefinitions[i]}), for reports that name it.
     *
     * @param definitionName the definition's name; {@code null} for none
     * @return this builder
     */
    public Builder definitionName(String definitionName) {
      draft = draft.withDefinitionName(Optional.ofNullable(definitionName));
      return this;
    }

    /**
     * Sets {@code RoleArn}, the execution role.
     *
     * @param roleArn the role ARN; {@code null} for none
     * @return this builder
     */
    public Builder roleArn(String roleArn) {
      draft = draft.withRoleArn(Optional.ofNullable(roleArn));
      return this;
    }

    /**
     * Sets {@code AlgorithmSpecification.TrainingImage}.
     *
     * @param trainingImage the image URI; {@code null} for none
     * @return this builder
     */
    public Builder trainingImage(String trainingImage) {
      draft = draft.withTrainingImage(Optional.ofNullable(trainingImage));
      return this;
    }

    /**
     * Sets {@code AlgorithmSpecification.TrainingInputMode}.
     *
     * @param trainingInputMode {@code File}, {@code Pipe} or {@code FastFile}; {@code null} for none
     * @return this builder
     */
    public Builder trainingInputMode(String trainingInputMode) {
      draft = draft.withTrainingInputMode(Optional.ofNullable(trainingInputMode));
      return this;
    }

    /**
     * Sets {@code TrainingImageConfig.TrainingRepositoryAccessMode}.
     *
     * @param mode where the image is pulled from; {@code null} for none
     * @return this builder
     */
    public Builder repositoryAccessMode(RepositoryAccessMode mode) {
      draft = draft.withRepositoryAccessMode(Optional.ofNullable(mode));
      return this;
    }

    /**
     * Sets {@code ResourceConfig.InstanceType}.
     *
     * @param instanceType the instance type, for example {@code ml.p4d.24xlarge}; {@code null} for none
     * @return this builder
     */
    public Builder instanceType(String instanceType) {
      draft = draft.withInstanceType(Optional.ofNullable(instanceType));
      return this;
    }

    /**
     * Sets {@code ResourceConfig.InstanceCount}.
     *
     * @param instanceCount the number of instances; {@code null} for none
     * @return this builder
     */
    public Builder instanceCount(Integer instanceCount) {
      draft = draft.withInstanceCount(Optional.ofNullable(instanceCount));
      return this;
    }

    /**
     * Sets {@code ResourceConfig.VolumeSizeInGB}.
     *
     * @param volumeSizeInGb the volume size of each instance, in GB; {@code null} for none
     * @return this builder
     */
    public Builder volumeSizeInGb(Integer volumeSizeInGb) {
      draft = draft.withVolumeSizeInGb(Optional.ofNullable(volumeSizeInGb));
      return this;
    }

    /**
     * Sets {@code ResourceConfig.VolumeKmsKeyId}.
     *
     * @param volumeKmsKeyId the key id, ARN or alias; {@code null} for none
     * @return this builder
     */
    public Builder volumeKmsKeyId(String volumeKmsKeyId) {
      draft = draft.withVolumeKmsKeyId(Optional.ofNullable(volumeKmsKeyId));
      return this;
    }

    /**
     * Replaces {@code ResourceConfig.InstanceGroups}, the groups of a heterogeneous cluster. A job with
     * instance groups leaves {@code InstanceType} and {@code InstanceCount} unset.
     *
     * @param groups the instance groups, in request order; empty for none
     * @return this builder
     */
    public Builder instanceGroups(Collection<InstanceGroup> groups) {
      draft = draft.withInstanceGroups(groups);
      return this;
    }

    /**
     * Adds an instance group to {@code ResourceConfig.InstanceGroups}.
     *
     * @param name {@code InstanceGroupName}, unique within the job
     * @param instanceType {@code InstanceType} of the group, for example {@code ml.p4d.24xlarge}
     * @param instanceCount {@code InstanceCount}: the number of instances in the group
     * @return this builder
     */
    public Builder addInstanceGroup(String name, String instanceType, int instanceCount) {
      draft = draft.withInstanceGroups(plus(draft.instanceGroups(), InstanceGroup.of(name, instanceType, instanceCount)));
      return this;
    }

    /**
     * Sets {@code VpcConfig}.
     *
     * @param vpc the subnets and security groups; {@code null} for a job outside a VPC
     * @return this builder
     */
    public Builder vpc(VpcSpec vpc) {
      draft = draft.withVpc(Optional.ofNullable(vpc));
      return this;
    }

    /**
     * Edits the VPC config (or starts one): {@code .vpc(v -> v.subnets("subnet-…").securityGroups("sg-…"))}.
     *
     * @param vpc edits a builder of the current VPC config, or of an empty one
     * @return this builder
     */
    public Builder vpc(Consumer<VpcSpec.Builder> vpc) {
      VpcSpec.Builder b = draft.vpc().map(VpcSpec::toBuilder).orElseGet(VpcSpec::builder);
      vpc.accept(b);
      return vpc(b.build());
    }

    /**
     * Replaces {@code InputDataConfig}.
     *
     * @param channels the input channels, in request order; empty for none
     * @return this builder
     */
    public Builder inputChannels(Collection<InputChannel> channels) {
      draft = draft.withInputChannels(channels);
      return this;
    }

    /**
     * Adds a channel to the end of {@code InputDataConfig}: an S3 channel or a file-system (EFS, FSx for
     * Lustre) channel.
     *
     * @param channel the channel
     * @return this builder
     * @throws NullPointerException when {@code channel} is null
     */
    public Builder addInputChannel(InputChannel channel) {
      draft = draft.withInputChannels(plus(draft.inputChannels(), Objects.requireNonNull(channel)));
      return this;
    }

    /**
     * Adds an S3 channel of {@code S3Prefix} data to the end of {@code InputDataConfig}: SageMaker
     * lists the prefix and reads every object under it.
     *
     * @param name {@code ChannelName}, for example {@code train}
     * @param s3Uri {@code DataSource.S3DataSource.S3Uri}, an {@code s3://bucket/prefix} URI
     * @return this builder
     */
    public Builder inputChannel(String name, String s3Uri) {
      return addInputChannel(InputChannel.s3(name, s3Uri));
    }

    /**
     * Adds an S3 channel of the given data type to the end of {@code InputDataConfig}.
     *
     * @param name {@code ChannelName}, for example {@code train}
     * @param s3Uri {@code DataSource.S3DataSource.S3Uri}, an {@code s3://} URI
     * @param s3DataType {@code DataSource.S3DataSource.S3DataType}: {@code S3Prefix},
     *     {@code ManifestFile} or {@code AugmentedManifestFile}
     * @return this builder
     */
    public Builder inputChannel(String name, String s3Uri, String s3DataType) {
      return addInputChannel(InputChannel.builder().name(name).s3Uri(s3Uri).s3DataType(s3DataType).build());
    }

    /**
     * Sets {@code OutputDataConfig.S3OutputPath}.
     *
     * @param outputPath the {@code s3://} output location; {@code null} for none
     * @return this builder
     */
    public Builder outputPath(String outputPath) {
      draft = draft.withOutputPath(Optional.ofNullable(outputPath));
      return this;
    }

    /**
     * Sets {@code OutputDataConfig.KmsKeyId}.
     *
     * @param outputKmsKeyId the key id, ARN or alias; {@code null} for none
     * @return this builder
     */
    public Builder outputKmsKeyId(String outputKmsKeyId) {
      draft = draft.withOutputKmsKeyId(Optional.ofNullable(outputKmsKeyId));
      return this;
    }

    /**
     * Sets {@code CheckpointConfig.S3Uri}.
     *
     * @param checkpointUri the {@code s3://} checkpoint location; {@code null} for none
     * @return this builder
     */
    public Builder checkpointUri(String checkpointUri) {
      draft = draft.withCheckpointUri(Optional.ofNullable(checkpointUri));
      return this;
    }

    /**
     * Replaces the further S3 outputs: debugger, profiler and TensorBoard locations
     * ({@code DebugHookConfig.S3OutputPath}, {@code ProfilerConfig.S3OutputPath},
     * {@code TensorBoardOutputConfig.S3OutputPath}), each with the request field it comes from.
     *
     * @param outputs the outputs; empty for none
     * @return this builder
     */
    public Builder additionalS3Outputs(Collection<S3Output> outputs) {
      draft = draft.withAdditionalS3Outputs(outputs);
      return this;
    }

    /**
     * Adds a further S3 location the job writes (debugger, profiler or TensorBoard output).
     *
     * @param field the request member it comes from, as a JSON path, for example
     *     {@code TensorBoardOutputConfig.S3OutputPath}
     * @param s3Uri the {@code s3://} URI SageMaker writes to
     * @return this builder
     */
    public Builder addS3Output(String field, String s3Uri) {
      draft = draft.withAdditionalS3Outputs(plus(draft.additionalS3Outputs(), S3Output.of(field, s3Uri)));
      return this;
    }

    /**
     * Sets {@code EnableNetworkIsolation}.
     *
     * @param enable true when the training container may not reach the network
     * @return this builder
     */
    public Builder enableNetworkIsolation(boolean enable) {
      draft = draft.withEnableNetworkIsolation(enable);
      return this;
    }

    /**
     * Sets {@code EnableInterContainerTrafficEncryption}.
     *
     * @param enable true to encrypt the traffic between training instances
     * @return this builder
     */
    public Builder enableInterContainerTrafficEncryption(boolean enable) {
      draft = draft.withEnableInterContainerTrafficEncryption(enable);
      return this;
    }

    /**
     * Sets {@code StoppingCondition.MaxRuntimeInSeconds}.
     *
     * @param seconds the longest the job may run; {@code null} for none
     * @return this builder
     */
    public Builder maxRuntimeInSeconds(Integer seconds) {
      draft = draft.withMaxRuntimeInSeconds(Optional.ofNullable(seconds));
      return this;
    }

    /**
     * Adds AWS services the training code calls besides S3 (not part of the API request): in a VPC
     * without internet access each needs an interface endpoint, for example
     * {@code requires(AwsService.STS, AwsService.LOGS)}. A service given twice is kept once.
     *
     * @param services the services to add
     * @return this builder
     */
    public Builder requires(AwsService... services) {
      List<AwsService> all = new ArrayList<>(draft.requiredServices());
      all.addAll(Arrays.asList(services));
      return requiredServices(all);
    }

    /**
     * Replaces the AWS services the training code calls besides S3 (not part of the API request).
     *
     * @param services the services; empty for none
     * @return this builder
     */
    public Builder requiredServices(Collection<AwsService> services) {
      draft = draft.withRequiredServices(services);
      return this;
    }

    /**
     * Adds an internet destination the training code needs (not part of the API request), for example
     * {@code requiresInternet("pypi.org", 443)}: the job's subnets need a route to a NAT gateway.
     *
     * @param host the host name, for example {@code pypi.org}
     * @param port the TCP port, 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException when the host is blank or the port is out of range
     */
    public Builder requiresInternet(String host, int port) {
      draft = draft.withRequiredInternet(plus(draft.requiredInternet(), HostPort.of(host, port)));
      return this;
    }

    /**
     * Replaces the internet destinations the training code needs (not part of the API request).
     *
     * @param destinations the host and port pairs; empty for none
     * @return this builder
     */
    public Builder requiredInternet(Collection<HostPort> destinations) {
      draft = draft.withRequiredInternet(destinations);
      return this;
    }

    /**
     * Adds destinations inside the VPC the training code needs, for example
     * {@code requiresInVpc(VpcTarget.sg("sg-0123456789abcdef0", 5432).withLabel("features"))}. Not part
     * of the API request; a target given twice is kept once.
     *
     * @param targets the destinations to add
     * @return this builder
     * @throws NullPointerException when a target is null
     */
    public Builder requiresInVpc(VpcTarget... targets) {
      List<VpcTarget> all = new ArrayList<>(draft.requiredInVpc());
      for (VpcTarget t : targets) {
        all.add(Objects.requireNonNull(t, "target"));
      }
      return requiredInVpc(all);
    }

    /**
     * Replaces the destinations inside the VPC the training code needs; each is kept once, in
     * first-given order.
     *
     * @param targets the destinations; empty for none
     * @return this builder
     * @throws NullPointerException when a target is null
     */
    public Builder requiredInVpc(Collection<VpcTarget> targets) {
      targets.forEach(t -> Objects.requireNonNull(t, "target"));
      draft = draft.withRequiredInVpc(List.copyOf(new LinkedHashSet<>(targets)));
      return this;
    }

    /**
     * Asks that the S3 endpoint policy block the Amazon Linux package repositories (not part of the API
     * request): {@code s3.packages.not-blocked} then reports an endpoint policy that lets them through as a
     * WARNING instead of INFO. Off by default.
     *
     * @return this builder
     */
    public Builder blockPackageRepositories() {
      return blockPackageRepositories(true);
    }

    /**
     * Sets whether the S3 endpoint policy should block the Amazon Linux package repositories.
     *
     * @param block true to ask for the block; false (the default) leaves them reachable
     * @return this builder
     */
    public Builder blockPackageRepositories(boolean block) {
      draft = draft.withBlockPackageRepositories(block);
      return this;
    }

    /**
     * Accepts every UNVERIFIED finding of {@code ruleId} (a transit gateway you know works, an
     * on-premises DNS server): it stays in the report, marked accepted, and no longer holds the
     * verdict back. A FAIL is never accepted. The rule engine rejects an id it does not have.
     *
     * @param ruleId the rule id, for example {@code target.unmodeled}
     * @return this builder
     * @throws IllegalArgumentException for a blank or malformed rule id
     */
    public Builder acceptUnverified(String ruleId) {
      return acceptUnverified(Acceptance.of(ruleId));
    }

    /**
     * Accepts the UNVERIFIED findings of {@code ruleId} that name {@code resource}, for example
     * {@code acceptUnverified("s3.route.unmodeled", "subnet-0a1b2c3d4e5f60718")}.
     *
     * @param ruleId the rule id, for example {@code s3.route.unmodeled}
     * @param resource the id of the resource the findings name, for example a subnet or route table id
     * @return this builder
     * @throws IllegalArgumentException for a blank or malformed rule id or resource
     */
    public Builder acceptUnverified(String ruleId, String resource) {
      return acceptUnverified(Acceptance.of(ruleId, resource));
    }

    /**
     * Adds an acceptance of UNVERIFIED findings (once: a repeat is ignored).
     *
     * @param acceptance the rule id, and optionally the resource, whose UNVERIFIED findings are accepted
     * @return this builder
     * @throws NullPointerException when {@code acceptance} is null
     */
    public Builder acceptUnverified(Acceptance acceptance) {
      draft = draft.withAcceptedUnverified(
          plus(draft.acceptedUnverified(), Objects.requireNonNull(acceptance, "acceptance")));
      return this;
    }

    /**
     * Replaces the acceptances of UNVERIFIED findings; a repeated acceptance is kept once.
     *
     * @param acceptances the acceptances; empty for none
     * @return this builder
     * @throws NullPointerException when an acceptance is null
     */
    public Builder acceptedUnverified(Collection<Acceptance> acceptances) {
      acceptances.forEach(a -> Objects.requireNonNull(a, "acceptance"));
      draft = draft.withAcceptedUnverified(acceptances);
      return this;
    }

    /**
     * Overrides Elastic Fabric Adapter detection (not part of the API request). EFA traffic needs a
     * security group that allows all traffic to and from itself.
     *
     * @param efa true when the job uses EFA, false when it does not; {@code null} (the default) decides
     *     from the instance types ({@link EfaInstanceTypes})
     * @return this builder
     */
    public Builder efa(Boolean efa) {
      draft = draft.withEfa(Optional.ofNullable(efa));
      return this;
    }

    /**
     * Sets the job's region (not part of the API request); without it the snapshot's region applies.
     *
     * @param region the region, for example {@code us-east-1}; {@code null} for none
     * @return this builder
     */
    public Builder region(String region) {
      draft = draft.withRegion(Optional.ofNullable(region));
      return this;
    }

    /**
     * Replaces the {@code CreateTrainingJob} members vpctrain does not model, kept for a faithful round trip.
     *
     * @param extras member name (or JSON path) to its JSON text
     * @return this builder
     */
    public Builder apiExtras(Map<String, String> extras) {
      draft = draft.withApiExtras(extras);
      return this;
    }

    /**
     * Adds or replaces one member vpctrain does not model.
     *
     * @param member the member name, or the JSON path of a nested member
     * @param json its value as JSON text
     * @return this builder
     */
    public Builder putApiExtra(String member, String json) {
      Map<String, String> extras = new LinkedHashMap<>(draft.apiExtras());
      extras.put(Objects.requireNonNull(member), Objects.requireNonNull(json));
      return apiExtras(extras);
    }

    /**
     * Sets one {@code HyperParameters} entry (others are kept; {@code null} removes it), sent to
     * {@code CreateTrainingJob} as given: {@code hyperParameter("epochs", "10")}.
     *
     * @param name the hyperparameter, at most 256 characters
     * @param value its value, at most 2500 characters; null removes the hyperparameter
     * @return this builder
     * @throws IllegalArgumentException when the name or value is too long, or the job would have more than 100
     *     hyperparameters (CreateTrainingJob's limits)
     */
    public Builder hyperParameter(String name, String value) {
      Map<String, String> all = new LinkedHashMap<>(Hyperparameters.all(draft.apiExtras()));
      if (value == null) {
        if (name == null || all.remove(name) == null) {
          return this;
        }
      } else {
        Hyperparameters.check(name, value);
        all.put(name, value);
        Hyperparameters.checkCount(all.size());
      }
      return withHyperParameters(all);
    }

    /**
     * Replaces every {@code HyperParameters} entry (the code package's too) with {@code hyperParameters}, in
     * their iteration order; an empty map removes them all.
     *
     * @param hyperParameters name to value, as {@code CreateTrainingJob} takes them
     * @return this builder
     * @throws IllegalArgumentException when a name or value is too long or there are more than 100 entries
     */
    public Builder hyperParameters(Map<String, String> hyperParameters) {
      Objects.requireNonNull(hyperParameters, "hyperParameters");
      hyperParameters.forEach(Hyperparameters::check);
      Hyperparameters.checkCount(hyperParameters.size());
      return withHyperParameters(new LinkedHashMap<>(hyperParameters));
    }

    private Builder withHyperParameters(Map<String, String> all) {
      if (all.isEmpty()) {
        Map<String, String> extras = new LinkedHashMap<>(draft.apiExtras());
        extras.remove(Hyperparameters.MEMBER);
        return apiExtras(extras);
      }
      return putApiExtra(Hyperparameters.MEMBER, Hyperparameters.of(all));
    }

    /**
     * Sets the training code package, {@code s3://bucket/key/sourcedir.tar.gz}, as the SageMaker
     * SDKs do: the {@code sagemaker_submit_directory} hyperparameter, JSON-quoted, in the
     * {@code HyperParameters} extra (other hyperparameters are kept). The training container downloads the
     * package with the execution role, so it is checked as an S3 read ({@link TrainingJobSpec#s3Accesses()}).
     *
     * @param s3Uri the package's {@code s3://bucket/key} URI; {@code null} removes it
     * @return this builder
     */
    public Builder codePackage(String s3Uri) {
      String current = draft.apiExtras().get(Hyperparameters.MEMBER);
      String map = Hyperparameters.with(current, SUBMIT_DIRECTORY, s3Uri == null ? null : "\"" + s3Uri + "\"");
      if (map.equals("{}") && current == null) {
        return this;
      }
      return putApiExtra(Hyperparameters.MEMBER, map);
    }

    /**
     * Builds the spec. Only a missing name is refused here: what a rule checks (malformed ids, counts) is
     * reported by that rule in the preflight report.
     *
     * @return the immutable spec
     * @throws NullPointerException when no name was set
     */
    public TrainingJobSpec build() {
      if (!named) {
        throw new NullPointerException("TrainingJobSpec.name is required");
      }
      return draft;
    }

    private static <T> List<T> plus(List<T> list, T element) {
      List<T> out = new ArrayList<>(list);
      out.add(element);
      return out;
    }
  }
}
