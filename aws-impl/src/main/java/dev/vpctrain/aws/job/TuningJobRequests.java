package dev.vpctrain.aws.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.TuningJobSpec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;

/**
 * {@code CreateHyperParameterTuningJob} request → {@link TuningJobSpec}. Each training job definition
 * ({@code HyperParameterTrainingJobDefinition}) holds the members of a {@code CreateTrainingJob} request
 * that the tuner passes on to the training jobs it starts; they are moved into that shape and mapped by
 * {@link TrainingJobRequests}, the one mapping of a training job. {@code StaticHyperParameters} become
 * {@code HyperParameters}; a {@code HyperParameterTuningResourceConfig} gives the resources, and when it
 * lists {@code InstanceConfigs} the tuner may pick any of them, so the one of fewest instances is taken
 * (the smallest need: a check never blocks a tuning job that some choice lets run).
 */
public final class TuningJobRequests {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Members a definition shares with {@code CreateTrainingJob}, under the same names. */
  private static final List<String> SAME = List.of("RoleArn", "InputDataConfig", "VpcConfig", "OutputDataConfig",
      "ResourceConfig", "StoppingCondition", "EnableNetworkIsolation", "EnableInterContainerTrafficEncryption",
      "EnableManagedSpotTraining", "CheckpointConfig", "RetryStrategy", "Environment");
  /** Members of {@code HyperParameterAlgorithmSpecification} that {@code AlgorithmSpecification} has too. */
  private static final List<String> ALGORITHM = List.of("TrainingImage", "TrainingInputMode", "AlgorithmName",
      "MetricDefinitions");

  private TuningJobRequests() {}

  /**
   * {@return the tuning job {@code request} describes, each definition as the training job the tuner starts from it}
   *
   * @param request the request, as a job file or the testkit's fake SageMaker holds it
   */
  public static TuningJobSpec toSpec(CreateHyperParameterTuningJobRequest request) {
    JsonNode json = SdkJson.toJson(request);
    String name = ProcessingJobRequests.text(json, "HyperParameterTuningJobName");
    Integer parallel = ProcessingJobRequests.integer(json, "HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs");
    List<TrainingJobSpec> definitions = new ArrayList<>();
    JsonNode one = json.get("TrainingJobDefinition");
    if (one != null) {
      definitions.add(definition(name, one));
    }
    JsonNode many = json.get("TrainingJobDefinitions");
    for (int i = 0; many != null && i < many.size(); i++) {
      definitions.add(definition(name, many.get(i)));
    }
    return TuningJobSpec.builder().name(name).maxParallelTrainingJobs(parallel == null ? 1 : parallel)
        .definitions(definitions).build();
  }

  /**
   * {@return the request members of an existing tuning job, read from its {@code DescribeHyperParameterTuningJob}
   * response (all but {@code Tags}, which Describe does not return)}
   *
   * @param response the response
   */
  public static CreateHyperParameterTuningJobRequest fromDescribe(DescribeHyperParameterTuningJobResponse response) {
    return TrainingJobRequests.requestOf(response, CreateHyperParameterTuningJobRequest::builder);
  }

  /** One definition as the training job the tuner starts from it. */
  private static TrainingJobSpec definition(String name, JsonNode d) {
    ObjectNode t = NODES.objectNode();
    t.put("TrainingJobName", name);
    ObjectNode algorithm = t.putObject("AlgorithmSpecification");
    JsonNode spec = d.get("AlgorithmSpecification");
    for (String m : ALGORITHM) {
      if (spec != null && spec.has(m)) {
        algorithm.set(m, spec.get(m));
      }
    }
    for (String m : SAME) {
      if (d.has(m)) {
        t.set(m, d.get(m));
      }
    }
    if (d.has("StaticHyperParameters")) {
      t.set("HyperParameters", d.get("StaticHyperParameters"));
    }
    JsonNode tuningResources = d.get("HyperParameterTuningResourceConfig");
    if (!t.has("ResourceConfig") && tuningResources != null) {
      t.set("ResourceConfig", resources(tuningResources));
    }
    CreateTrainingJobRequest request = SdkJson.read(CreateTrainingJobRequest::builder, t, "");
    return TrainingJobRequests.toSpec(request).toBuilder()
        .kind(JobKind.TUNING)
        .definitionName(ProcessingJobRequests.text(d, "DefinitionName"))
        .build();
  }

  private static ObjectNode resources(JsonNode r) {
    ObjectNode out = NODES.objectNode();
    JsonNode configs = r.get("InstanceConfigs");
    JsonNode pick = r;
    if (configs != null && configs.size() > 0) {
      pick = configs.get(0);
      for (JsonNode c : configs) {
        if (c.path("InstanceCount").asInt(Integer.MAX_VALUE) < pick.path("InstanceCount").asInt(Integer.MAX_VALUE)) {
          pick = c;
        }
      }
    }
    for (String m : List.of("InstanceType", "InstanceCount", "VolumeSizeInGB")) {
      if (pick.has(m)) {
        out.set(m, pick.get(m));
      }
    }
    if (r.has("VolumeKmsKeyId")) {
      out.set("VolumeKmsKeyId", r.get("VolumeKmsKeyId"));
    }
    return out;
  }
}
