package dev.vpctrain.aws.job;

import dev.vpctrain.aws.internal.json.InputFiles;
import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.json.JsonOutput;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.job.JobSpec;
import dev.vpctrain.core.job.TrainingJobSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reads and writes the job file: the JSON of a {@code CreateTrainingJob} request as
 * {@code aws sagemaker create-training-job --cli-input-json} takes it.
 *
 * <p>Reading goes file → the SDK's {@link CreateTrainingJobRequest} (through {@link SdkJson}, which
 * rejects, as the AWS CLI does, members the API does not have and values of the wrong type, naming
 * the JSON path; {@link ApiConstraints} adds what the API demands beyond the SDK's shape) → the spec
 * ({@link TrainingJobRequests#toSpec}). Writing goes the other way. Members the spec does not model
 * are kept in {@link TrainingJobSpec#apiExtras()}, so that writing a spec back gives the same request.
 */
public final class JobFile {
  private JobFile() {}

  /**
   * Reads a job file.
   *
   * @param file the file
   * @return the job the file describes
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws java.nio.file.FileSystemException naming the file when it is a directory or cannot be read
   * @throws InvalidInputException when it is not a valid CreateTrainingJob request
   */
  public static TrainingJobSpec read(Path file) throws IOException {
    return parse(InputFiles.read(file), file.toString());
  }

  /**
   * Reads the JSON text of a job; {@code source} names it in errors.
   *
   * @param json the JSON text
   * @param source the file name or other source named in errors
   * @return the job the text describes
   */
  public static TrainingJobSpec parse(String json, String source) {
    return TrainingJobRequests.toSpec(request(JsonInput.parse(json, source).requireObject()));
  }

  /**
   * Reads a job file of any kind: a {@code CreateTrainingJob}, {@code CreateProcessingJob} or
   * {@code CreateHyperParameterTuningJob} request, recognised by the member that names the job
   * ({@code TrainingJobName}, {@code ProcessingJobName}, {@code HyperParameterTuningJobName}) unless
   * {@code kind} forces one.
   *
   * @param file the file
   * @param kind the kind the file must hold; {@code null} to recognise it
   * @return the job the file describes: a {@code TrainingJobSpec}, {@code ProcessingJobSpec} or {@code TuningJobSpec}
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws java.nio.file.FileSystemException naming the file when it is a directory or cannot be read
   * @throws InvalidInputException when it is not a valid request of that kind
   */
  public static JobSpec readJob(Path file, JobKind kind) throws IOException {
    return parseJob(InputFiles.read(file), file.toString(), kind);
  }

  /**
   * Reads the JSON text of a job of any kind ({@link #readJob}); {@code source} names it in errors.
   *
   * @param json the JSON text
   * @param source the file name or other source named in errors
   * @param kind the kind the text must hold; {@code null} to recognise it
   * @return the job the text describes
   * @throws InvalidInputException when it is not a valid request of that kind
   */
  public static JobSpec parseJob(String json, String source, JobKind kind) {
    JsonInput root = JsonInput.parse(json, source).requireObject();
    JobKind k = kind != null ? kind : kindOf(root);
    switch (k) {
      case PROCESSING:
        return ProcessingJobRequests.toSpec(read(CreateProcessingJobRequest::builder, root));
      case TUNING:
        return TuningJobRequests.toSpec(read(CreateHyperParameterTuningJobRequest::builder, root));
      default:
        return TrainingJobRequests.toSpec(request(root));
    }
  }

  /**
   * Reads a {@code CreateProcessingJob} job file as the request to send, checked as {@link #readJob} checks it.
   *
   * @param file the file
   * @return the request, as {@code aws sagemaker create-processing-job --cli-input-json} would send it
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws InvalidInputException when it is not a valid CreateProcessingJob request
   */
  public static CreateProcessingJobRequest readProcessingRequest(Path file) throws IOException {
    JsonInput root = JsonInput.parse(InputFiles.read(file), file.toString()).requireObject();
    return read(CreateProcessingJobRequest::builder, root);
  }

  /**
   * Reads a {@code CreateHyperParameterTuningJob} job file as the request to send, checked as {@link #readJob}
   * checks it.
   *
   * @param file the file
   * @return the request, as {@code aws sagemaker create-hyper-parameter-tuning-job --cli-input-json} would send it
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws InvalidInputException when it is not a valid CreateHyperParameterTuningJob request
   */
  public static CreateHyperParameterTuningJobRequest readTuningRequest(Path file) throws IOException {
    JsonInput root = JsonInput.parse(InputFiles.read(file), file.toString()).requireObject();
    return read(CreateHyperParameterTuningJobRequest::builder, root);
  }

  /** The kind whose name member the file has. */
  private static JobKind kindOf(JsonInput root) {
    JobKind found = null;
    for (JobKind k : JobKind.values()) {
      if (root.node().has(k.nameMember())) {
        if (found != null) {
          throw new InvalidInputException(root.file(), k.nameMember(), "a job file holds one request, but it names both "
              + found.nameMember() + " and " + k.nameMember() + "; keep the one of the job to check, or pass --kind");
        }
        found = k;
      }
    }
    if (found == null) {
      throw new InvalidInputException(root.file(), "", "expected a CreateTrainingJob, CreateProcessingJob or "
          + "CreateHyperParameterTuningJob request (the JSON the AWS CLI's --cli-input-json takes), with TrainingJobName, "
          + "ProcessingJobName or HyperParameterTuningJobName; none of them is present");
    }
    return found;
  }

  private static <T> T read(Supplier<? extends SdkBuilder<?, T>> builder, JsonInput root) {
    try {
      return SdkJson.read(builder, root.node(), "", new ApiConstraints(root.file()));
    } catch (SdkJsonException e) {
      throw new InvalidInputException(root.file(), e.path(), expectation(e));
    }
  }

  /**
   * Writes the job to {@code file} as a CreateTrainingJob request.
   *
   * @param spec the spec
   * @param file the file
   * @throws IOException when it fails
   */
  public static void write(TrainingJobSpec spec, Path file) throws IOException {
    Files.writeString(file, write(spec), StandardCharsets.UTF_8);
  }

  /**
   * {@return the CreateTrainingJob request JSON of {@code spec}, pretty-printed, members in the API's order}
   *
   * @param spec the spec
   * @throws SdkJsonException when the spec's {@code apiExtras} do not fit the API
   */
  public static String write(TrainingJobSpec spec) {
    return JsonOutput.pretty(TrainingJobRequests.toJson(TrainingJobRequests.toRequest(spec)));
  }

  /** The request a job file holds, checked against the API model. */
  private static CreateTrainingJobRequest request(JsonInput root) {
    return read(CreateTrainingJobRequest::builder, root);
  }

  /** What the converter found, worded as the job file's other errors are. */
  private static String expectation(SdkJsonException e) {
    if (e.unknownMember().isPresent()) {
      return "unknown member \"" + e.unknownMember().get() + "\"; expected one of " + String.join(", ", e.members());
    }
    if (e.expected().isPresent() && e.found().isPresent()) {
      return "expected " + e.expected().get() + " but was " + JsonInput.describe(e.found().get());
    }
    return e.problem();
  }
}
