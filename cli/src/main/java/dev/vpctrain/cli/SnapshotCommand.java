package dev.vpctrain.cli;

import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.aws.job.JobFile;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vpctrain snapshot}: captures a job's (or a VPC's) network from live AWS into a bundle. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
    description = {"Captures a job's (or a VPC's) network from live AWS into a snapshot bundle.",
        "The bundle (docs/formats.md, section 2) is what 'check --network' reads offline. Only read APIs are called: EC2 and S3, "
            + "and for a job with EFS or FSx for Lustre channels or with --requires targets inside the VPC, also "
            + "those file systems and the targets' network interfaces. Calls that fail are recorded in the bundle's "
            + "errors, and their checks become UNVERIFIED."})
@ExitCodes.Returns({ExitCodes.READY, ExitCodes.USAGE, ExitCodes.INVALID_INPUT, ExitCodes.FILE_NOT_FOUND,
    ExitCodes.AWS_UNAVAILABLE, ExitCodes.INTERNAL})
final class SnapshotCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  JobFileOption.Optional jobFile = new JobFileOption.Optional();

  @Option(names = "--vpc", paramLabel = "VPC_ID", description = "A VPC to capture without a job (and without buckets).")
  String vpc;

  /** The in-VPC targets of {@code --requires} (needs {@code --job}): their network interfaces are captured too. */
  @Mixin
  RequiresOption requires = new RequiresOption();

  @Mixin
  AwsOptions aws = new AwsOptions();

  @Mixin
  OutputFileOption outputFile = new OutputFileOption();

  @Override
  public Integer call() throws IOException {
    if ((jobFile.file == null) == (vpc == null)) {
      throw new UsageException("give exactly one of --job job.json or --vpc vpc-…");
    }
    if (vpc != null && !vpc.matches("vpc-[0-9a-f]{8}([0-9a-f]{9})?")) {
      throw new UsageException("--vpc: expected a VPC id such as vpc-0a1b2c3d4e5f67890 but was '" + vpc + "'");
    }
    if (vpc != null && !requires.requires.isEmpty()) {
      throw new UsageException("--requires needs --job: a snapshot of a VPC captures no targets");
    }
    List<String> targets = requires.targets();
    TrainingJobSpec spec = jobFile.file == null ? null
        : JobOptions.withRequirements(JobFile.readJob(jobFile.file, null).scope(), targets, List.of(), false,
            List.of());
    NetworkSnapshot snapshot;
    try (AwsClients clients = aws.clients()) {
      LiveNetworkDiscovery discovery = AwsLiveNetwork.discovery(clients);
      if (spec != null) {
        snapshot = DescribedNetwork.require(clients, discovery.snapshotFor(spec),
            List.of(Section.SUBNETS, Section.SECURITY_GROUPS));
      } else {
        snapshot = DescribedNetwork.require(clients, discovery.snapshotOfVpc(vpc), List.of(Section.VPCS, Section.SUBNETS));
      }
    }
    PrintWriter out = spec().commandLine().getOut();
    PrintWriter err = spec().commandLine().getErr();
    if (outputFile.output == null) {
      out.println(SnapshotBundle.write(snapshot));
      out.flush();
    } else {
      SnapshotBundle.write(snapshot, outputFile.output);
      err.println("vpctrain: wrote " + outputFile.output + " (" + summary(snapshot) + ")");
    }
    for (CaptureError e : snapshot.errors()) {
      err.println("vpctrain: warning: " + e.operation() + (e.resource().isEmpty() ? "" : " " + e.resource())
          + " failed (" + e.code() + "): " + e.message());
    }
    err.flush();
    return ExitCodes.READY;
  }

  private CommandSpec spec() {
    return spec;
  }

  private static String summary(NetworkSnapshot s) {
    return s.subnets().map(List::size).orElse(0) + " subnets, "
        + s.securityGroups().map(List::size).orElse(0) + " security groups, "
        + s.routeTables().map(List::size).orElse(0) + " route tables, "
        + s.buckets().size() + " buckets, "
        + s.networkInterfaces().map(l -> l.size() + " network interfaces, ").orElse("")
        + s.efsFileSystems().map(l -> l.size() + " EFS file systems, ").orElse("")
        + s.fsxFileSystems().map(l -> l.size() + " FSx file systems, ").orElse("")
        + s.errors().size() + " failed calls";
  }
}
