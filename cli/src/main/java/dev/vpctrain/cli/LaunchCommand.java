package dev.vpctrain.cli;

import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.aws.launch.LaunchPolicy;
import dev.vpctrain.aws.launch.PreflightFailedException;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.aws.job.SdkJsonException;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.TextReport;
import dev.vpctrain.core.report.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vpctrain launch}: the preflight gate, CreateTrainingJob, then the watch. */
@Command(name = "launch", mixinStandardHelpOptions = true,
    description = {"Checks a training job's network, creates the job when the check passes,",
        "and follows it. Launching the same job again attaches to it.",
        "Exit code: 0 success, 1 refused (NOT_READY), 2 refused (UNVERIFIED),",
        "3 the job failed, 65 AWS rejected the request, 69 AWS unavailable or denied."})
final class LaunchCommand implements Callable<Integer> {
  enum FailOn { error, warning }

  @Spec
  CommandSpec spec;

  @Option(names = "--job", required = true, paramLabel = "FILE", description = "The CreateTrainingJob request (JSON).")
  Path job;

  @Option(names = "--network", paramLabel = "FILE",
      description = "Check against this snapshot bundle instead of discovering the network live.")
  Path network;

  @Mixin
  JobOptions jobOptions = new JobOptions();

  @Option(names = "--allow-unverified",
      description = "Launch even when some checks could not be decided (verdict UNVERIFIED).")
  boolean allowUnverified;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
      description = "Lowest severity whose FAIL refuses the launch: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(names = "--no-wait", description = "Return once the job is created instead of following it.")
  boolean noWait;

  @Option(names = "--plain", description = "Plain lines even on a terminal (no live display).")
  boolean plain;

  @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "5s", converter = PollInterval.class,
      description = "First delay between status polls; it backs off to 6 times this (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Mixin
  AwsOptions aws = new AwsOptions();

  @Override
  public Integer call() throws IOException {
    jobOptions.validate(); // a usage error before any file is read
    TrainingJobSpec spec = jobOptions.applyTo(JobFile.read(job));
    NetworkSnapshot bundle = network == null ? null : SnapshotBundle.read(network);
    PrintWriter out = this.spec.commandLine().getOut();
    PrintWriter err = this.spec.commandLine().getErr();
    try (AwsClients clients = aws.clients()) {
      VpcTrain.Builder b = VpcTrain.builder().sageMaker(clients.sageMaker()).cloudWatch(clients.cloudWatch())
          .cloudWatchLogs(clients.logs()).launchPolicy(policy()).pollDelays(pollInterval, pollInterval.multipliedBy(6));
      if (bundle != null) {
        b.networkSource(j -> bundle);
      } else {
        b.ec2(clients.ec2()).s3(clients.s3());
      }
      TrainingRun run;
      try {
        run = b.build().launch(spec);
      } catch (PreflightFailedException e) {
        out.print(TextReport.render(e.report(), false));
        out.flush();
        err.println("vpctrain: training job " + spec.name() + " was not created: refused by the preflight ("
            + String.join(", ", e.ruleIds()) + ").");
        err.flush();
        return e.verdict() == Verdict.UNVERIFIED ? ExitCodes.UNVERIFIED : ExitCodes.NOT_READY;
      } catch (AwsCallException e) {
        return Watching.fail(this.spec, e);
      } catch (SdkJsonException e) {
        throw new UsageException(job + ": " + e.getMessage());
      }
      PreflightReport report = run.preflight().orElse(null);
      if (report != null) {
        out.print(TextReport.render(report, false));
      }
      out.println(run.attached()
          ? "Training job " + spec.name() + " already exists with the same request; following it."
          : "Created training job " + spec.name() + run.jobArn().map(a -> " (" + a + ")").orElse("") + ".");
      out.flush();
      if (noWait) {
        out.println("Not waiting. Follow it with: vpctrain watch " + spec.name());
        out.flush();
        return ExitCodes.READY;
      }
      return Watching.follow(run, this.spec, plain);
    }
  }

  private LaunchPolicy policy() {
    return LaunchPolicy.standard()
        .unverified(allowUnverified ? LaunchPolicy.Decision.ALLOW : LaunchPolicy.Decision.REFUSE)
        .warnings(failOn == FailOn.warning ? LaunchPolicy.Decision.REFUSE : LaunchPolicy.Decision.ALLOW);
  }
}
