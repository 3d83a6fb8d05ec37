package dev.vpctrain.cli;

import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.remediation.RemediationPlan;
import dev.vpctrain.core.remediation.RemediationPlanner;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vpctrain plan}: what to change so that the job's preflight passes, changing nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Prints the remediation plan of a training job's network: each step, the finding it fixes, "
        + "the AWS call it makes and whether it can be undone, with policy documents as a diff. Changes nothing.",
        "Exit code: the verdict of the network as it is now: 0 READY, 1 NOT_READY, 2 UNVERIFIED."})
final class PlanCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Mixin
  JobInputs inputs;

  @Option(names = "--network", paramLabel = "FILE", description = "A snapshot bundle of the network (JSON).")
  Path network;

  @Option(names = "--live", description = "Discover the network from the live AWS APIs.")
  boolean live;

  @Option(names = "--region", paramLabel = "R", description = "AWS region (with --live).")
  String region;

  @Option(names = "--profile", paramLabel = "P", description = "AWS CLI profile (with --live).")
  String profile;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Plan format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws IOException {
    if (network != null && live) {
      throw new UsageException("--network and --live exclude each other: plan from a bundle or from live AWS.");
    }
    if (network == null && !live) {
      throw new UsageException("give the network: --network bundle.json (a snapshot bundle) or --live.");
    }
    if (!live && (region != null || profile != null)) {
      throw new UsageException("--region and --profile apply only with --live (a bundle names its own region).");
    }
    TrainingJobSpec job = inputs.read();
    NetworkSnapshot snapshot = live
        ? new AwsLiveNetwork().discover(job, Optional.ofNullable(region), Optional.ofNullable(profile))
        : SnapshotBundle.read(network);
    PreflightReport report = RuleEngine.standard().evaluate(job, snapshot);
    RemediationPlan plan = RemediationPlanner.plan(job, snapshot, report);
    if (format == Format.json) {
      spec.commandLine().getOut().println(plan.toJson());
    } else {
      spec.commandLine().getOut().println("Preflight: " + report.verdict() + " (" + report.problems().size()
          + (report.problems().size() == 1 ? " finding)" : " findings)"));
      spec.commandLine().getOut().print(plan.render());
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.of(report.verdict());
  }
}
