package dev.vpctrain.core.job;

import dev.vpctrain.core.report.Acceptance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A SageMaker training job as vpctrain sees it: the {@code CreateTrainingJob} request's network
 * intent plus what the training code needs beyond S3. Immutable; build with {@link #builder()},
 * copy with {@link #toBuilder()}. Only a missing name is rejected at {@code build()}: everything a
 * rule checks (malformed ids, counts) is reported by that rule, not thrown.
 */
public final class TrainingJobSpec {
  /** The hyperparameter in which the SageMaker SDKs pass the training code package. */
  public static final String SUBMIT_DIRECTORY = "sagemaker_submit_directory";
  /** The field findings name for the code package. */
  public static final String CODE_PACKAGE_FIELD = "HyperParameters." + SUBMIT_DIRECTORY;

  private final String name;
  private final Optional<String> roleArn;
  private final Optional<String> trainingImage;
  private final Optional<String> trainingInputMode;
  private final Optional<RepositoryAccessMode> repositoryAccessMode;
  private final Optional<String> instanceType;
  private final Optional<Integer> instanceCount;
  private final Optional<Integer> volumeSizeInGb;
  private final Optional<String> volumeKmsKeyId;
  private final List<InstanceGroup> instanceGroups;
  private final Optional<VpcSpec> vpc;
  private final List<InputChannel> inputChannels;
  private final Optional<String> outputPath;
  private final Optional<String> outputKmsKeyId;
  private final Optional<String> checkpointUri;
  private final List<S3Output> additionalS3Outputs;
  private final boolean enableNetworkIsolation;
  private final boolean enableInterContainerTrafficEncryption;
  private final Optional<Integer> maxRuntimeInSeconds;
  private final Set<AwsService> requiredServices;
  private final List<HostPort> requiredInternet;
  private final boolean blockPackageRepositories;
  private final List<Acceptance> acceptedUnverified;
  private final Optional<Boolean> efa;
  private final Optional<String> region;
  private final Map<String, String> apiExtras;
  private final Optional<String> codePackage;
  /** {@link #s3Accesses()}, computed on first use (rules ask for it many times per evaluation). */
  private volatile List<S3Access> s3Accesses;

  private TrainingJobSpec(Builder b) {
    this.name = Objects.requireNonNull(b.name, "TrainingJobSpec.name is required");
    this.roleArn = Optional.ofNullable(b.roleArn);
    this.trainingImage = Optional.ofNullable(b.trainingImage);
    this.trainingInputMode = Optional.ofNullable(b.trainingInputMode);
    this.repositoryAccessMode = Optional.ofNullable(b.repositoryAccessMode);
    this.instanceType = Optional.ofNullable(b.instanceType);
    this.instanceCount = Optional.ofNullable(b.instanceCount);
    this.volumeSizeInGb = Optional.ofNullable(b.volumeSizeInGb);
    this.volumeKmsKeyId = Optional.ofNullable(b.volumeKmsKeyId);
    this.instanceGroups = List.copyOf(b.instanceGroups);
    this.vpc = Optional.ofNullable(b.vpc);
    this.inputChannels = List.copyOf(b.inputChannels);
    this.outputPath = Optional.ofNullable(b.outputPath);
    this.outputKmsKeyId = Optional.ofNullable(b.outputKmsKeyId);
    this.checkpointUri = Optional.ofNullable(b.checkpointUri);
    this.additionalS3Outputs = List.copyOf(b.additionalS3Outputs);
    this.enableNetworkIsolation = b.enableNetworkIsolation;
    this.enableInterContainerTrafficEncryption = b.enableInterContainerTrafficEncryption;
    this.maxRuntimeInSeconds = Optional.ofNullable(b.maxRuntimeInSeconds);
    this.requiredServices = Collections.unmodifiableSet(new TreeSet<>(b.requiredServices));
    this.requiredInternet = List.copyOf(b.requiredInternet);
    this.blockPackageRepositories = b.blockPackageRepositories;
    this.acceptedUnverified = List.copyOf(b.acceptedUnverified);
    this.efa = Optional.ofNullable(b.efa);
    this.region = Optional.ofNullable(b.region);
    this.apiExtras = Collections.unmodifiableMap(new LinkedHashMap<>(b.apiExtras));
    this.codePackage = Hyperparameters.get(apiExtras, SUBMIT_DIRECTORY);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this spec's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.roleArn = roleArn.orElse(null);
    b.trainingImage = trainingImage.orElse(null);
    b.trainingInputMode = trainingInputMode.orElse(null);
    b.repositoryAccessMode = repositoryAccessMode.orElse(null);
    b.instanceType = instanceType.orElse(null);
    b.instanceCount = instanceCount.orElse(null);
    b.volumeSizeInGb = volumeSizeInGb.orElse(null);
    b.volumeKmsKeyId = volumeKmsKeyId.orElse(null);
    b.instanceGroups.addAll(instanceGroups);
    b.vpc = vpc.orElse(null);
    b.inputChannels.addAll(inputChannels);
    b.outputPath = outputPath.orElse(null);
    b.outputKmsKeyId = outputKmsKeyId.orElse(null);
    b.checkpointUri = checkpointUri.orElse(null);
    b.additionalS3Outputs.addAll(additionalS3Outputs);
    b.enableNetworkIsolation = enableNetworkIsolation;
    b.enableInterContainerTrafficEncryption = enableInterContainerTrafficEncryption;
    b.maxRuntimeInSeconds = maxRuntimeInSeconds.orElse(null);
    b.requiredServices.addAll(requiredServices);
    b.requiredInternet.addAll(requiredInternet);
    b.blockPackageRepositories = blockPackageRepositories;
    b.acceptedUnverified.addAll(acceptedUnverified);
    b.efa = efa.orElse(null);
    b.region = region.orElse(null);
    b.apiExtras.putAll(apiExtras);
    return b;
  }

  /** {@code TrainingJobName}. */
  public String name() {
    return name;
  }

  public Optional<String> roleArn() {
    return roleArn;
  }

  /** {@code AlgorithmSpecification.TrainingImage}. */
  public Optional<String> trainingImage() {
    return trainingImage;
  }

  /** {@code AlgorithmSpecification.TrainingInputMode}: {@code File}, {@code Pipe} or {@code FastFile}. */
  public Optional<String> trainingInputMode() {
    return trainingInputMode;
  }

  /** {@code AlgorithmSpecification.TrainingImageConfig.TrainingRepositoryAccessMode}. */
  public Optional<RepositoryAccessMode> repositoryAccessMode() {
    return repositoryAccessMode;
  }

  /** {@code ResourceConfig.InstanceType} (absent with instance groups). */
  public Optional<String> instanceType() {
    return instanceType;
  }

  /** {@code ResourceConfig.InstanceCount} (absent with instance groups). */
  public Optional<Integer> instanceCount() {
    return instanceCount;
  }

  public Optional<Integer> volumeSizeInGb() {
    return volumeSizeInGb;
  }

  public Optional<String> volumeKmsKeyId() {
    return volumeKmsKeyId;
  }

  /** {@code ResourceConfig.InstanceGroups}. */
  public List<InstanceGroup> instanceGroups() {
    return instanceGroups;
  }

  /** {@code VpcConfig}; absent for a job outside a VPC. */
  public Optional<VpcSpec> vpc() {
    return vpc;
  }

  public List<InputChannel> inputChannels() {
    return inputChannels;
  }

  /** {@code OutputDataConfig.S3OutputPath}. */
  public Optional<String> outputPath() {
    return outputPath;
  }

  public Optional<String> outputKmsKeyId() {
    return outputKmsKeyId;
  }

  /** {@code CheckpointConfig.S3Uri}. */
  public Optional<String> checkpointUri() {
    return checkpointUri;
  }

  /** Debugger, profiler and TensorBoard S3 outputs. */
  public List<S3Output> additionalS3Outputs() {
    return additionalS3Outputs;
  }

  public boolean enableNetworkIsolation() {
    return enableNetworkIsolation;
  }

  public boolean enableInterContainerTrafficEncryption() {
    return enableInterContainerTrafficEncryption;
  }

  /** {@code StoppingCondition.MaxRuntimeInSeconds}. */
  public Optional<Integer> maxRuntimeInSeconds() {
    return maxRuntimeInSeconds;
  }

  /** AWS services the training code calls besides S3 (not part of the API request). */
  public Set<AwsService> requiredServices() {
    return requiredServices;
  }

  /** Internet destinations the training code needs (not part of the API request). */
  public List<HostPort> requiredInternet() {
    return requiredInternet;
  }

  /** True when the user asks that Amazon Linux package repositories be blocked. */
  public boolean blockPackageRepositories() {
    return blockPackageRepositories;
  }

  /**
   * The UNVERIFIED checks the user accepts (not part of the API request): what the snapshot cannot
   * show but the user knows works. The rule engine marks the findings they match accepted; a FAIL
   * is never accepted.
   */
  public List<Acceptance> acceptedUnverified() {
    return acceptedUnverified;
  }

  /** An explicit EFA override; absent means "decide from the instance type". */
  public Optional<Boolean> efa() {
    return efa;
  }

  /** The job's region when the spec names it; otherwise the snapshot's region applies. */
  public Optional<String> region() {
    return region;
  }

  /**
   * Other {@code CreateTrainingJob} members, kept verbatim for a faithful round trip: member name
   * to its JSON text. No rule reads them. A member nested in a modeled structure is keyed by its
   * JSON path, for example {@code ResourceConfig.KeepAlivePeriodInSeconds} or
   * {@code InputDataConfig[0].ContentType}.
   */
  public Map<String, String> apiExtras() {
    return apiExtras;
  }

  /**
   * The training code package: the {@code sagemaker_submit_directory} hyperparameter (read from
   * {@code apiExtras()["HyperParameters"]}) with the SDKs' JSON quoting removed, for example
   * {@code s3://bucket/job/source/sourcedir.tar.gz}; empty when the job has none. The value is as
   * given: {@link #s3Accesses()} holds it when it is a well-formed {@code s3://} object URI, and
   * {@code request.id.malformed} reports it otherwise (an absolute path in the container, which the
   * SDKs use for code delivered in an input channel, is not an S3 location).
   */
  public Optional<String> codePackage() {
    return codePackage;
  }

  /** The code package's object when {@link #codePackage()} is an {@code s3://bucket/key} URI naming one object. */
  public Optional<S3Uri> codePackageObject() {
    return codePackage.filter(v -> v.startsWith("s3://")).flatMap(S3Uri::parse).filter(u -> !u.key().isEmpty());
  }

  /**
   * Total instances: {@code InstanceCount}, or the sum over instance groups (summed without
   * overflow, and capped at {@link Integer#MAX_VALUE}).
   */
  public int totalInstanceCount() {
    if (!instanceGroups.isEmpty()) {
      long sum = instanceGroups.stream().mapToLong(InstanceGroup::instanceCount).sum();
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sum));
    }
    return instanceCount.orElse(1);
  }

  /** True when more than one instance runs (rules.md "distributed"). */
  public boolean isDistributed() {
    return totalInstanceCount() > 1;
  }

  /** Every instance type the job uses. */
  public List<String> instanceTypes() {
    if (!instanceGroups.isEmpty()) {
      List<String> types = new ArrayList<>();
      instanceGroups.forEach(g -> types.add(g.instanceType()));
      return types;
    }
    return instanceType.map(List::of).orElse(List.of());
  }

  /** True when the job uses EFA: the override, else any instance type is EFA-capable. */
  public boolean isEfa() {
    return efa.orElseGet(() -> instanceTypes().stream().anyMatch(EfaInstanceTypes::isEfaCapable));
  }

  /**
   * Every S3 location the job touches with the actions SageMaker performs there: inputs read
   * ({@code s3:GetObject}, plus {@code s3:ListBucket} for {@code S3Prefix} data), the output and
   * other outputs written ({@code s3:PutObject}), checkpoints read and written, and the training
   * code package ({@link #codePackage()}), one object read ({@code s3:GetObject}). Malformed URIs are
   * skipped here (the {@code request.id.malformed} rule reports them). Every S3 rule and the
   * remediation planner read the job's S3 requests from here.
   */
  public List<S3Access> s3Accesses() {
    List<S3Access> known = s3Accesses;
    if (known == null) {
      known = computeS3Accesses();
      s3Accesses = known;
    }
    return known;
  }

  private List<S3Access> computeS3Accesses() {
    List<S3Access> out = new ArrayList<>();
    for (int i = 0; i < inputChannels.size(); i++) {
      InputChannel c = inputChannels.get(i);
      int index = i;
      c.s3Uri().flatMap(S3Uri::parse).ifPresent(uri -> {
        List<String> actions = "S3Prefix".equalsIgnoreCase(c.s3DataType())
            ? List.of("s3:GetObject", "s3:ListBucket")
            : List.of("s3:GetObject");
        out.add(new S3Access("InputDataConfig[" + index + "].DataSource.S3DataSource.S3Uri", uri, actions));
      });
    }
    outputPath.flatMap(S3Uri::parse).ifPresent(uri ->
        out.add(new S3Access("OutputDataConfig.S3OutputPath", uri, List.of("s3:PutObject"))));
    checkpointUri.flatMap(S3Uri::parse).ifPresent(uri ->
        out.add(new S3Access("CheckpointConfig.S3Uri", uri, List.of("s3:GetObject", "s3:ListBucket", "s3:PutObject"))));
    for (S3Output o : additionalS3Outputs) {
      S3Uri.parse(o.s3Uri()).ifPresent(uri -> out.add(new S3Access(o.field(), uri, List.of("s3:PutObject"))));
    }
    codePackageObject().ifPresent(uri -> out.add(S3Access.object(CODE_PACKAGE_FIELD, uri, List.of("s3:GetObject"))));
    return List.copyOf(out);
  }

  /** The distinct buckets of {@link #s3Accesses()}, in order of first use. */
  public Set<String> buckets() {
    Set<String> buckets = new LinkedHashSet<>();
    s3Accesses().forEach(a -> buckets.add(a.location().bucket()));
    return buckets;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TrainingJobSpec)) {
      return false;
    }
    TrainingJobSpec t = (TrainingJobSpec) o;
    return enableNetworkIsolation == t.enableNetworkIsolation
        && enableInterContainerTrafficEncryption == t.enableInterContainerTrafficEncryption
        && blockPackageRepositories == t.blockPackageRepositories
        && name.equals(t.name)
        && roleArn.equals(t.roleArn)
        && trainingImage.equals(t.trainingImage)
        && trainingInputMode.equals(t.trainingInputMode)
        && repositoryAccessMode.equals(t.repositoryAccessMode)
        && instanceType.equals(t.instanceType)
        && instanceCount.equals(t.instanceCount)
        && volumeSizeInGb.equals(t.volumeSizeInGb)
        && volumeKmsKeyId.equals(t.volumeKmsKeyId)
        && instanceGroups.equals(t.instanceGroups)
        && vpc.equals(t.vpc)
        && inputChannels.equals(t.inputChannels)
        && outputPath.equals(t.outputPath)
        && outputKmsKeyId.equals(t.outputKmsKeyId)
        && checkpointUri.equals(t.checkpointUri)
        && additionalS3Outputs.equals(t.additionalS3Outputs)
        && maxRuntimeInSeconds.equals(t.maxRuntimeInSeconds)
        && requiredServices.equals(t.requiredServices)
        && requiredInternet.equals(t.requiredInternet)
        && acceptedUnverified.equals(t.acceptedUnverified)
        && efa.equals(t.efa)
        && region.equals(t.region)
        && apiExtras.equals(t.apiExtras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, roleArn, trainingImage, instanceType, instanceCount, instanceGroups, vpc,
        inputChannels, outputPath, checkpointUri, requiredServices, requiredInternet, acceptedUnverified, apiExtras);
  }

  @Override
  public String toString() {
    return "TrainingJobSpec{name=" + name + ", instanceType=" + instanceType.orElse(null)
        + ", instanceCount=" + totalInstanceCount() + ", vpc=" + vpc.orElse(null)
        + ", inputs=" + inputChannels.size() + ", outputPath=" + outputPath.orElse(null)
        + ", requires=" + requiredServices + ", requiresInternet=" + requiredInternet
        + (acceptedUnverified.isEmpty() ? "" : ", acceptedUnverified=" + acceptedUnverified) + "}";
  }

  /**
   * Builds a {@link TrainingJobSpec}. Collection setters replace; {@code add*}, {@code requires*}
   * and {@code acceptUnverified} append.
   */
  public static final class Builder {
    private String name;
    private String roleArn;
    private String trainingImage;
    private String trainingInputMode;
    private RepositoryAccessMode repositoryAccessMode;
    private String instanceType;
    private Integer instanceCount;
    private Integer volumeSizeInGb;
    private String volumeKmsKeyId;
    private final List<InstanceGroup> instanceGroups = new ArrayList<>();
    private VpcSpec vpc;
    private final List<InputChannel> inputChannels = new ArrayList<>();
    private String outputPath;
    private String outputKmsKeyId;
    private String checkpointUri;
    private final List<S3Output> additionalS3Outputs = new ArrayList<>();
    private boolean enableNetworkIsolation;
    private boolean enableInterContainerTrafficEncryption;
    private Integer maxRuntimeInSeconds;
    private final Set<AwsService> requiredServices = new LinkedHashSet<>();
    private final List<HostPort> requiredInternet = new ArrayList<>();
    private boolean blockPackageRepositories;
    private final Set<Acceptance> acceptedUnverified = new LinkedHashSet<>();
    private Boolean efa;
    private String region;
    private final Map<String, String> apiExtras = new LinkedHashMap<>();

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder roleArn(String roleArn) {
      this.roleArn = roleArn;
      return this;
    }

    public Builder trainingImage(String trainingImage) {
      this.trainingImage = trainingImage;
      return this;
    }

    public Builder trainingInputMode(String trainingInputMode) {
      this.trainingInputMode = trainingInputMode;
      return this;
    }

    public Builder repositoryAccessMode(RepositoryAccessMode mode) {
      this.repositoryAccessMode = mode;
      return this;
    }

    public Builder instanceType(String instanceType) {
      this.instanceType = instanceType;
      return this;
    }

    public Builder instanceCount(Integer instanceCount) {
      this.instanceCount = instanceCount;
      return this;
    }

    public Builder volumeSizeInGb(Integer volumeSizeInGb) {
      this.volumeSizeInGb = volumeSizeInGb;
      return this;
    }

    public Builder volumeKmsKeyId(String volumeKmsKeyId) {
      this.volumeKmsKeyId = volumeKmsKeyId;
      return this;
    }

    public Builder instanceGroups(Collection<InstanceGroup> groups) {
      instanceGroups.clear();
      instanceGroups.addAll(groups);
      return this;
    }

    public Builder addInstanceGroup(String name, String instanceType, int instanceCount) {
      instanceGroups.add(InstanceGroup.of(name, instanceType, instanceCount));
      return this;
    }

    public Builder vpc(VpcSpec vpc) {
      this.vpc = vpc;
      return this;
    }

    /** Sets the VPC config: {@code .vpc(v -> v.subnets("subnet-…").securityGroups("sg-…"))}. */
    public Builder vpc(Consumer<VpcSpec.Builder> vpc) {
      VpcSpec.Builder b = this.vpc == null ? VpcSpec.builder() : this.vpc.toBuilder();
      vpc.accept(b);
      this.vpc = b.build();
      return this;
    }

    public Builder inputChannels(Collection<InputChannel> channels) {
      inputChannels.clear();
      inputChannels.addAll(channels);
      return this;
    }

    public Builder addInputChannel(InputChannel channel) {
      inputChannels.add(Objects.requireNonNull(channel));
      return this;
    }

    /** Adds an S3 channel of {@code S3Prefix} data. */
    public Builder inputChannel(String name, String s3Uri) {
      return addInputChannel(InputChannel.s3(name, s3Uri));
    }

    /** Adds an S3 channel of the given data type ({@code S3Prefix}, {@code ManifestFile}, …). */
    public Builder inputChannel(String name, String s3Uri, String s3DataType) {
      return addInputChannel(InputChannel.builder().name(name).s3Uri(s3Uri).s3DataType(s3DataType).build());
    }

    public Builder outputPath(String outputPath) {
      this.outputPath = outputPath;
      return this;
    }

    public Builder outputKmsKeyId(String outputKmsKeyId) {
      this.outputKmsKeyId = outputKmsKeyId;
      return this;
    }

    public Builder checkpointUri(String checkpointUri) {
      this.checkpointUri = checkpointUri;
      return this;
    }

    public Builder additionalS3Outputs(Collection<S3Output> outputs) {
      additionalS3Outputs.clear();
      additionalS3Outputs.addAll(outputs);
      return this;
    }

    public Builder addS3Output(String field, String s3Uri) {
      additionalS3Outputs.add(S3Output.of(field, s3Uri));
      return this;
    }

    public Builder enableNetworkIsolation(boolean enable) {
      this.enableNetworkIsolation = enable;
      return this;
    }

    public Builder enableInterContainerTrafficEncryption(boolean enable) {
      this.enableInterContainerTrafficEncryption = enable;
      return this;
    }

    public Builder maxRuntimeInSeconds(Integer seconds) {
      this.maxRuntimeInSeconds = seconds;
      return this;
    }

    /** Adds AWS services the training code calls. */
    public Builder requires(AwsService... services) {
      requiredServices.addAll(Arrays.asList(services));
      return this;
    }

    public Builder requiredServices(Collection<AwsService> services) {
      requiredServices.clear();
      requiredServices.addAll(services);
      return this;
    }

    /** Adds an internet destination the training code needs. */
    public Builder requiresInternet(String host, int port) {
      requiredInternet.add(HostPort.of(host, port));
      return this;
    }

    public Builder requiredInternet(Collection<HostPort> destinations) {
      requiredInternet.clear();
      requiredInternet.addAll(destinations);
      return this;
    }

    /** Asks that the S3 endpoint policy block the Amazon Linux package repositories. */
    public Builder blockPackageRepositories() {
      return blockPackageRepositories(true);
    }

    public Builder blockPackageRepositories(boolean block) {
      this.blockPackageRepositories = block;
      return this;
    }

    /**
     * Accepts every UNVERIFIED finding of {@code ruleId} (a transit gateway you know works, an
     * on-premises DNS server): it stays in the report, marked accepted, and no longer holds the
     * verdict back. A FAIL is never accepted. The rule engine rejects an id it does not have.
     *
     * @throws IllegalArgumentException for a blank or malformed rule id
     */
    public Builder acceptUnverified(String ruleId) {
      return acceptUnverified(Acceptance.of(ruleId));
    }

    /**
     * Accepts the UNVERIFIED findings of {@code ruleId} that name {@code resource}, for example
     * {@code acceptUnverified("s3.route.unmodeled", "subnet-0a1b2c3d4e5f60718")}.
     *
     * @throws IllegalArgumentException for a blank or malformed rule id or resource
     */
    public Builder acceptUnverified(String ruleId, String resource) {
      return acceptUnverified(Acceptance.of(ruleId, resource));
    }

    /** Adds an acceptance of UNVERIFIED findings. */
    public Builder acceptUnverified(Acceptance acceptance) {
      acceptedUnverified.add(Objects.requireNonNull(acceptance, "acceptance"));
      return this;
    }

    /** Replaces the acceptances of UNVERIFIED findings. */
    public Builder acceptedUnverified(Collection<Acceptance> acceptances) {
      acceptedUnverified.clear();
      acceptances.forEach(this::acceptUnverified);
      return this;
    }

    /** Overrides EFA detection; {@code null} decides from the instance type. */
    public Builder efa(Boolean efa) {
      this.efa = efa;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder apiExtras(Map<String, String> extras) {
      apiExtras.clear();
      apiExtras.putAll(extras);
      return this;
    }

    public Builder putApiExtra(String member, String json) {
      apiExtras.put(Objects.requireNonNull(member), Objects.requireNonNull(json));
      return this;
    }

    /**
     * Sets the training code package, {@code s3://bucket/key/sourcedir.tar.gz}, as the SageMaker
     * SDKs do: the {@code sagemaker_submit_directory} hyperparameter, JSON-quoted, in the
     * {@code HyperParameters} extra (other hyperparameters are kept). {@code null} removes it.
     */
    public Builder codePackage(String s3Uri) {
      String map = Hyperparameters.with(apiExtras.get(Hyperparameters.MEMBER), SUBMIT_DIRECTORY,
          s3Uri == null ? null : "\"" + s3Uri + "\"");
      if (map.equals("{}") && !apiExtras.containsKey(Hyperparameters.MEMBER)) {
        return this;
      }
      apiExtras.put(Hyperparameters.MEMBER, map);
      return this;
    }

    /** Builds the spec; throws {@link NullPointerException} only when the name is missing. */
    public TrainingJobSpec build() {
      return new TrainingJobSpec(this);
    }
  }
}
