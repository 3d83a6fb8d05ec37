package dev.vpctrain.aws.job;

import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.json.JsonTrees;
import dev.vpctrain.aws.internal.json.SdkJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.InstanceGroup;
import dev.vpctrain.core.job.RepositoryAccessMode;
import dev.vpctrain.core.job.S3Output;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.VpcSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Maps a {@link TrainingJobSpec} to the complete SageMaker {@code CreateTrainingJobRequest} and back:
 * the one mapping between the two. A job file is read into the request first
 * ({@code dev.vpctrain.aws.job.JobFile}) and mapped by {@link #toSpec}; a launch maps the spec to the
 * request it sends by {@link #toRequest}.
 *
 * <p>The spec models the request's network intent; every other member travels in
 * {@link TrainingJobSpec#apiExtras()} as JSON text in the API's own shape, keyed either by a
 * top-level member name ({@code "HyperParameters"}, {@code "Tags"}, {@code "RetryStrategy"}) or by
 * the path of a member inside a structure the spec partly models
 * ({@code "StoppingCondition.MaxWaitTimeInSeconds"}, {@code "InputDataConfig[0].ContentType"}).
 * Extras are merged first and the modeled fields written over them, so where both name a value
 * the modeled field wins; the spec's input channels and instance groups decide how many there are.
 * Every member of the SDK's request shape can be carried this way; an unknown member is an
 * {@link SdkJsonException} naming its path. A modeled value is never in the extras too: the S3 output
 * paths of debugger, profiler and TensorBoard configurations are listed in
 * {@link TrainingJobSpec#additionalS3Outputs()} (in the API's member order) and the rest of those
 * structures is kept by path ({@code "DebugHookConfig.CollectionConfigurations"}).
 *
 * <p>Round trips: {@code toRequest(toSpec(r))} equals {@code r} (with both network flags made
 * explicit); {@code toSpec(toRequest(s))} equals {@code s} for the parts a request holds (not
 * {@code requires}, {@code requiresInternet}, {@code blockPackageRepositories}, {@code efa},
 * {@code region}).
 */
public final class TrainingJobRequests {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Members whose map value is compared exactly (both ways) for idempotency. */
  private static final Set<String> EXACT_MAPS = Set.of("HyperParameters", "Environment");
  /** Lists compared as sets. */
  private static final Set<String> SET_LISTS = Set.of("VpcConfig.Subnets", "VpcConfig.SecurityGroupIds");
  /** Members that carry further S3 outputs (structures, or lists of them), in the API's member order. */
  private static final List<String> S3_OUTPUT_HOLDERS = List.of("DebugHookConfig", "DebugRuleConfigurations",
      "TensorBoardOutputConfig", "ProfilerConfig", "ProfilerRuleConfigurations");
  /** Members DescribeTrainingJob does not return (Tags need ListTags), so never compared. */
  private static final Set<String> NOT_DESCRIBED = Set.of("Tags");

  private TrainingJobRequests() {}

  /**
   * {@return the complete request for {@code spec}}
   *
   * @param spec the spec
   */
  public static CreateTrainingJobRequest toRequest(TrainingJobSpec spec) {
    return SdkJson.read(CreateTrainingJobRequest::builder, toJson(spec), "");
  }

  /**
   * {@return the request JSON for {@code spec}, in the AWS CLI's {@code --cli-input-json} shape}
   *
   * @param spec the spec
   */
  public static ObjectNode toJson(TrainingJobSpec spec) {
    ObjectNode root = NODES.objectNode();
    spec.apiExtras().forEach((path, text) -> {
      JsonNode value;
      try {
        value = JsonInput.mapper().readTree(text);
      } catch (JsonProcessingException e) {
        throw new SdkJsonException(path, "apiExtras value is not valid JSON: " + e.getOriginalMessage());
      }
      if (value == null) {
        throw new SdkJsonException(path, "apiExtras value is empty");
      }
      JsonNode existing = JsonPaths.get(root, path);
      JsonPaths.set(root, path, JsonPaths.merge(existing == null ? null : existing.deepCopy(), value));
    });

    text(root, "TrainingJobName", spec.name());
    spec.roleArn().ifPresent(v -> text(root, "RoleArn", v));
    spec.trainingImage().ifPresent(v -> text(root, "AlgorithmSpecification.TrainingImage", v));
    spec.trainingInputMode().ifPresent(v -> text(root, "AlgorithmSpecification.TrainingInputMode", v));
    spec.repositoryAccessMode().ifPresent(m -> text(root,
        "AlgorithmSpecification.TrainingImageConfig.TrainingRepositoryAccessMode", wireName(m)));

    List<InstanceGroup> groups = spec.instanceGroups();
    truncate(root, "ResourceConfig", "InstanceGroups", groups.size());
    for (int i = 0; i < groups.size(); i++) {
      String p = "ResourceConfig.InstanceGroups[" + i + "].";
      text(root, p + "InstanceGroupName", groups.get(i).name());
      text(root, p + "InstanceType", groups.get(i).instanceType());
      JsonPaths.set(root, p + "InstanceCount", NODES.numberNode(groups.get(i).instanceCount()));
    }
    spec.instanceType().ifPresent(v -> text(root, "ResourceConfig.InstanceType", v));
    spec.instanceCount().ifPresent(v -> JsonPaths.set(root, "ResourceConfig.InstanceCount", NODES.numberNode(v)));
    spec.volumeSizeInGb().ifPresent(v -> JsonPaths.set(root, "ResourceConfig.VolumeSizeInGB", NODES.numberNode(v)));
    spec.volumeKmsKeyId().ifPresent(v -> text(root, "ResourceConfig.VolumeKmsKeyId", v));

    spec.vpc().ifPresent(vpc -> {
      boolean none = vpc.subnets().isEmpty() && vpc.securityGroups().isEmpty();
      if (none || !vpc.securityGroups().isEmpty()) {
        JsonPaths.set(root, "VpcConfig.SecurityGroupIds", strings(vpc.securityGroups()));
      }
      if (none || !vpc.subnets().isEmpty()) {
        JsonPaths.set(root, "VpcConfig.Subnets", strings(vpc.subnets()));
      }
    });

    List<InputChannel> channels = spec.inputChannels();
    truncate(root, null, "InputDataConfig", channels.size());
    for (int i = 0; i < channels.size(); i++) {
      InputChannel c = channels.get(i);
      String p = "InputDataConfig[" + i + "].";
      text(root, p + "ChannelName", c.name());
      if (c.s3Uri().isPresent()) {
        String s3 = p + "DataSource.S3DataSource.";
        text(root, s3 + "S3DataType", c.s3DataType());
        text(root, s3 + "S3Uri", c.s3Uri().get());
        c.s3DataDistributionType().ifPresent(v -> text(root, s3 + "S3DataDistributionType", v));
      }
      String fs = p + "DataSource.FileSystemDataSource.";
      c.fileSystemId().ifPresent(v -> text(root, fs + "FileSystemId", v));
      c.fileSystemType().ifPresent(v -> text(root, fs + "FileSystemType", v));
      c.directoryPath().ifPresent(v -> text(root, fs + "DirectoryPath", v));
      c.fileSystemAccessMode().ifPresent(v -> text(root, fs + "FileSystemAccessMode", v));
      c.inputMode().ifPresent(v -> text(root, p + "InputMode", v));
    }

    spec.outputPath().ifPresent(v -> text(root, "OutputDataConfig.S3OutputPath", v));
    spec.outputKmsKeyId().ifPresent(v -> text(root, "OutputDataConfig.KmsKeyId", v));
    spec.checkpointUri().ifPresent(v -> text(root, "CheckpointConfig.S3Uri", v));
    for (S3Output o : spec.additionalS3Outputs()) {
      text(root, o.field(), o.s3Uri());
    }
    root.put("EnableNetworkIsolation", spec.enableNetworkIsolation());
    root.put("EnableInterContainerTrafficEncryption", spec.enableInterContainerTrafficEncryption());
    spec.maxRuntimeInSeconds().ifPresent(v ->
        JsonPaths.set(root, "StoppingCondition.MaxRuntimeInSeconds", NODES.numberNode(v)));
    return root;
  }

  /**
   * {@return the spec of {@code request}: modeled members as fields, every other member in {@code apiExtras}}
   *
   * @param request the request
   */
  public static TrainingJobSpec toSpec(CreateTrainingJobRequest request) {
    return toSpec(SdkJson.toJson(request));
  }

  /**
   * Reads a job file's JSON (the AWS CLI's {@code --cli-input-json} shape) into the SDK request;
   * an unknown member or a wrongly typed value is an {@link SdkJsonException} naming its path.
   *
   * @param json the JSON text
   * @return the create training job request
   */
  public static CreateTrainingJobRequest parse(JsonNode json) {
    return SdkJson.read(CreateTrainingJobRequest::builder, json, "");
  }

  /**
   * {@return the request JSON of {@code request}}
   *
   * @param request the request
   */
  public static ObjectNode toJson(CreateTrainingJobRequest request) {
    return SdkJson.toJson(request);
  }

  private static TrainingJobSpec toSpec(ObjectNode json) {
    Taker t = new Taker(json);
    TrainingJobSpec.Builder b = TrainingJobSpec.builder();
    String name = t.text("TrainingJobName");
    if (name == null) {
      throw new SdkJsonException("TrainingJobName", "required member is missing");
    }
    b.name(name);
    set(t.text("RoleArn"), b::roleArn);
    set(t.text("AlgorithmSpecification.TrainingImage"), b::trainingImage);
    set(t.text("AlgorithmSpecification.TrainingInputMode"), b::trainingInputMode);
    set(t.value("AlgorithmSpecification.TrainingImageConfig.TrainingRepositoryAccessMode",
        TrainingJobRequests::accessMode), b::repositoryAccessMode);

    JsonNode groups = JsonPaths.get(json, "ResourceConfig.InstanceGroups");
    t.touch("ResourceConfig.InstanceGroups");
    for (int i = 0; groups != null && i < groups.size(); i++) {
      String p = "ResourceConfig.InstanceGroups[" + i + "].";
      Integer count = t.integer(p + "InstanceCount");
      b.addInstanceGroup(orEmpty(t.text(p + "InstanceGroupName")), orEmpty(t.text(p + "InstanceType")),
          count == null ? 0 : count);
    }
    set(t.text("ResourceConfig.InstanceType"), b::instanceType);
    set(t.integer("ResourceConfig.InstanceCount"), b::instanceCount);
    set(t.integer("ResourceConfig.VolumeSizeInGB"), b::volumeSizeInGb);
    set(t.text("ResourceConfig.VolumeKmsKeyId"), b::volumeKmsKeyId);

    List<String> subnets = t.strings("VpcConfig.Subnets");
    List<String> groupsIds = t.strings("VpcConfig.SecurityGroupIds");
    if (subnets != null || groupsIds != null) {
      b.vpc(VpcSpec.builder()
          .subnets(subnets == null ? List.of() : subnets)
          .securityGroups(groupsIds == null ? List.of() : groupsIds)
          .build());
    }

    JsonNode channels = JsonPaths.get(json, "InputDataConfig");
    t.touch("InputDataConfig");
    for (int i = 0; channels != null && i < channels.size(); i++) {
      String p = "InputDataConfig[" + i + "].";
      InputChannel.Builder c = InputChannel.builder().name(orEmpty(t.text(p + "ChannelName")));
      String s3 = p + "DataSource.S3DataSource.";
      String uri = t.text(s3 + "S3Uri");
      if (uri != null) {
        c.s3Uri(uri);
        set(t.text(s3 + "S3DataType"), c::s3DataType);
        set(t.text(s3 + "S3DataDistributionType"), c::s3DataDistributionType);
      }
      String fs = p + "DataSource.FileSystemDataSource.";
      set(t.text(fs + "FileSystemId"), c::fileSystemId);
      set(t.text(fs + "FileSystemType"), c::fileSystemType);
      set(t.text(fs + "DirectoryPath"), c::directoryPath);
      set(t.text(fs + "FileSystemAccessMode"), c::fileSystemAccessMode);
      set(t.text(p + "InputMode"), c::inputMode);
      b.addInputChannel(c.build());
    }

    set(t.text("OutputDataConfig.S3OutputPath"), b::outputPath);
    set(t.text("OutputDataConfig.KmsKeyId"), b::outputKmsKeyId);
    set(t.text("CheckpointConfig.S3Uri"), b::checkpointUri);
    for (String path : additionalOutputPaths(json)) {
      String uri = t.text(path);
      if (uri != null) {
        b.addS3Output(path, uri);
      }
    }
    b.enableNetworkIsolation(Boolean.TRUE.equals(t.bool("EnableNetworkIsolation")));
    b.enableInterContainerTrafficEncryption(Boolean.TRUE.equals(t.bool("EnableInterContainerTrafficEncryption")));
    set(t.integer("StoppingCondition.MaxRuntimeInSeconds"), b::maxRuntimeInSeconds);

    Map<String, String> extras = new LinkedHashMap<>();
    json.properties().forEach(e -> t.flatten(e.getValue(), e.getKey(), extras));
    b.apiExtras(extras);
    return b.build();
  }

  /** Hands {@code value} to {@code setter} unless it is absent (null). */
  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /**
   * {@return the parts of an existing job that a {@code CreateTrainingJobRequest} holds, read from its
   * {@code DescribeTrainingJob} response (everything but {@code Tags}, which Describe does not return)}
   *
   * @param response the response
   */
  public static CreateTrainingJobRequest fromDescribe(DescribeTrainingJobResponse response) {
    return requestOf(response, CreateTrainingJobRequest::builder);
  }

  /** The members of a {@code Describe*} response that the {@code Create*} request of {@code builder} has too. */
  static <T extends SdkPojo> T requestOf(SdkPojo response, Supplier<? extends SdkBuilder<?, T>> builder) {
    ObjectNode all = SdkJson.toJson(response);
    Set<String> members = new HashSet<>(SdkJson.memberNames((SdkPojo) builder.get().build()));
    ObjectNode kept = NODES.objectNode();
    all.properties().forEach(e -> {
      if (members.contains(e.getKey())) {
        kept.set(e.getKey(), e.getValue());
      }
    });
    return SdkJson.read(builder, kept, "");
  }

  /**
   * {@return how {@code requested} differs from an existing job's request (from {@link #fromDescribe}):
   * every member the request sets must have the same value in the existing job; members only the
   * existing job has are service defaults and ignored, except in {@code HyperParameters} and
   * {@code Environment}, which must match exactly} Subnet and security-group lists compare as sets;
   * {@code Tags} are not compared. Empty when the requests match.
   *
   * @param requested the requested
   * @param existing the request of the job that exists
   */
  public static List<RequestDifference> differences(CreateTrainingJobRequest requested, CreateTrainingJobRequest existing) {
    List<RequestDifference> out = new ArrayList<>();
    compare(SdkJson.toJson(requested), SdkJson.toJson(existing), "", out);
    return out;
  }

  private static void compare(JsonNode req, JsonNode ex, String path, List<RequestDifference> out) {
    if (req == null || req.isNull() || NOT_DESCRIBED.contains(path)) {
      return;
    }
    if (ex == null || ex.isNull()) {
      boolean trivial = (req.isBoolean() && !req.booleanValue()) || (req.isContainerNode() && req.isEmpty());
      if (!trivial) {
        out.add(RequestDifference.of(path, req.toString(), null));
      }
      return;
    }
    if (req.isObject() && ex.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = req.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        compare(e.getValue(), ex.get(e.getKey()), join(path, e.getKey()), out);
      }
      if (EXACT_MAPS.contains(path)) {
        ex.fieldNames().forEachRemaining(k -> {
          if (!req.has(k)) {
            out.add(RequestDifference.of(join(path, k), null, ex.get(k).toString()));
          }
        });
      }
      return;
    }
    if (req.isArray() && ex.isArray()) {
      if (SET_LISTS.contains(path)) {
        if (!asSet(req).equals(asSet(ex))) {
          out.add(RequestDifference.of(path, req.toString(), ex.toString()));
        }
        return;
      }
      if (req.size() != ex.size()) {
        out.add(RequestDifference.of(path, req.toString(), ex.toString()));
        return;
      }
      for (int i = 0; i < req.size(); i++) {
        compare(req.get(i), ex.get(i), path + "[" + i + "]", out);
      }
      return;
    }
    boolean same = (req.isNumber() && ex.isNumber())
        ? req.decimalValue().compareTo(ex.decimalValue()) == 0
        : req.equals(ex);
    if (!same) {
      out.add(RequestDifference.of(path, req.toString(), ex.toString()));
    }
  }

  private static Set<String> asSet(JsonNode array) {
    Set<String> s = new HashSet<>();
    array.forEach(n -> s.add(n.toString()));
    return s;
  }

  private static String join(String path, String member) {
    return path.isEmpty() ? member : path + "." + member;
  }

  /** The paths of further S3 outputs the request may hold, in the API's member order. */
  private static List<String> additionalOutputPaths(JsonNode json) {
    List<String> paths = new ArrayList<>();
    for (String holder : S3_OUTPUT_HOLDERS) {
      JsonNode value = json.get(holder);
      if (value == null) {
        continue;
      }
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          paths.add(holder + "[" + i + "].S3OutputPath");
        }
      } else {
        paths.add(holder + ".S3OutputPath");
      }
    }
    return paths;
  }

  private static String wireName(RepositoryAccessMode mode) {
    return mode == RepositoryAccessMode.VPC ? "Vpc" : "Platform";
  }

  private static RepositoryAccessMode accessMode(JsonNode value) {
    if (!value.isTextual()) {
      return null;
    }
    // as the AWS CLI, regardless of case (a job file may say "vpc")
    if (value.textValue().equalsIgnoreCase("Vpc")) {
      return RepositoryAccessMode.VPC;
    }
    return value.textValue().equalsIgnoreCase("Platform") ? RepositoryAccessMode.PLATFORM : null;
  }

  private static void text(ObjectNode root, String path, String value) {
    JsonPaths.set(root, path, NODES.textNode(value));
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = NODES.arrayNode();
    values.forEach(a::add);
    return a;
  }

  /** Keeps the first {@code size} elements of the list member (removing it when size is 0). */
  private static void truncate(ObjectNode root, String parent, String member, int size) {
    JsonNode container = parent == null ? root : root.get(parent);
    if (container == null || !container.isObject()) {
      return;
    }
    JsonNode list = container.get(member);
    if (list == null) {
      return;
    }
    if (size == 0 || !list.isArray()) {
      ((ObjectNode) container).remove(member);
      return;
    }
    ArrayNode a = (ArrayNode) list;
    while (a.size() > size) {
      a.remove(a.size() - 1);
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Takes modeled values out of the request JSON, remembering which containers were modeled. */
  private static final class Taker {
    private final ObjectNode root;
    private final Set<String> touched = new HashSet<>();

    Taker(ObjectNode root) {
      this.root = root;
    }

    void touch(String path) {
      String p = path;
      while (true) {
        touched.add(p);
        int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
        if (cut < 0) {
          return;
        }
        p = p.substring(0, cut);
      }
    }

    /**
     * The value at {@code path} as {@code convert} gives it (null when it does not fit), taken out of
     * the JSON when it fits; null otherwise. The path counts as modeled either way.
     */
    <T> T value(String path, Function<JsonNode, T> convert) {
      JsonNode n = JsonPaths.get(root, path);
      touch(path);
      T value = n == null ? null : convert.apply(n);
      if (value != null) {
        JsonPaths.take(root, path);
      }
      return value;
    }

    String text(String path) {
      return value(path, n -> n.isTextual() ? n.textValue() : null);
    }

    Integer integer(String path) {
      return value(path, n -> n.canConvertToInt() ? n.intValue() : null);
    }

    Boolean bool(String path) {
      return value(path, n -> n.isBoolean() ? n.booleanValue() : null);
    }

    List<String> strings(String path) {
      return value(path, n -> {
        if (!n.isArray()) {
          return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
          if (!e.isTextual()) {
            return null;
          }
          out.add(e.textValue());
        }
        return out;
      });
    }

    /** Leftovers: untouched members whole, touched containers member by member. */
    void flatten(JsonNode node, String path, Map<String, String> extras) {
      if (!touched.contains(path)) {
        extras.put(path, JsonTrees.compact(node));
      } else if (node.isObject()) {
        node.properties().forEach(e -> flatten(e.getValue(), path + "." + e.getKey(), extras));
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          flatten(node.get(i), path + "[" + i + "]", extras);
        }
      } else {
        extras.put(path, JsonTrees.compact(node));
      }
    }
  }
}
