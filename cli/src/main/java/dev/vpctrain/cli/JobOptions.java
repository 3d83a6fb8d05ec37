package dev.vpctrain.cli;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.HostPort;
import dev.vpctrain.core.job.VpcTarget;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.report.Acceptance;
import dev.vpctrain.core.rules.RuleEngine;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the command line adds to a job file: {@code --requires}, {@code --requires-internet},
 * {@code --block-package-repos} and {@code --accept-unverified}. A picocli mixin: the options are
 * declared here once and mixed into {@code check}, {@code launch}, {@code plan} and {@code apply}.
 */
final class JobOptions {
  /** The help text of {@code --accept-unverified}, the same on every command. */
  static final String ACCEPT_UNVERIFIED_HELP = "UNVERIFIED checks you know to be fine (a transit gateway that works, "
      + "an on-premises DNS server): RULE accepts every UNVERIFIED finding of the rule, RULE=RESOURCE only those "
      + "naming the resource. They stay in the report, marked accepted, and no longer hold the verdict back. "
      + "A FAIL cannot be accepted.";

  @Mixin
  RequiresOption requires = new RequiresOption();

  @Option(names = "--requires-internet", split = ",", paramLabel = "HOST:PORT",
      description = "The internet destinations the training code needs, for example pypi.org:443.")
  List<String> requiresInternet = new ArrayList<>();

  @Option(names = "--block-package-repos",
      description = "Require the S3 endpoint policy to block the Amazon Linux package repositories.")
  boolean blockPackageRepos;

  @Option(names = "--accept-unverified", split = ",", paramLabel = "RULE[=RESOURCE]",
      description = ACCEPT_UNVERIFIED_HELP)
  List<String> acceptUnverified = new ArrayList<>();

  /** Checks {@code --accept-unverified} (a usage error before any file is read). */
  void validate() {
    acceptances(acceptUnverified);
  }

  /** {@code spec} with what these options add. */
  TrainingJobSpec applyTo(TrainingJobSpec spec) {
    return withRequirements(spec, requires.requires, requiresInternet, blockPackageRepos, acceptUnverified);
  }

  static TrainingJobSpec withRequirements(TrainingJobSpec spec, List<String> requires, List<String> requiresInternet,
      boolean blockPackageRepos, List<String> acceptUnverified) {
    List<Acceptance> acceptances = acceptances(acceptUnverified);
    TrainingJobSpec.Builder b = spec.toBuilder();
    for (String s : requires) {
      try {
        if (s.contains(":")) {
          b.requiresInVpc(VpcTarget.parse(s));
          continue;
        }
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
    acceptances.forEach(b::acceptUnverified);
    return b.build();
  }

  /**
   * Parses {@code --accept-unverified} values ({@code RULE} or {@code RULE=RESOURCE}) and checks
   * that each names a rule of the catalogue.
   *
   * @throws UsageException for a malformed value or an unknown rule id
   */
  static List<Acceptance> acceptances(List<String> values) {
    if (values.isEmpty()) {
      return List.of();
    }
    RuleEngine engine = RuleEngine.standard();
    List<Acceptance> out = new ArrayList<>();
    for (String v : values) {
      Acceptance a;
      try {
        a = Acceptance.parse(v);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--accept-unverified: " + e.getMessage());
      }
      if (engine.rule(a.ruleId()).isEmpty()) {
        throw new UsageException("--accept-unverified: there is no rule '" + a.ruleId()
            + "' ('vpctrain rules' lists the rule ids).");
      }
      out.add(a);
    }
    return out;
  }
}
