package dev.vpctrain.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --job FILE}, the CreateTrainingJob request: required by {@code plan}, {@code apply} and
 * {@code launch} (through {@link JobInputs}), optional for {@code check} (or {@code --example}) and
 * {@code snapshot} (or {@code --vpc}).
 *
 * <p>Two tiny mixins over one name, label and description: picocli's {@code required} is an annotation
 * constant, so one declaration cannot be required in one command and optional in another. A required
 * {@code @ArgGroup} around one optional declaration would do it, but it changes the synopsis and the
 * "Missing required option" message that the help goldens and the usage-error tests pin.
 */
final class JobFileOption {
  static final String NAME = "--job";
  static final String LABEL = "FILE";
  static final String DESCRIPTION = "The CreateTrainingJob request (JSON).";

  private JobFileOption() {}

  /** {@code --job FILE}, required. */
  static final class Required {
    @Option(names = NAME, paramLabel = LABEL, required = true, description = DESCRIPTION)
    Path file;
  }

  /** What {@code check} and {@code snapshot} read: a request of any job kind. */
  static final String ANY_KIND = "The job's request (JSON): CreateTrainingJob, CreateProcessingJob or "
      + "CreateHyperParameterTuningJob.";

  /** {@code --job FILE}, optional: the command takes an alternative, and a job of any kind. */
  static final class Optional {
    @Option(names = NAME, paramLabel = LABEL, description = ANY_KIND)
    Path file;
  }
}
