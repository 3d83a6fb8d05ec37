package dev.vpctrain.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.aws.testing.SimulatedOrganization.JobFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.AppSpecification;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.ContinuousParameterRange;
import software.amazon.awssdk.services.sagemaker.model.DataSource;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterAlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobDefinition;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobConfig;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobObjective;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobSummary;
import software.amazon.awssdk.services.sagemaker.model.MetricDefinition;
import software.amazon.awssdk.services.sagemaker.model.ModelArtifacts;
import software.amazon.awssdk.services.sagemaker.model.NetworkConfig;
import software.amazon.awssdk.services.sagemaker.model.ObjectiveStatusCounters;
import software.amazon.awssdk.services.sagemaker.model.OutputDataConfig;
import software.amazon.awssdk.services.sagemaker.model.ParameterRanges;
import software.amazon.awssdk.services.sagemaker.model.ProcessingClusterConfig;
import software.amazon.awssdk.services.sagemaker.model.ProcessingInput;
import software.amazon.awssdk.services.sagemaker.model.ProcessingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ProcessingOutput;
import software.amazon.awssdk.services.sagemaker.model.ProcessingOutputConfig;
import software.amazon.awssdk.services.sagemaker.model.ProcessingResources;
import software.amazon.awssdk.services.sagemaker.model.ProcessingS3Input;
import software.amazon.awssdk.services.sagemaker.model.ProcessingS3Output;
import software.amazon.awssdk.services.sagemaker.model.ProcessingStoppingCondition;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceLimits;
import software.amazon.awssdk.services.sagemaker.model.S3DataSource;
import software.amazon.awssdk.services.sagemaker.model.StoppingCondition;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatusCounters;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.VpcConfig;

/**
 * The SageMaker shapes of a {@link JobFacts}, built as SDK model objects and written to the wire
 * JSON of the {@code awsJson1_1} protocol ({@link #wire}: {@link SdkJson}'s wire style with
 * timestamps as epoch seconds, as SageMaker sends them).
 */
final class SimulatedSageMaker {
  private SimulatedSageMaker() {}

  /** {@code pojo} as the service writes it: wire member names, timestamps in epoch seconds. */
  static ObjectNode wire(SdkPojo pojo) {
    ObjectNode node = SdkJson.toJson(pojo, SdkJson.Style.WIRE);
    epochSeconds(pojo, node);
    return node;
  }

