package dev.vpctrain.cli;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.HostPort;
import dev.vpctrain.core.job.TrainingJobSpec;
import java.util.List;

/** The job requirements the command line adds to a job file: {@code --requires}, {@code --requires-internet}. */
final class JobOptions {
  private JobOptions() {}

  static TrainingJobSpec withRequirements(TrainingJobSpec spec, List<String> requires, List<String> requiresInternet,
      boolean blockPackageRepos) {
    TrainingJobSpec.Builder b = spec.toBuilder();
    for (String s : requires) {
      try {
        b.requires(AwsService.of(s));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--requires: " + e.getMessage());
      }
    }
    for (String hp : requiresInternet) {
      try {
        HostPort parsed = HostPort.parse(hp.trim());
        b.requiresInternet(parsed.host(), parsed.port());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--requires-internet: " + e.getMessage());
      }
    }
    if (blockPackageRepos) {
      b.blockPackageRepositories();
    }
    return b.build();
  }
}
