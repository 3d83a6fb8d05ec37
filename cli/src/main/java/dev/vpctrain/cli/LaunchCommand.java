package dev.vpctrain.cli;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.job.SdkJsonException;
import dev.vpctrain.aws.launch.LaunchPolicy;
import dev.vpctrain.aws.launch.PreflightFailedException;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.core.job.JobSpec;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vpctrain launch}: the preflight gate, the create call of the job's kind, then the watch. */
@Command(name = "launch", mixinStandardHelpOptions = true,
    description = {"Creates a job when its network check passes, then follows it.",
        "The job is a CreateTrainingJob, CreateProcessingJob or CreateHyperParameterTuningJob request.",
        "Launching the same job again attaches to it. The job is refused when the check is NOT_READY, or "
            + "UNVERIFIED without --allow-unverified."})
@ExitCodes.Returns({ExitCodes.READY, ExitCodes.NOT_READY, ExitCodes.UNVERIFIED, ExitCodes.JOB_FAILED, ExitCodes.USAGE,
    ExitCodes.INVALID_INPUT, ExitCodes.FILE_NOT_FOUND, ExitCodes.AWS_UNAVAILABLE, ExitCodes.INTERNAL,
    ExitCodes.INTERRUPTED})
final class LaunchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  JobInputs inputs;

  @Mixin
  NetworkFileOption network = new NetworkFileOption();

  @Option(names = "--allow-unverified",
      description = "Launch even when some checks could not be decided (verdict UNVERIFIED).")
  boolean allowUnverified;

  @Mixin
  FailOnOption failOn = new FailOnOption();

  @Option(names = "--no-wait", description = "Return once the job is created, instead of following it.")
  boolean noWait;

  /** --region, --profile, --endpoint-url, --plain, --poll-interval, --color, --no-color. */
  @Mixin
  WatchOptions watch = new WatchOptions();

  @Override
  public Integer call() throws IOException, InterruptedException {
    watch.color.choice(); // --color with --no-color: a usage error before any file is read
    JobSpec job = inputs.readAny();
    if (!(job instanceof TrainingJobSpec spec)) {
      return RequestLaunch.run(job.kind(), job.name(), inputs, network, policy(), noWait, watch,
          this.spec.commandLine().getOut());
    }
    NetworkSnapshot bundle = network.file == null ? null : SnapshotBundle.read(network.file);
    PrintWriter out = this.spec.commandLine().getOut();
    try (AwsClients clients = watch.clients()) {
      VpcTrain.Builder b = watch.vpcTrain(clients).launchPolicy(policy());
      if (bundle != null) {
        b.networkSource(j -> bundle);
      } else {
        b.ec2(clients.ec2()).s3(clients.s3());
      }
      TrainingRun run;
      try {
        run = b.build().launch(spec);
      } catch (PreflightFailedException e) {
        clients.requireCredentials(); // refused because no call had credentials: say that, once
        out.print(report(e.report()));
        out.flush();
        throw e; // exits 1 or 2 in Failures, which says why on stderr
      } catch (SdkJsonException e) {
        throw e.inFile(inputs.job().toString()); // the job file's extra members do not fit the API
      }
      PreflightReport report = run.preflight().orElse(null);
      if (report != null) {
        out.print(report(report));
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
      return watch.follow(run, this.spec);
    }
  }

  /** The preflight's text report, coloured and wrapped for the terminal. */
  private String report(PreflightReport report) {
    return TextReport.render(report, watch.color.textOptions(false));
  }

  private LaunchPolicy policy() {
    return LaunchPolicy.standard()
        .unverified(allowUnverified ? LaunchPolicy.Decision.ALLOW : LaunchPolicy.Decision.REFUSE)
        .warnings(failOn.warnings() ? LaunchPolicy.Decision.REFUSE : LaunchPolicy.Decision.ALLOW);
  }
}
