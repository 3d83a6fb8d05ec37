package dev.vpctrain.cli;

import dev.vpctrain.core.job.JobKind;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --kind training|processing|tuning}, the job kind of {@code check} and {@code watch}: a picocli mixin. */
final class KindOption {
  /** The job kinds as {@code --kind} spells them. */
  enum Kind { training, processing, tuning }

  @Option(names = "--kind", paramLabel = "KIND",
      description = "The job's kind: ${COMPLETION-CANDIDATES}. check recognises it from the member that names the job "
          + "(TrainingJobName, ProcessingJobName, HyperParameterTuningJobName) when it is not given; watch follows a "
          + "training job unless it is given.")
  Kind kind;

  /** {@return the kind given, or empty} */
  Optional<JobKind> kind() {
    return Optional.ofNullable(kind).map(k -> JobKind.ofLabel(k.name()).orElseThrow());
  }
}
