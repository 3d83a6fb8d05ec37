package dev.vpctrain.cli;

import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.core.job.JobSpec;
import dev.vpctrain.core.job.TrainingJobSpec;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;

/**
 * The job options of {@code plan}, {@code apply} and {@code launch}: the request file (required),
 * what the code needs beyond it, and the UNVERIFIED checks the user accepts. A picocli mixin.
 */
final class JobInputs {
  @Mixin
  JobFileOption.Required jobFile = new JobFileOption.Required();

  @Mixin
  JobOptions jobOptions = new JobOptions();

  /** The {@code --job} file. */
  Path job() {
    return jobFile.file;
  }

  /** The job file of any kind, with the requirements given on the command line. */
  JobSpec readAny() throws IOException {
    jobOptions.validate(); // a usage error before any file is read
    return JobFile.readJob(job(), null).withEachWorkload(jobOptions::applyTo);
  }

  /**
   * The job file as one training-shaped workload: a training job, or a processing job's workload;
   * {@code command} names the command in the error a tuning job gets.
   */
  TrainingJobSpec readWorkload(String command) throws IOException {
    JobSpec spec = readAny();
    if (spec.workloads().size() != 1) {
      throw new UsageException(job() + " is a " + spec.kind().operation() + " request; '" + command + "' takes a "
          + "CreateTrainingJob or CreateProcessingJob request. 'vpctrain check' and 'vpctrain plan' take " + spec.kind().label()
          + " jobs.");
    }
    return spec.workloads().get(0);
  }
}
