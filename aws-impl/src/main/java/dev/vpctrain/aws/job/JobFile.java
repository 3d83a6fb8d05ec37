package dev.vpctrain.aws.job;

import dev.vpctrain.aws.internal.json.InputFiles;
import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.json.JsonOutput;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.core.job.TrainingJobSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;

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
    try {
      return SdkJson.read(CreateTrainingJobRequest::builder, root.node(), "", new ApiConstraints(root.file()));
    } catch (SdkJsonException e) {
      throw new InvalidInputException(root.file(), e.path(), expectation(e));
    }
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
