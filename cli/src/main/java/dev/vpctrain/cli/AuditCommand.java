package dev.vpctrain.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vpctrain audit}: every job of every account of an organisation, checked against today's network. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"Audits every SageMaker job of many accounts and regions.",
        "In each account it assumes --role-name, lists the jobs of each region in the --since window, discovers "
            + "each VPC once for all its jobs and checks every job as check does; a failed job's failure reason is "
            + "diagnosed against today's network. Results are written as they come (docs/audit.md). Accounts or "
            + "regions that cannot be read are listed, and make the exit code 69."})
@ExitCodes.Returns({ExitCodes.READY, ExitCodes.NOT_READY, ExitCodes.UNVERIFIED, ExitCodes.USAGE, ExitCodes.INVALID_INPUT,
    ExitCodes.FILE_NOT_FOUND, ExitCodes.AWS_UNAVAILABLE, ExitCodes.INTERNAL, ExitCodes.INTERRUPTED})
final class AuditCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--accounts", paramLabel = "FILE",
      description = "The accounts to audit: a file of 12-digit account ids, one per line ('#' starts a comment).")
  Path accounts;

  @Option(names = "--organization", description = "Audit every active account organizations:ListAccounts lists.")
  boolean organization;

  @Option(names = "--role-name", paramLabel = "NAME", defaultValue = "VpcTrainAudit",
      description = "The role to assume in each account (default: ${DEFAULT-VALUE}); docs/iam-permissions.md lists "
          + "its read-only permissions.")
  String roleName;

  @Option(names = "--regions", paramLabel = "R1,R2|all", split = ",", required = true, hideParamSyntax = true,
      description = "The regions to read in each account, or all: the regions each account has enabled.")
  List<String> regions;

  @Option(names = "--since", paramLabel = "AGE", description = "Only jobs created this long ago or later: 30d, 12h, 2w "
      + "or an ISO-8601 duration (default: every job SageMaker lists).")
  String since;

  @Option(names = "--kinds", paramLabel = "K1,K2", split = ",", hideParamSyntax = true,
      description = "The kinds of job: training, processing, tuning (default: all three).")
  List<String> kinds;

  @Option(names = "--status", paramLabel = "S1,S2", split = ",", hideParamSyntax = true,
      description = "Only jobs in these statuses, for example Failed (default: every status).")
  List<String> statuses;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16",
      description = "How many accounts are read at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--shard", paramLabel = "I/N",
      description = "Audit only part I of N of the accounts (a deterministic split by account id), for N copies.")
  String shard;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "The output: text, json, jsonl, csv or sarif (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin
  OutputFileOption outputFile = new OutputFileOption();

  /** --region (where STS and Organizations are called), --profile and --endpoint-url. */
  @Mixin
  AwsOptions aws = new AwsOptions();

  @Mixin
  ColorOption color = new ColorOption();

  @Override
  public Integer call() throws Exception {
    return AuditRun.run(this, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
