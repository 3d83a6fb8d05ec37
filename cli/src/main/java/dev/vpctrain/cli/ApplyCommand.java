package dev.vpctrain.cli;

import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.aws.remediation.ApplyOptions;
import dev.vpctrain.aws.remediation.PlanApplier;
import dev.vpctrain.aws.remediation.RemediationRun;
import dev.vpctrain.aws.remediation.Remediator;
import dev.vpctrain.aws.remediation.StepResult;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vpctrain apply}: plans from the live network and applies the plan (a dry run unless {@code --yes}). */
@Command(name = "apply", mixinStandardHelpOptions = true, modelTransformer = ApplyCommand.HideNetworkFile.class,
    description = {"Applies the remediation plan to the live network; a dry run unless --yes.",
        "It plans from the live network, applies the plan, then runs the preflight again. Without --yes, EC2 calls "
            + "are sent with DryRun and nothing is changed. Steps are idempotent: after a failure, running apply "
            + "again completes the rest. Nothing you made is deleted. The exit code is the verdict afterwards, "
            + "or 69 when AWS refused a call."})
@ExitCodes.Returns({ExitCodes.READY, ExitCodes.NOT_READY, ExitCodes.UNVERIFIED, ExitCodes.USAGE, ExitCodes.INVALID_INPUT,
    ExitCodes.FILE_NOT_FOUND, ExitCodes.AWS_UNAVAILABLE, ExitCodes.INTERNAL})
final class ApplyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  JobInputs inputs;

  /** {@code --live} (required below), {@code --region}, {@code --profile}; {@code --network} only to refuse it. */
  @Mixin
  NetworkOptions networkOptions = new NetworkOptions();

  /** --color, --no-color and the terminal: colour and width of the report after applying. */
  @Mixin
  ColorOption color = new ColorOption();

  @Option(names = "--yes", description = "Make the changes. Without it, apply is a dry run.")
  boolean yes;

  @Option(names = "--include-optional",
      description = "Also apply optional hardening (steps that narrow policies, such as restricting a bucket to the endpoint).")
  boolean includeOptional;

  @Option(names = "--include-iam",
      description = "Also put the execution role's inline policy (iam:PutRolePolicy; read first with iam:GetRolePolicy "
          + "and reverted with iam:DeleteRolePolicy or the previous document if a later step fails). Trust policies are never changed.")
  boolean includeIam;

  @Override
  public Integer call() throws IOException {
    if (networkOptions.bundle() != null) {
      throw new UsageException("apply changes the live network, so it reads it live: use --live. "
          + "'vpctrain plan --network bundle.json' shows the plan of a bundle.");
    }
    if (!networkOptions.live) {
      throw new UsageException("apply needs --live: it reads and changes the live network (a dry run unless --yes).");
    }
    Paint paint = color.paint(); // --color with --no-color: a usage error before any file is read
    TrainingJobSpec job = inputs.readWorkload("apply");
    PrintWriter out = spec.commandLine().getOut();
    try (AwsClients clients = new AwsClients(networkOptions.account.region(), networkOptions.account.profile(),
        Optional.empty())) {
      LiveNetworkDiscovery discovery = AwsLiveNetwork.discovery(clients);
      Remediator remediator = Remediator.builder()
          .network(j -> DescribedNetwork.require(clients, discovery.snapshotFor(j), List.of(Section.SUBNETS, Section.SECURITY_GROUPS)))
          .applier(PlanApplier.builder().ec2(clients.ec2()).s3(clients.s3()).iam(includeIam ? clients.iam() : null).build())
          .build();
      RemediationRun run = remediator.remediate(job,
          ApplyOptions.builder().dryRun(!yes).includeOptional(includeOptional)
              .includeIam(includeIam).build());
      out.println("Preflight before: " + paint.verdict(run.before().verdict()));
      out.print(run.plan().render());
      out.println();
      out.print(run.applied().render());
      run.after().ifPresent(after -> {
        out.println();
        out.println("Preflight after applying:");
        out.print(TextReport.render(after, color.textOptions(false)));
      });
      if (!yes && !run.applied().results().isEmpty()) {
        out.println();
        out.println("This was a dry run. Run again with --yes to make the changes.");
      }
      out.flush();
      Optional<StepResult> failure = run.applied().failure();
      if (failure.isPresent() && failure.get().errorCode().map(Failures::denied).orElse(false)) {
        return ExitCodes.AWS_UNAVAILABLE;
      }
      return ExitCodes.of(run.current().verdict());
    }
  }

  /**
   * Hides {@code --network} of {@link NetworkOptions} from apply's help: apply takes it only to answer
   * with the command that plans from a bundle, instead of picocli's "Unknown option".
   */
  static final class HideNetworkFile implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
      OptionSpec network = command.findOption("--network");
      command.remove(network);
      command.addOption(network.toBuilder().hidden(true).build());
      return command;
    }
  }
}
