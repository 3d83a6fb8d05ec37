package dev.vpctrain.aws.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.ProcessingJobSpec;
import software.amazon.awssdk.services.sagemaker.model.CreateProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;

/**
 * {@code CreateProcessingJob} request → {@link ProcessingJobSpec}: the one mapping of that shape onto the
 * workload the rules read. {@code ProcessingInputs[].S3Input} are S3 reads, a dataset definition's
 * {@code OutputS3Uri} is read too (SageMaker stages the query result there) and the query's service
 * (Athena, the Redshift Data API) is a required service; {@code ProcessingOutputConfig.Outputs[].S3Output}
 * are S3 writes. {@link JobFile} reads job files through it, and the testkit's fake SageMaker judges
 * {@code CreateProcessingJob} requests through it.
 */
public final class ProcessingJobRequests {
  private ProcessingJobRequests() {}

  /**
   * {@return the processing job {@code request} describes, as the rules read it}
   *
   * @param request the request, as a job file or a launcher holds it
   */
  public static ProcessingJobSpec toSpec(CreateProcessingJobRequest request) {
    JsonNode json = SdkJson.toJson(request);
    ProcessingJobSpec.Builder b = ProcessingJobSpec.builder()
        .name(text(json, "ProcessingJobName"))
        .roleArn(text(json, "RoleArn"))
        .imageUri(text(json, "AppSpecification.ImageUri"))
        .instanceType(text(json, "ProcessingResources.ClusterConfig.InstanceType"))
        .instanceCount(integer(json, "ProcessingResources.ClusterConfig.InstanceCount"))
        .volumeKmsKeyId(text(json, "ProcessingResources.ClusterConfig.VolumeKmsKeyId"))
        .outputKmsKeyId(text(json, "ProcessingOutputConfig.KmsKeyId"))
        .maxRuntimeInSeconds(integer(json, "StoppingCondition.MaxRuntimeInSeconds"));
    JsonNode vpc = JsonPaths.get(json, "NetworkConfig.VpcConfig");
    if (vpc != null) {
      b.vpc(v -> v.subnets(strings(vpc.get("Subnets"))).securityGroups(strings(vpc.get("SecurityGroupIds"))));
    }
    b.enableNetworkIsolation(bool(json, "NetworkConfig.EnableNetworkIsolation"));
    b.enableInterContainerTrafficEncryption(bool(json, "NetworkConfig.EnableInterContainerTrafficEncryption"));
    JsonNode inputs = json.get("ProcessingInputs");
    for (int i = 0; inputs != null && i < inputs.size(); i++) {
      JsonNode in = inputs.get(i);
      String name = text(in, "InputName");
      String uri = text(in, "S3Input.S3Uri");
      String athena = text(in, "DatasetDefinition.AthenaDatasetDefinition.OutputS3Uri");
      String redshift = text(in, "DatasetDefinition.RedshiftDatasetDefinition.OutputS3Uri");
      if (uri != null) {
        b.addS3Input(name, uri, text(in, "S3Input.S3DataType"), text(in, "S3Input.S3DataDistributionType"));
      } else if (athena != null || redshift != null) {
        b.requires(AwsService.of(athena != null ? "athena" : "redshift-data"));
        b.addS3Input(name, athena != null ? athena : redshift, "S3Prefix",
            text(in, "DatasetDefinition.DataDistributionType"));
      } else {
        b.skipInput();
      }
    }
    JsonNode outputs = JsonPaths.get(json, "ProcessingOutputConfig.Outputs");
    for (int i = 0; outputs != null && i < outputs.size(); i++) {
      JsonNode out = outputs.get(i);
      String uri = text(out, "S3Output.S3Uri");
      b.addS3Output(orEmpty(text(out, "OutputName")), uri == null ? "" : uri);
    }
    return b.build();
  }

  /**
   * {@return the request members of an existing processing job, read from its {@code DescribeProcessingJob} response
   * (all but {@code Tags}, which Describe does not return)}
   *
   * @param response the response
   */
  public static CreateProcessingJobRequest fromDescribe(DescribeProcessingJobResponse response) {
    return TrainingJobRequests.requestOf(response, CreateProcessingJobRequest::builder);
  }

  static String text(JsonNode root, String path) {
    JsonNode n = JsonPaths.get(root, path);
    return n == null || !n.isTextual() ? null : n.textValue();
  }

  static Integer integer(JsonNode root, String path) {
    JsonNode n = JsonPaths.get(root, path);
    return n == null || !n.canConvertToInt() ? null : n.intValue();
  }

  static boolean bool(JsonNode root, String path) {
    JsonNode n = JsonPaths.get(root, path);
    return n != null && n.asBoolean(false);
  }

  static String[] strings(JsonNode array) {
    if (array == null) {
      return new String[0];
    }
    String[] out = new String[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asText();
    }
    return out;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
