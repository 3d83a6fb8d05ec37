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

  /** The job file with the requirements given on the command line. */
  TrainingJobSpec read() throws IOException {
    jobOptions.validate(); // a usage error before any file is read
    JobSpec spec = JobFile.readJob(job(), null);
    if (!(spec instanceof TrainingJobSpec training)) {
      throw new UsageException(job() + " is a " + spec.kind().operation() + " request; this command takes a "
          + "CreateTrainingJob request. 'vpctrain check' checks " + spec.kind().label() + " jobs.");
    }
    return jobOptions.applyTo(training);
  }
}
