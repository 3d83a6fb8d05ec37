package dev.vpctrain.cli;

import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.core.job.TrainingJobSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The job options of {@code plan} and {@code apply}: the request file, what the code needs beyond
 * it, and the UNVERIFIED checks the user accepts.
 */
final class JobInputs {
  @Option(names = "--job", paramLabel = "FILE", required = true, description = "The CreateTrainingJob request (JSON).")
  Path job;

  @Option(names = "--requires", split = ",", paramLabel = "SVC",
      description = "AWS services the training code calls, e.g. sts,logs,ecr.dkr.")
  List<String> requires = new ArrayList<>();

  @Option(names = "--requires-internet", split = ",", paramLabel = "HOST:PORT",
      description = "Internet destinations the training code needs, e.g. pypi.org:443.")
  List<String> requiresInternet = new ArrayList<>();

  @Option(names = "--block-package-repos",
      description = "Require the S3 endpoint policy to block the Amazon Linux package repositories.")
  boolean blockPackageRepos;

  @Option(names = "--accept-unverified", split = ",", paramLabel = "RULE[=RESOURCE]",
      description = JobOptions.ACCEPT_UNVERIFIED_HELP)
  List<String> acceptUnverified = new ArrayList<>();

  /** The job file with the requirements given on the command line. */
  TrainingJobSpec read() throws IOException {
    JobOptions.acceptances(acceptUnverified); // a usage error before any file is read
    return JobOptions.withRequirements(JobFile.read(job), requires, requiresInternet, blockPackageRepos,
        acceptUnverified);
  }
}