  private static void epochSeconds(SdkPojo pojo, ObjectNode node) {
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      JsonNode written = node.get(field.locationName());
      if (value == null || written == null) {
        continue;
      }
      MarshallingKnownType type = field.marshallingType().getKnownType();
      if (type == MarshallingKnownType.INSTANT) {
        node.put(field.locationName(), seconds((Instant) value));
      } else if (type == MarshallingKnownType.SDK_POJO && written instanceof ObjectNode o) {
        epochSeconds((SdkPojo) value, o);
      } else if (type == MarshallingKnownType.LIST && written instanceof ArrayNode array) {
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        if (member.marshallingType().getKnownType() == MarshallingKnownType.SDK_POJO) {
          List<?> list = (List<?>) value;
          for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof SdkPojo p && array.get(i) instanceof ObjectNode o) {
              epochSeconds(p, o);
            }
          }
        }
      }
    }
  }

  /** Epoch seconds with milliseconds, as AWS JSON protocols write timestamps. */
  static BigDecimal seconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli(), 3);
  }

  static String arn(JobFacts job, String account, String region) {
    String type = switch (job.kind()) {
      case TRAINING -> "training-job";
      case PROCESSING -> "processing-job";
      case TUNING -> "hyper-parameter-tuning-job";
    };
    return "arn:aws:sagemaker:" + region + ":" + account + ":" + type + "/" + job.name();
  }

  private static Instant lastModified(JobFacts job) {
    return job.end().orElse(job.creationTime().plusSeconds(120));
  }

  private static String image(String region, String kind) {
    return "763104351884.dkr.ecr." + region + ".amazonaws.com/pytorch-" + kind + ":2.5.1-gpu-py311";
  }

  private static String role(String account) {
    return "arn:aws:iam::" + account + ":role/SageMakerExecutionRole";
  }

  private static String instanceType(JobFacts job) {
    List<String> types = List.of("ml.g5.2xlarge", "ml.p3.2xlarge", "ml.g5.12xlarge", "ml.p4d.24xlarge");
    return types.get(Math.floorMod(job.name().hashCode(), types.size()));
  }

  private static int instanceCount(JobFacts job) {
    return 1 + Math.floorMod(job.name().hashCode() >> 4, 2);
  }

  private static VpcConfig vpcConfig(JobFacts job) {
    return VpcConfig.builder().securityGroupIds(job.securityGroupIds()).subnets(job.subnetIds()).build();
  }

  private static List<Channel> inputs(JobFacts job) {
    return List.of(Channel.builder().channelName("train").dataSource(DataSource.builder()
            .s3DataSource(S3DataSource.builder().s3DataType("S3Prefix").s3Uri("s3://" + job.bucket() + "/data/")
                .s3DataDistributionType("FullyReplicated").build()).build())
        .compressionType("None").recordWrapperType("None").build());
  }

  private static OutputDataConfig output(JobFacts job) {
    return OutputDataConfig.builder().s3OutputPath("s3://" + job.bucket() + "/output/").build();
  }

  private static ResourceConfig resources(JobFacts job) {
    return ResourceConfig.builder().instanceType(instanceType(job)).instanceCount(instanceCount(job))
        .volumeSizeInGB(100).build();
  }

  private static StoppingCondition stopping() {
    return StoppingCondition.builder().maxRuntimeInSeconds(86_400).build();
  }

  // ---- training ----

  static TrainingJobSummary trainingSummary(JobFacts job, String account, String region) {
    return TrainingJobSummary.builder().trainingJobName(job.name()).trainingJobArn(arn(job, account, region))
        .creationTime(job.creationTime()).trainingEndTime(job.endTime()).lastModifiedTime(lastModified(job))
        .trainingJobStatus(job.status()).secondaryStatus(secondaryStatus(job)).build();
  }

  private static String secondaryStatus(JobFacts job) {
    return switch (job.status()) {
      case "Completed" -> "Completed";
      case "Failed" -> "Failed";
      default -> "Training";
    };
  }

  static DescribeTrainingJobResponse describeTraining(JobFacts job, String account, String region) {
    DescribeTrainingJobResponse.Builder b = DescribeTrainingJobResponse.builder()
        .trainingJobName(job.name())
        .trainingJobArn(arn(job, account, region))
        .trainingJobStatus(job.status())
        .secondaryStatus(secondaryStatus(job))
        .failureReason(job.failureReason())
        .hyperParameters(Map.of("epochs", "10", "lr", "0.001"))
        .algorithmSpecification(AlgorithmSpecification.builder().trainingImage(image(region, "training"))
            .trainingInputMode("File").enableSageMakerMetricsTimeSeries(false).build())
        .roleArn(role(account))
        .inputDataConfig(inputs(job))
        .outputDataConfig(output(job))
        .resourceConfig(resources(job))
        .vpcConfig(vpcConfig(job))
        .stoppingCondition(stopping())
        .creationTime(job.creationTime())
        .trainingStartTime(job.creationTime().plusSeconds(60))
        .trainingEndTime(job.endTime())
        .lastModifiedTime(lastModified(job))
        .enableNetworkIsolation(false)
        .enableInterContainerTrafficEncryption(false)
        .enableManagedSpotTraining(false);
    if (job.status().equals("Completed")) {
      b.modelArtifacts(ModelArtifacts.builder()
          .s3ModelArtifacts("s3://" + job.bucket() + "/output/" + job.name() + "/output/model.tar.gz").build());
      long seconds = job.endTime().getEpochSecond() - job.creationTime().getEpochSecond();
      b.trainingTimeInSeconds((int) Math.max(1, seconds - 60)).billableTimeInSeconds((int) Math.max(1, seconds - 60));
    }
    return b.build();
  }

  // ---- processing ----

  static ProcessingJobSummary processingSummary(JobFacts job, String account, String region) {
    return ProcessingJobSummary.builder().processingJobName(job.name()).processingJobArn(arn(job, account, region))
        .creationTime(job.creationTime()).processingEndTime(job.endTime()).lastModifiedTime(lastModified(job))
        .processingJobStatus(job.status()).failureReason(job.failureReason())
        .exitMessage(job.status().equals("Failed") ? "Data download failed" : null).build();
  }

  static DescribeProcessingJobResponse describeProcessing(JobFacts job, String account, String region) {
    return DescribeProcessingJobResponse.builder()
        .processingInputs(ProcessingInput.builder().inputName("input-1").appManaged(false)
            .s3Input(ProcessingS3Input.builder().s3Uri("s3://" + job.bucket() + "/data/")
                .localPath("/opt/ml/processing/input").s3DataType("S3Prefix").s3InputMode("File")
                .s3DataDistributionType("FullyReplicated").s3CompressionType("None").build())
            .build())
        .processingOutputConfig(ProcessingOutputConfig.builder().outputs(ProcessingOutput.builder()
            .outputName("output-1").appManaged(false).s3Output(ProcessingS3Output.builder()
                .s3Uri("s3://" + job.bucket() + "/output/" + job.name() + "/").localPath("/opt/ml/processing/output")
                .s3UploadMode("EndOfJob").build()).build()).build())
        .processingJobName(job.name())
        .processingResources(ProcessingResources.builder().clusterConfig(ProcessingClusterConfig.builder()
            .instanceCount(instanceCount(job)).instanceType("ml.m5.xlarge").volumeSizeInGB(30).build()).build())
        .stoppingCondition(ProcessingStoppingCondition.builder().maxRuntimeInSeconds(86_400).build())
        .appSpecification(AppSpecification.builder().imageUri(image(region, "training"))
            .containerEntrypoint("python3", "/opt/ml/processing/code/preprocess.py").build())
        .environment(Map.of("STAGE", "preprocess"))
        .networkConfig(NetworkConfig.builder().enableInterContainerTrafficEncryption(false)
            .enableNetworkIsolation(false).vpcConfig(vpcConfig(job)).build())
        .roleArn(role(account))
        .processingJobArn(arn(job, account, region))
        .processingJobStatus(job.status())
        .exitMessage(job.status().equals("Failed") ? "Data download failed" : null)
        .failureReason(job.failureReason())
        .processingStartTime(job.creationTime().plusSeconds(60))
        .processingEndTime(job.endTime())
        .lastModifiedTime(lastModified(job))
        .creationTime(job.creationTime())
        .build();
  }

  // ---- tuning ----

  private static ResourceLimits limits() {
    return ResourceLimits.builder().maxNumberOfTrainingJobs(10).maxParallelTrainingJobs(2).build();
  }

  private static TrainingJobStatusCounters counters(JobFacts job) {
    return switch (job.status()) {
      case "Completed" -> TrainingJobStatusCounters.builder().completed(10).inProgress(0).retryableError(0)
          .nonRetryableError(0).stopped(0).build();
      case "Failed" -> TrainingJobStatusCounters.builder().completed(0).inProgress(0).retryableError(0)
          .nonRetryableError(5).stopped(0).build();
      default -> TrainingJobStatusCounters.builder().completed(3).inProgress(2).retryableError(0)
          .nonRetryableError(0).stopped(0).build();
    };
  }

  private static ObjectiveStatusCounters objectives(JobFacts job) {
    TrainingJobStatusCounters c = counters(job);
    return ObjectiveStatusCounters.builder().succeeded(c.completed()).pending(c.inProgress())
        .failed(c.nonRetryableError()).build();
  }

  static HyperParameterTuningJobSummary tuningSummary(JobFacts job, String account, String region) {
    return HyperParameterTuningJobSummary.builder().hyperParameterTuningJobName(job.name())
        .hyperParameterTuningJobArn(arn(job, account, region)).hyperParameterTuningJobStatus(job.status())
        .strategy("Bayesian").creationTime(job.creationTime()).hyperParameterTuningEndTime(job.endTime())
        .lastModifiedTime(lastModified(job)).trainingJobStatusCounters(counters(job))
        .objectiveStatusCounters(objectives(job)).resourceLimits(limits()).build();
  }

  static DescribeHyperParameterTuningJobResponse describeTuning(JobFacts job, String account, String region) {
    HyperParameterTuningJobObjective objective = HyperParameterTuningJobObjective.builder().type("Maximize")
        .metricName("validation:accuracy").build();
    DescribeHyperParameterTuningJobResponse.Builder b = DescribeHyperParameterTuningJobResponse.builder()
        .hyperParameterTuningJobName(job.name())
        .hyperParameterTuningJobArn(arn(job, account, region))
        .hyperParameterTuningJobConfig(HyperParameterTuningJobConfig.builder().strategy("Bayesian")
            .hyperParameterTuningJobObjective(objective).resourceLimits(limits())
            .parameterRanges(ParameterRanges.builder().continuousParameterRanges(ContinuousParameterRange.builder()
                .name("lr").minValue("0.0001").maxValue("0.1").scalingType("Logarithmic").build()).build())
            .trainingJobEarlyStoppingType("Off").build())
        .trainingJobDefinition(HyperParameterTrainingJobDefinition.builder()
            .staticHyperParameters(Map.of("epochs", "10"))
            .algorithmSpecification(HyperParameterAlgorithmSpecification.builder()
                .trainingImage(image(region, "training")).trainingInputMode("File")
                .metricDefinitions(MetricDefinition.builder().name("validation:accuracy")
                    .regex("val_acc=([0-9\\.]+)").build())
                .build())
            .roleArn(role(account))
            .inputDataConfig(inputs(job))
            .vpcConfig(vpcConfig(job))
            .outputDataConfig(output(job))
            .resourceConfig(resources(job))
            .stoppingCondition(stopping())
            .enableNetworkIsolation(false)
            .enableInterContainerTrafficEncryption(false)
            .enableManagedSpotTraining(false)
            .build())
        .hyperParameterTuningJobStatus(job.status())
        .creationTime(job.creationTime())
        .hyperParameterTuningEndTime(job.endTime())
        .lastModifiedTime(lastModified(job))
        .trainingJobStatusCounters(counters(job))
        .objectiveStatusCounters(objectives(job))
        .failureReason(job.failureReason());
    if (job.status().equals("Completed")) {
      String best = job.name() + "-007-" + Integer.toHexString(job.name().hashCode() & 0xfffffff);
      b.bestTrainingJob(HyperParameterTrainingJobSummary.builder().trainingJobName(best)
          .trainingJobArn("arn:aws:sagemaker:" + region + ":" + account + ":training-job/" + best)
          .creationTime(job.creationTime().plusSeconds(60)).trainingStartTime(job.creationTime().plusSeconds(90))
          .trainingEndTime(job.endTime()).trainingJobStatus("Completed")
          .tunedHyperParameters(Map.of("lr", "0.0031")).objectiveStatus("Succeeded").build());
    }
    return b.build();
  }
}
