package dev.vpctrain.aws.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.core.InvalidInputException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The constraints of the {@code CreateTrainingJob}, {@code CreateProcessingJob} and
 * {@code CreateHyperParameterTuningJob} API models that the AWS SDK for Java does not
 * carry in its field metadata: required members, the ranges of counts and list sizes, and the values
 * of the one enumeration the rules read. The AWS CLI checks required members and minimums before
 * sending a request; the service rejects values above the maximums. Keyed by the API's shape name
 * (the SDK class's simple name).
 *
 * <p>Checked once, as {@link SdkJson} reads a job file into the request: a range is checked on the
 * JSON value before its type (so an out-of-range count is named as the API's limit, not as an
 * integer overflow), required members once a structure is read, and the enumeration once the whole
 * request is read. {@code null} is a wrongly typed value in a job file, as the AWS CLI takes it.
 *
 * <p>Only the members listed here are checked; a member the model constrains but this table does not
 * name is passed through, so a file the AWS CLI accepts is never rejected for it.
 */
final class ApiConstraints implements SdkJson.Checks {
  /** Members every structure of that shape must have (when the structure is present). */
  private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
      Map.entry("CreateTrainingJobRequest", List.of("TrainingJobName", "RoleArn", "OutputDataConfig")),
      Map.entry("AlgorithmSpecification", List.of("TrainingInputMode")),
      Map.entry("TrainingImageConfig", List.of("TrainingRepositoryAccessMode")),
      Map.entry("MetricDefinition", List.of("Name", "Regex")),
      Map.entry("Channel", List.of("ChannelName", "DataSource")),
      Map.entry("S3DataSource", List.of("S3DataType", "S3Uri")),
      Map.entry("FileSystemDataSource", List.of("FileSystemId", "FileSystemAccessMode", "FileSystemType",
          "DirectoryPath")),
      Map.entry("OutputDataConfig", List.of("S3OutputPath")),
      Map.entry("ResourceConfig", List.of("VolumeSizeInGB")),
      Map.entry("InstanceGroup", List.of("InstanceType", "InstanceCount", "InstanceGroupName")),
      Map.entry("VpcConfig", List.of("SecurityGroupIds", "Subnets")),
      Map.entry("CheckpointConfig", List.of("S3Uri")),
      Map.entry("Tag", List.of("Key", "Value")),
      Map.entry("DebugHookConfig", List.of("S3OutputPath")),
      Map.entry("DebugRuleConfiguration", List.of("RuleConfigurationName", "RuleEvaluatorImage")),
      Map.entry("ProfilerRuleConfiguration", List.of("RuleConfigurationName", "RuleEvaluatorImage")),
      Map.entry("TensorBoardOutputConfig", List.of("S3OutputPath")),
      Map.entry("RetryStrategy", List.of("MaximumRetryAttempts")),
      // CreateProcessingJob
      Map.entry("CreateProcessingJobRequest", List.of("ProcessingJobName", "ProcessingResources", "AppSpecification",
          "RoleArn")),
      Map.entry("ProcessingResources", List.of("ClusterConfig")),
      Map.entry("ProcessingClusterConfig", List.of("InstanceCount", "InstanceType", "VolumeSizeInGB")),
      Map.entry("AppSpecification", List.of("ImageUri")),
      Map.entry("ProcessingInput", List.of("InputName")),
      Map.entry("ProcessingS3Input", List.of("S3Uri", "S3DataType")),
      Map.entry("ProcessingOutputConfig", List.of("Outputs")),
      Map.entry("ProcessingOutput", List.of("OutputName")),
      Map.entry("ProcessingS3Output", List.of("S3Uri", "S3UploadMode")),
      Map.entry("ProcessingStoppingCondition", List.of("MaxRuntimeInSeconds")),
      // CreateHyperParameterTuningJob
      Map.entry("CreateHyperParameterTuningJobRequest", List.of("HyperParameterTuningJobName",
          "HyperParameterTuningJobConfig")),
      Map.entry("HyperParameterTuningJobConfig", List.of("Strategy", "ResourceLimits")),
      Map.entry("ResourceLimits", List.of("MaxParallelTrainingJobs")),
      Map.entry("HyperParameterTrainingJobDefinition", List.of("AlgorithmSpecification", "RoleArn", "OutputDataConfig",
          "StoppingCondition")),
      Map.entry("HyperParameterAlgorithmSpecification", List.of("TrainingInputMode")));

  /**
   * Required by {@code CreateTrainingJob} for a job that runs on instances it names; a serverless job
   * ({@code ServerlessJobConfig}) has none of them, and the API model (SDK 2.40) marks them optional.
   */
  private static final List<String> REQUIRED_UNLESS_SERVERLESS =
      List.of("AlgorithmSpecification", "ResourceConfig", "StoppingCondition");

  /** Inclusive bounds of an integer, or of the element count of a list or map. */
  private record Range(long min, long max, String what) {}

  private static final long INT_MAX = Integer.MAX_VALUE;

  /** {@code Shape.Member} to its range. */
  private static final Map<String, Range> RANGES = Map.ofEntries(
      Map.entry("ResourceConfig.InstanceCount", new Range(1, INT_MAX, "instances")),
      Map.entry("InstanceGroup.InstanceCount", new Range(1, INT_MAX, "instances")),
      Map.entry("ResourceConfig.VolumeSizeInGB", new Range(1, INT_MAX, "GB")),
      Map.entry("ResourceConfig.KeepAlivePeriodInSeconds", new Range(0, 3600, "seconds")),
      Map.entry("StoppingCondition.MaxRuntimeInSeconds", new Range(1, INT_MAX, "seconds")),
      Map.entry("StoppingCondition.MaxWaitTimeInSeconds", new Range(1, INT_MAX, "seconds")),
      Map.entry("RetryStrategy.MaximumRetryAttempts", new Range(1, 30, "attempts")),
      Map.entry("CreateTrainingJobRequest.InputDataConfig", new Range(1, 20, "channels")),
      Map.entry("CreateTrainingJobRequest.HyperParameters", new Range(0, 100, "hyperparameters")),
      Map.entry("CreateTrainingJobRequest.Environment", new Range(0, 100, "environment variables")),
      Map.entry("CreateTrainingJobRequest.Tags", new Range(0, 50, "tags")),
      Map.entry("CreateTrainingJobRequest.DebugRuleConfigurations", new Range(0, 20, "rule configurations")),
      Map.entry("CreateTrainingJobRequest.ProfilerRuleConfigurations", new Range(0, 20, "rule configurations")),
      Map.entry("AlgorithmSpecification.MetricDefinitions", new Range(0, 40, "metric definitions")),
      Map.entry("ResourceConfig.InstanceGroups", new Range(0, 5, "instance groups")),
      Map.entry("VpcConfig.Subnets", new Range(1, 16, "subnets")),
      Map.entry("ProcessingClusterConfig.InstanceCount", new Range(1, 100, "instances")),
      Map.entry("ProcessingClusterConfig.VolumeSizeInGB", new Range(1, 16384, "GB")),
      Map.entry("CreateProcessingJobRequest.ProcessingInputs", new Range(0, 10, "inputs")),
      Map.entry("ProcessingOutputConfig.Outputs", new Range(0, 10, "outputs")),
      Map.entry("CreateProcessingJobRequest.Environment", new Range(0, 100, "environment variables")),
      Map.entry("ProcessingStoppingCondition.MaxRuntimeInSeconds", new Range(1, 777600, "seconds")),
      Map.entry("ResourceLimits.MaxParallelTrainingJobs", new Range(1, INT_MAX, "training jobs")),
      Map.entry("ResourceLimits.MaxNumberOfTrainingJobs", new Range(1, INT_MAX, "training jobs")),
      Map.entry("CreateHyperParameterTuningJobRequest.TrainingJobDefinitions", new Range(1, 10, "definitions")),
      Map.entry("HyperParameterTrainingJobDefinition.InputDataConfig", new Range(1, 20, "channels")),
      Map.entry("HyperParameterTrainingJobDefinition.StaticHyperParameters", new Range(0, 100, "hyperparameters")),
      Map.entry("HyperParameterTuningResourceConfig.InstanceCount", new Range(0, INT_MAX, "instances")),
      Map.entry("HyperParameterTuningResourceConfig.InstanceConfigs", new Range(1, 6, "instance configurations")),
      Map.entry("HyperParameterTuningInstanceConfig.InstanceCount", new Range(1, INT_MAX, "instances")),
      Map.entry("VpcConfig.SecurityGroupIds", new Range(1, 5, "security groups")));

  /** {@code Shape.Member} of an enumeration to its values, matched regardless of case. */
  private static final Map<String, List<String>> ALLOWED = Map.of(
      "TrainingImageConfig.TrainingRepositoryAccessMode", List.of("Platform", "Vpc"));

  private static final String REQUEST = "CreateTrainingJobRequest";

  /** The request shapes of the other job kinds: their enumerations are checked once they are read. */
  private static final List<String> OTHER_REQUESTS =
      List.of("CreateProcessingJobRequest", "CreateHyperParameterTuningJobRequest");

  private final String file;
  /** Enumeration values met while reading, checked once the whole request is read. */
  private final List<Enumerated> enumerated = new ArrayList<>();

  private record Enumerated(String path, String value, List<String> allowed) {}

  /** The checks of a read of {@code file}, which names it in errors. */
  ApiConstraints(String file) {
    this.file = file;
  }

  @Override
  public boolean nullIsAbsent() {
    return false;
  }

  @Override
  public void member(String shape, JsonNode owner, String name, JsonNode value, String path) {
    checkRange(shape, owner, name, value, path);
    List<String> allowed = ALLOWED.get(shape + "." + name);
    if (allowed != null && value.isTextual()) {
      enumerated.add(new Enumerated(path, value.textValue(), allowed));
    }
  }

  @Override
  public void structure(String shape, JsonNode node, String path) {
    for (String name : REQUIRED.getOrDefault(shape, List.of())) {
      requirePresent(shape, node, name, path);
    }
    if (shape.equals(REQUEST) && !node.has("ServerlessJobConfig")) {
      for (String name : REQUIRED_UNLESS_SERVERLESS) {
        requirePresent(shape, node, name, path);
      }
    }
    if (shape.equals(REQUEST) || OTHER_REQUESTS.contains(shape)) {
      enumerated.forEach(this::checkAllowed);
    }
  }

  private void requirePresent(String shape, JsonNode node, String name, String path) {
    if (!node.has(name)) {
      String of = shape.endsWith("Request") ? "a " + shape.substring(0, shape.length() - "Request".length()) + " request"
          : shape;
      throw new InvalidInputException(file, join(path, name),
          "missing required member \"" + name + "\": " + of + " must have it (the AWS CLI rejects the file without it)");
    }
  }

  private void checkAllowed(Enumerated e) {
    if (e.allowed().stream().noneMatch(a -> a.equalsIgnoreCase(e.value()))) {
      throw new InvalidInputException(file, e.path(),
          "expected one of " + String.join(", ", e.allowed()) + " but was \"" + e.value() + "\"");
    }
  }

  /**
   * Rejects a count or size outside the API's range: member {@code name} of {@code owner}, a
   * structure of shape {@code shape}. Values of the wrong type are left to the type check.
   */
  private void checkRange(String shape, JsonNode owner, String name, JsonNode n, String path) {
    Range r = RANGES.get(shape + "." + name);
    if (r == null) {
      return;
    }
    long min = r.min();
    if (shape.equals("ResourceConfig") && name.equals("InstanceCount") && hasElements(owner, "InstanceGroups")) {
      min = 0; // with instance groups the groups carry the counts
    }
    if (n.isIntegralNumber()) {
      BigInteger v = n.bigIntegerValue();
      if (v.compareTo(BigInteger.valueOf(min)) < 0) {
        throw new InvalidInputException(file, path, "expected at least " + min + " " + r.what() + " but was " + v);
      }
      if (v.compareTo(BigInteger.valueOf(r.max())) > 0) {
        throw new InvalidInputException(file, path,
            "expected at most " + r.max() + " " + r.what() + " (the API's limit) but was " + v);
      }
    } else if (n.isArray() || n.isObject()) {
      int size = n.size();
      String has = n.isArray() ? "the array has " + size : "the object has " + size + " members";
      if (size < min) {
        throw new InvalidInputException(file, path,
            "expected at least " + min + " " + r.what() + " but " + (size == 0 ? "there are none" : has));
      }
      if (size > r.max()) {
        throw new InvalidInputException(file, path,
            "expected at most " + r.max() + " " + r.what() + " (the API's limit) but " + has);
      }
    }
  }

  private static boolean hasElements(JsonNode owner, String name) {
    JsonNode n = owner.get(name);
    return n != null && n.isArray() && n.size() > 0;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

}
