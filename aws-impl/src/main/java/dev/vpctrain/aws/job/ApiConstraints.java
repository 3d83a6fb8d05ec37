package dev.vpctrain.aws.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.aws.json.JsonInput;
import java.util.List;
import java.util.Map;

/**
 * The constraints of the {@code CreateTrainingJob} API model that the AWS SDK for Java does not
 * carry in its field metadata: required members and the ranges of counts and list sizes. The AWS
 * CLI checks required members and minimums before sending a request; the service rejects values
 * above the maximums. Keyed by the API's shape name (the SDK class's simple name).
 *
 * <p>Only the members listed here are checked; a member the model constrains but this table does not
 * name is passed through, so a file the AWS CLI accepts is never rejected for it.
 */
final class ApiConstraints {
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
      Map.entry("RetryStrategy", List.of("MaximumRetryAttempts")));

  /**
   * Required by {@code CreateTrainingJob} for a job that runs on instances it names; a serverless job
   * ({@code ServerlessJobConfig}) has none of them, and the API model (SDK 2.40) marks them optional.
   */
  private static final List<String> REQUIRED_UNLESS_SERVERLESS =
      List.of("AlgorithmSpecification", "ResourceConfig", "StoppingCondition");

  /** Inclusive bounds of an integer, or of the element count of a list or map. */
  private static final class Range {
    final long min;
    final long max;
    final String what;

    Range(long min, long max, String what) {
      this.min = min;
      this.max = max;
      this.what = what;
    }
  }

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
      Map.entry("VpcConfig.SecurityGroupIds", new Range(1, 5, "security groups")));

  private ApiConstraints() {}

  /** Rejects a missing required member of {@code value}, a structure of shape {@code shape}. */
  static void checkRequired(String shape, JsonInput value) {
    for (String name : REQUIRED.getOrDefault(shape, List.of())) {
      requirePresent(shape, value, name);
    }
    if (shape.equals("CreateTrainingJobRequest") && !value.has("ServerlessJobConfig")) {
      for (String name : REQUIRED_UNLESS_SERVERLESS) {
        requirePresent(shape, value, name);
      }
    }
  }

  private static void requirePresent(String shape, JsonInput value, String name) {
    if (!value.has(name)) {
      String of = shape.equals("CreateTrainingJobRequest") ? "a CreateTrainingJob request" : shape;
      throw new InvalidInputException(value.file(), value.pathOf(name),
          "missing required member \"" + name + "\": " + of + " must have it (the AWS CLI rejects the file without it)");
    }
  }

  /**
   * Rejects a count or size outside the API's range: member {@code name} of {@code owner}, a
   * structure of shape {@code shape}. Values of the wrong type are left to the type check.
   */
  static void checkRange(String shape, JsonInput owner, String name, JsonInput member) {
    Range r = RANGES.get(shape + "." + name);
    if (r == null) {
      return;
    }
    JsonNode n = member.node();
    long min = r.min;
    if (shape.equals("ResourceConfig") && name.equals("InstanceCount") && hasElements(owner, "InstanceGroups")) {
      min = 0; // with instance groups the groups carry the counts
    }
    if (n.isIntegralNumber()) {
      java.math.BigInteger v = n.bigIntegerValue();
      if (v.compareTo(java.math.BigInteger.valueOf(min)) < 0) {
        throw member.error("expected at least " + min + " " + r.what + " but was " + v);
      }
      if (v.compareTo(java.math.BigInteger.valueOf(r.max)) > 0) {
        throw member.error("expected at most " + r.max + " " + r.what + " (the API's limit) but was " + v);
      }
    } else if (n.isArray() || n.isObject()) {
      int size = n.size();
      String has = n.isArray() ? "the array has " + size : "the object has " + size + " members";
      if (size < min) {
        throw member.error("expected at least " + min + " " + r.what + " but " + (size == 0 ? "there are none" : has));
      }
      if (size > r.max) {
        throw member.error("expected at most " + r.max + " " + r.what + " (the API's limit) but " + has);
      }
    }
  }

  private static boolean hasElements(JsonInput owner, String name) {
    JsonNode n = owner.node().get(name);
    return n != null && n.isArray() && n.size() > 0;
  }

}
