package dev.vpctrain.core.job;

import java.util.Locale;
import java.util.Optional;

/**
 * The three SageMaker job kinds that take a {@code VpcConfig} and fail the same way in a broken VPC,
 * each named by the API request that creates it.
 */
public enum JobKind {
  /** A training job: {@code CreateTrainingJob}, named by {@code TrainingJobName}. */
  TRAINING("training", "CreateTrainingJob", "TrainingJobName"),
  /** A processing job: {@code CreateProcessingJob}, named by {@code ProcessingJobName}. */
  PROCESSING("processing", "CreateProcessingJob", "ProcessingJobName"),
  /** A hyperparameter tuning job: {@code CreateHyperParameterTuningJob}, named by {@code HyperParameterTuningJobName}. */
  TUNING("tuning", "CreateHyperParameterTuningJob", "HyperParameterTuningJobName");

  private final String label;
  private final String operation;
  private final String nameMember;

  JobKind(String label, String operation, String nameMember) {
    this.label = label;
    this.operation = operation;
    this.nameMember = nameMember;
  }

  /** {@return the kind's name in the CLI's {@code --kind} and the report's {@code kind}: {@code training}, {@code processing} or {@code tuning}} */
  public String label() {
    return label;
  }

  /** {@return the API operation whose request a job file of this kind holds, for example {@code CreateProcessingJob}} */
  public String operation() {
    return operation;
  }

  /** {@return the request member that names a job of this kind, for example {@code ProcessingJobName}} */
  public String nameMember() {
    return nameMember;
  }

  /**
   * The kind of a label, ignoring case.
   *
   * @param label {@code training}, {@code processing} or {@code tuning}
   * @return the kind, or empty for any other text
   */
  public static Optional<JobKind> ofLabel(String label) {
    for (JobKind k : values()) {
      if (k.label.equals(label.toLowerCase(Locale.ROOT))) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
