package dev.vpctrain.cli;

import dev.vpctrain.aws.simulate.RoleSimulation;

import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.job.JobSpec;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.JsonReport;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.SarifReport;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.report.TextReport;
import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleEngine;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vpctrain check}: the preflight of a job against its network. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Checks a job's network before launch and prints the report.",
        "The job is a training, processing or hyperparameter tuning job (--job, read by its request's kind).",
        "The network is a snapshot bundle (--network), the live AWS APIs (--live) or a bundled example (--example)."})
@ExitCodes.Returns({ExitCodes.READY, ExitCodes.NOT_READY, ExitCodes.UNVERIFIED, ExitCodes.USAGE, ExitCodes.INVALID_INPUT,
    ExitCodes.FILE_NOT_FOUND, ExitCodes.AWS_UNAVAILABLE, ExitCodes.INTERNAL})
final class CheckCommand implements Callable<Integer> {
  // its own values: plan's --format has no sarif (a plan is no code-scanning result), so each declares its own
  enum Format { text, json, sarif }

  @Spec
  CommandSpec spec;

  @Mixin
  JobFileOption.Optional jobFile = new JobFileOption.Optional();

  @Mixin
  NetworkOptions networkOptions = new NetworkOptions();

  @Option(names = "--example", paramLabel = "NAME",
      description = "Check a bundled example job and network, offline (see 'vpctrain examples').")
  String example;

  @Mixin
  JobOptions jobOptions = new JobOptions();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "The report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin
  FailOnOption failOn = new FailOnOption();

  @Option(names = "--verbose", description = "Also list the checks that passed, and print INFO advice and the "
      + "policy documents of fixes in full.")
  boolean verbose;

  /** --color, --no-color and the terminal: colour and width of the text report. */
  @Mixin
  ColorOption color = new ColorOption();

  /** --kind: the job file's kind, recognised when not given. */
  @Mixin
  KindOption kind = new KindOption();

  @Option(names = "--simulate", description = {"With --live: cross-check the role rules' identity-policy "
      + "decisions with IAM's policy simulator (iam:SimulatePrincipalPolicy). A disagreement is printed as a "
      + "warning on stderr and in the report; the exit code stays the verdict's."})
  boolean simulate;

  @Override
  public Integer call() throws IOException {
    validate();
    JobSpec job = readJob().withEachWorkload(jobOptions::applyTo);
    if (simulate && job.kind() != JobKind.TRAINING) {
      throw new UsageException("--simulate cross-checks a training job's role; this is a " + job.kind().label()
          + " job. Check it without --simulate.");
    }
    NetworkSnapshot snapshot = readNetwork(job);
    RuleEngine engine = RuleEngine.standard();
    PreflightReport report = engine.evaluate(job, snapshot);
    String rendered = render(report, engine);
    if (simulate) {
      TrainingJobSpec spec = job.workloads().get(0);
      RoleSimulation s = LiveNetwork.installed().orElseThrow().simulate(spec, snapshot,
          networkOptions.account.region(), networkOptions.account.profile());
      rendered = SimulationReport.append(rendered, format, s);
      SimulationReport.warn(s, spec().commandLine().getErr());
    }
    spec().commandLine().getOut().print(rendered);
    spec().commandLine().getOut().flush();
    return exitCode(report, failOn.level);
  }

  /** The verdict's exit code; with {@code --fail-on warning} a WARNING FAIL also counts as not ready. */
  static int exitCode(PreflightReport report, FailOnOption.Level failOn) {
    if (failOn == FailOnOption.Level.warning && report.problems().stream()
        .anyMatch(f -> f.severity() == Severity.WARNING && f.outcome() == Outcome.FAIL)) {
      return ExitCodes.NOT_READY;
    }
    return ExitCodes.of(report.verdict());
  }

  private CommandSpec spec() {
    return spec;
  }

  private void validate() {
    if (example != null) {
      if (jobFile.file != null || !networkOptions.absent()) {
        throw new UsageException("--example runs a bundled job and network; do not combine it with --job, "
            + "--network or --live.");
      }
      if (Examples.file(example, "job.json").isEmpty()) {
        throw new UsageException("no bundled example named '" + example + "'; the examples are: "
            + String.join(", ", Examples.index().keySet()));
      }
    } else if (jobFile.file == null) {
      throw new UsageException("--job FILE is required (or --example NAME for a bundled example).");
    } else {
      networkOptions.requireOne("check against a bundle or live AWS.");
    }
    networkOptions.requireLiveForAwsOptions();
    color.choice(); // --color with --no-color: a usage error before any file is read
    if (simulate && !networkOptions.live) {
      throw new UsageException("--simulate asks IAM's policy simulator about the live role: use it with --live.");
    }
    jobOptions.validate(); // a usage error before any file is read
    if (networkOptions.live && LiveNetwork.installed().isEmpty()) {
      throw new UsageException("--live is not available in this build; capture the network as a snapshot "
          + "bundle (docs/formats.md, section 2) and pass it with --network bundle.json.");
    }
  }

  private JobSpec readJob() throws IOException {
    JobKind forced = kind.kind().orElse(null);
    if (example != null) {
      return JobFile.parseJob(Examples.file(example, "job.json").orElseThrow(), "example " + example + "/job.json", forced);
    }
    return JobFile.readJob(jobFile.file, forced);
  }

  private NetworkSnapshot readNetwork(JobSpec job) throws IOException {
    if (example != null) {
      return SnapshotBundle.parse(Examples.file(example, "network.json").orElseThrow(),
          "example " + example + "/network.json");
    }
    return networkOptions.read(job.scope(), () -> LiveNetwork.installed().orElseThrow());
  }

  private String render(PreflightReport report, RuleEngine engine) {
    switch (format) {
      case json:
        return JsonReport.render(report, verbose);
      case sarif:
        Map<String, String> titles = new LinkedHashMap<>();
        for (Rule r : engine.rules()) {
          titles.put(r.id(), r.title());
        }
        return SarifReport.render(report, artifactUri(), titles, RulePages.baseUrl(), verbose);
      default:
        return TextReport.render(report, color.textOptions(verbose));
    }
  }

  /** The job file as a SARIF artifact URI reference. */
  private String artifactUri() {
    if (example != null) {
      return "examples/" + example + "/job.json";
    }
    Path job = jobFile.file;
    if (job.isAbsolute()) {
      return job.toUri().toString();
    }
    try {
      return new URI(null, null, job.toString().replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException e) {
      return job.getFileName().toString();
    }
  }
}
