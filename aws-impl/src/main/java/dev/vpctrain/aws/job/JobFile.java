package dev.vpctrain.aws.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.aws.json.InputFiles;
import dev.vpctrain.aws.json.JsonInput;
import dev.vpctrain.aws.json.JsonOutput;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.InstanceGroup;
import dev.vpctrain.core.job.RepositoryAccessMode;
import dev.vpctrain.core.job.S3Output;
import dev.vpctrain.core.job.TrainingJobSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the job file: the JSON of a {@code CreateTrainingJob} request as
 * {@code aws sagemaker create-training-job --cli-input-json} takes it (formats.md §1).
 *
 * <p>Reading rejects, as the AWS CLI does, members the API does not have and values of the wrong
 * type, naming the JSON path. Members the spec does not model are kept verbatim in
 * {@link TrainingJobSpec#apiExtras()}, keyed by their JSON path ({@code HyperParameters},
 * {@code ResourceConfig.KeepAlivePeriodInSeconds}, {@code InputDataConfig[0].ContentType}), so that
 * writing a spec back gives the same request. Debugger, profiler and TensorBoard S3 outputs are also
 * listed in {@link TrainingJobSpec#additionalS3Outputs()}.
 */
public final class JobFile {
  private static final Logger LOG = LoggerFactory.getLogger(JobFile.class);

  /** Members that carry further S3 outputs, kept whole in the extras. */
  private static final List<String> S3_OUTPUT_HOLDERS = List.of(
      "DebugHookConfig", "DebugRuleConfigurations", "TensorBoardOutputConfig", "ProfilerConfig",
      "ProfilerRuleConfigurations");

  private JobFile() {}

  /**
   * Reads a job file.
   *
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws java.nio.file.FileSystemException naming the file when it is a directory or cannot be read
   * @throws InvalidInputException when it is not a valid CreateTrainingJob request
   */
  public static TrainingJobSpec read(Path file) throws IOException {
    return parse(InputFiles.read(file), file.toString());
  }

  /** Reads the JSON text of a job; {@code source} names it in errors. */
  public static TrainingJobSpec parse(String json, String source) {
    JsonInput root = JsonInput.parse(json, source).requireObject();
    ApiShape.createTrainingJobRequest().validate(root);
    return new Reader(root).read();
  }

  /** Writes the job to {@code file} as a CreateTrainingJob request. */
  public static void write(TrainingJobSpec spec, Path file) throws IOException {
    Files.writeString(file, write(spec), StandardCharsets.UTF_8);
  }

  /** The CreateTrainingJob request JSON of {@code spec}, pretty-printed. */
  public static String write(TrainingJobSpec spec) {
    return JsonOutput.pretty(toJson(spec));
  }

  /** The CreateTrainingJob request of {@code spec} as a JSON tree. */
  public static ObjectNode toJson(TrainingJobSpec spec) {
    ObjectNode root = JsonOutput.object();
    root.put("TrainingJobName", spec.name());
    ObjectNode algo = JsonOutput.object();
    spec.trainingImage().ifPresent(v -> algo.put("TrainingImage", v));
    spec.trainingInputMode().ifPresent(v -> algo.put("TrainingInputMode", v));
    spec.repositoryAccessMode().ifPresent(m -> algo.putObject("TrainingImageConfig")
        .put("TrainingRepositoryAccessMode", m == RepositoryAccessMode.VPC ? "Vpc" : "Platform"));
    if (!algo.isEmpty()) {
      root.set("AlgorithmSpecification", algo);
    }
    spec.roleArn().ifPresent(v -> root.put("RoleArn", v));
    if (!spec.inputChannels().isEmpty()) {
      ArrayNode channels = root.putArray("InputDataConfig");
      for (InputChannel c : spec.inputChannels()) {
        ObjectNode ch = channels.addObject();
        ch.put("ChannelName", c.name());
        ObjectNode ds = ch.putObject("DataSource");
        if (c.s3Uri().isPresent()) {
          ObjectNode s3 = ds.putObject("S3DataSource");
          s3.put("S3DataType", c.s3DataType());
          s3.put("S3Uri", c.s3Uri().get());
          c.s3DataDistributionType().ifPresent(v -> s3.put("S3DataDistributionType", v));
        }
        if (c.fileSystemId().isPresent() || c.fileSystemType().isPresent()) {
          ObjectNode fs = ds.putObject("FileSystemDataSource");
          c.fileSystemId().ifPresent(v -> fs.put("FileSystemId", v));
          c.fileSystemType().ifPresent(v -> fs.put("FileSystemType", v));
        }
      }
    }
    if (spec.outputPath().isPresent() || spec.outputKmsKeyId().isPresent()) {
      ObjectNode out = root.putObject("OutputDataConfig");
      spec.outputKmsKeyId().ifPresent(v -> out.put("KmsKeyId", v));
      spec.outputPath().ifPresent(v -> out.put("S3OutputPath", v));
    }
    ObjectNode res = JsonOutput.object();
    spec.instanceType().ifPresent(v -> res.put("InstanceType", v));
    spec.instanceCount().ifPresent(v -> res.put("InstanceCount", v));
    spec.volumeSizeInGb().ifPresent(v -> res.put("VolumeSizeInGB", v));
    spec.volumeKmsKeyId().ifPresent(v -> res.put("VolumeKmsKeyId", v));
    if (!spec.instanceGroups().isEmpty()) {
      ArrayNode groups = res.putArray("InstanceGroups");
      for (InstanceGroup g : spec.instanceGroups()) {
        groups.addObject().put("InstanceType", g.instanceType()).put("InstanceCount", g.instanceCount())
            .put("InstanceGroupName", g.name());
      }
    }
    if (!res.isEmpty()) {
      root.set("ResourceConfig", res);
    }
    spec.vpc().ifPresent(v -> {
      ObjectNode vpc = root.putObject("VpcConfig");
      ArrayNode groups = vpc.putArray("SecurityGroupIds");
      v.securityGroups().forEach(groups::add);
      ArrayNode subnets = vpc.putArray("Subnets");
      v.subnets().forEach(subnets::add);
    });
    spec.maxRuntimeInSeconds().ifPresent(v -> root.putObject("StoppingCondition").put("MaxRuntimeInSeconds", v));
    root.put("EnableNetworkIsolation", spec.enableNetworkIsolation());
    root.put("EnableInterContainerTrafficEncryption", spec.enableInterContainerTrafficEncryption());
    spec.checkpointUri().ifPresent(v -> root.putObject("CheckpointConfig").put("S3Uri", v));
    for (Map.Entry<String, String> e : spec.apiExtras().entrySet()) {
      JsonNode value = JsonInput.parse(e.getValue(), "apiExtras[" + e.getKey() + "]").node();
      JsonPaths.set(root, e.getKey(), value, true);
    }
    for (S3Output o : spec.additionalS3Outputs()) {
      if (!JsonPaths.set(root, o.field(), root.textNode(o.s3Uri()), !o.field().contains("["))) {
        LOG.debug("S3 output {} has no place in the request; not written", o.field());
      }
    }
    return ordered(root);
  }

  /** {@code root} with its members in the API's order. */
  private static ObjectNode ordered(ObjectNode root) {
    ObjectNode out = JsonOutput.object();
    for (String name : ApiShape.createTrainingJobRequest().members().keySet()) {
      if (root.has(name)) {
        out.set(name, root.get(name));
      }
    }
    root.properties().forEach(e -> {
      if (!out.has(e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    });
    return out;
  }

  /** Maps a validated request onto the spec. */
  private static final class Reader {
    private final JsonInput root;
    private final TrainingJobSpec.Builder b = TrainingJobSpec.builder();
    private final Map<String, String> extras = new LinkedHashMap<>();

    Reader(JsonInput root) {
      this.root = root;
    }

    TrainingJobSpec read() {
      b.name(root.string("TrainingJobName"));
      root.optString("RoleArn").ifPresent(b::roleArn);
      for (String member : root.memberNames()) {
        JsonInput m = root.member(member);
        switch (member) {
          case "TrainingJobName":
          case "RoleArn":
            break;
          case "AlgorithmSpecification":
            algorithm(m);
            break;
          case "InputDataConfig":
            List<JsonInput> channels = m.elements();
            for (JsonInput c : channels) {
              b.addInputChannel(channel(c));
            }
            break;
          case "OutputDataConfig":
            split(m, Set.of("S3OutputPath", "KmsKeyId"));
            m.optString("S3OutputPath").ifPresent(b::outputPath);
            m.optString("KmsKeyId").ifPresent(b::outputKmsKeyId);
            break;
          case "ResourceConfig":
            resources(m);
            break;
          case "VpcConfig":
            b.vpc(v -> v.subnets(m.strings("Subnets")).securityGroups(m.strings("SecurityGroupIds")));
            break;
          case "StoppingCondition":
            split(m, Set.of("MaxRuntimeInSeconds"));
            m.optInt("MaxRuntimeInSeconds").ifPresent(b::maxRuntimeInSeconds);
            break;
          case "EnableNetworkIsolation":
            root.optBoolean(member).ifPresent(b::enableNetworkIsolation);
            break;
          case "EnableInterContainerTrafficEncryption":
            root.optBoolean(member).ifPresent(b::enableInterContainerTrafficEncryption);
            break;
          case "CheckpointConfig":
            split(m, Set.of("S3Uri"));
            m.optString("S3Uri").ifPresent(b::checkpointUri);
            break;
          default:
            extras.put(member, JsonOutput.compact(m.node()));
            if (S3_OUTPUT_HOLDERS.contains(member)) {
              s3Outputs(m);
            }
        }
      }
      return b.apiExtras(extras).build();
    }

    private void algorithm(JsonInput m) {
      split(m, Set.of("TrainingImage", "TrainingInputMode", "TrainingImageConfig"));
      m.optString("TrainingImage").ifPresent(b::trainingImage);
      m.optString("TrainingInputMode").ifPresent(b::trainingInputMode);
      m.optObject("TrainingImageConfig").ifPresent(c -> {
        split(c, Set.of("TrainingRepositoryAccessMode"));
        c.optString("TrainingRepositoryAccessMode").ifPresent(mode -> {
          String canonical = JsonInput.oneOf(c.member("TrainingRepositoryAccessMode"), mode,
              List.of("Platform", "Vpc"));
          b.repositoryAccessMode(canonical.equals("Vpc") ? RepositoryAccessMode.VPC : RepositoryAccessMode.PLATFORM);
        });
      });
    }

    private InputChannel channel(JsonInput c) {
      split(c, Set.of("ChannelName", "DataSource"));
      InputChannel.Builder ch = InputChannel.builder().name(c.string("ChannelName"));
      c.optObject("DataSource").ifPresent(ds -> {
        split(ds, Set.of("S3DataSource", "FileSystemDataSource"));
        ds.optObject("S3DataSource").ifPresent(s3 -> {
          split(s3, Set.of("S3DataType", "S3Uri", "S3DataDistributionType"));
          s3.optString("S3Uri").ifPresent(ch::s3Uri);
          s3.optString("S3DataType").ifPresent(ch::s3DataType);
          s3.optString("S3DataDistributionType").ifPresent(ch::s3DataDistributionType);
        });
        ds.optObject("FileSystemDataSource").ifPresent(fs -> {
          split(fs, Set.of("FileSystemId", "FileSystemType"));
          fs.optString("FileSystemId").ifPresent(ch::fileSystemId);
          fs.optString("FileSystemType").ifPresent(ch::fileSystemType);
        });
      });
      return ch.build();
    }

    private void resources(JsonInput m) {
      split(m, Set.of("InstanceType", "InstanceCount", "VolumeSizeInGB", "VolumeKmsKeyId", "InstanceGroups"));
      m.optString("InstanceType").ifPresent(b::instanceType);
      m.optInt("InstanceCount").ifPresent(b::instanceCount);
      m.optInt("VolumeSizeInGB").ifPresent(b::volumeSizeInGb);
      m.optString("VolumeKmsKeyId").ifPresent(b::volumeKmsKeyId);
      List<InstanceGroup> groups = new ArrayList<>();
      for (JsonInput g : m.array("InstanceGroups")) {
        split(g, Set.of("InstanceType", "InstanceCount", "InstanceGroupName"));
        groups.add(InstanceGroup.of(g.string("InstanceGroupName"), g.string("InstanceType"),
            g.optInt("InstanceCount").orElseThrow(() ->
                new InvalidInputException(g.file(), g.pathOf("InstanceCount"),
                    "expected an integer but the member is missing"))));
      }
      b.instanceGroups(groups);
    }

    private void s3Outputs(JsonInput m) {
      Consumer<JsonInput> one = holder -> holder.optString("S3OutputPath")
          .ifPresent(uri -> b.addS3Output(holder.pathOf("S3OutputPath"), uri));
      if (m.node().isArray()) {
        m.elements().forEach(one);
      } else {
        one.accept(m);
      }
    }

    /** Keeps the members of {@code m} that the spec does not model in the extras, by path. */
    private void split(JsonInput m, Set<String> modeled) {
      for (String name : m.memberNames()) {
        if (!modeled.contains(name)) {
          extras.put(m.pathOf(name), JsonOutput.compact(m.member(name).node()));
        }
      }
    }
  }
}
