package dev.vpctrain.cli;

import dev.vpctrain.core.job.JobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.remediation.RemediationPlan;
import dev.vpctrain.core.remediation.RemediationPlanner;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vpctrain plan}: what to change so that the job's preflight passes, changing nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Prints what to change so that a job's preflight passes; changes nothing.",
        "Each step of the remediation plan names the finding it fixes, the AWS call it makes and whether it can be "
            + "undone; policy documents are shown as a diff. The exit code is the verdict of the network as it is now."})
@ExitCodes.Returns({ExitCodes.READY, ExitCodes.NOT_READY, ExitCodes.UNVERIFIED, ExitCodes.USAGE, ExitCodes.INVALID_INPUT,
    ExitCodes.FILE_NOT_FOUND, ExitCodes.AWS_UNAVAILABLE, ExitCodes.INTERNAL})
final class PlanCommand implements Callable<Integer> {
  // its own values: check's --format adds sarif (a plan is no code-scanning result), so each declares its own
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Mixin
  JobInputs inputs;

  @Mixin
  NetworkOptions networkOptions = new NetworkOptions();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "The plan format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws IOException {
    networkOptions.requireOne("plan from a bundle or from live AWS.");
    networkOptions.requireLiveForAwsOptions();
    JobSpec job = inputs.readAny();
    NetworkSnapshot snapshot = networkOptions.read(job.scope(), AwsLiveNetwork::new);
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
