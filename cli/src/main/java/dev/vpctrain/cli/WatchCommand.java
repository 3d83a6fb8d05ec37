package dev.vpctrain.cli;

import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.discovery.LiveNetworkDiscovery;
import dev.vpctrain.aws.launch.TrainingRun;
import dev.vpctrain.core.job.JobKind;
import dev.vpctrain.core.network.NetworkSource;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vpctrain watch JOB_NAME [--kind K]}: status transitions, the log tail and metrics until the job ends. */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = {"Follows a training job until it ends, with its logs and metrics.",
        "It prints the job's status transitions, its CloudWatch log tail and instance metrics. A failure is "
            + "diagnosed against the job's network. With --kind processing or tuning it follows a processing job "
            + "with its log tail, or a tuning job with its training jobs' states, log tails, failures and best "
            + "objective."})
@ExitCodes.Returns({ExitCodes.READY, ExitCodes.JOB_FAILED, ExitCodes.USAGE, ExitCodes.AWS_UNAVAILABLE, ExitCodes.INTERNAL,
    ExitCodes.INTERRUPTED})
final class WatchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "JOB_NAME", description = "The job's name.")
  String jobName;

  /** --kind: the kind of job JOB_NAME names; training when not given. */
  @Mixin
  KindOption kind = new KindOption();

  /** --region, --profile, --endpoint-url, --plain, --poll-interval, --color, --no-color. */
  @Mixin
  WatchOptions watch = new WatchOptions();

  @Override
  public Integer call() throws InterruptedException {
    watch.color.choice(); // --color with --no-color: a usage error before any call
    try (AwsClients clients = watch.clients()) {
      // EC2 and S3 are needed only to diagnose a failure: their clients are built then
      NetworkSource live = job -> LiveNetworkDiscovery.builder().ec2(clients.ec2()).s3(clients.s3())
          .region(clients.region().id()).build().snapshotFor(job);
      VpcTrain vpctrain = watch.vpcTrain(clients).networkSource(live).build();
      JobKind k = kind.kind().orElse(JobKind.TRAINING);
      if (k != JobKind.TRAINING) {
        try {
          return RequestLaunch.watch(k, jobName, vpctrain, watch, spec.commandLine().getOut());
        } catch (AwsCallException e) {
          if (notFound(e)) {
            throw new UsageException("no " + k.label() + " job named '" + jobName + "' in " + clients.region().id()
                + " (" + e.operation() + ": " + e.awsMessage() + ")");
          }
          throw e;
        }
      }
      TrainingRun run;
      try {
        run = vpctrain.watch(jobName);
      } catch (AwsCallException e) {
        if (notFound(e)) {
          throw new UsageException("no training job named '" + jobName + "' in " + clients.region().id()
              + " (DescribeTrainingJob: " + e.awsMessage() + ")");
        }
        throw e;
      }
      return watch.follow(run, spec);
    }
  }

  private static boolean notFound(AwsCallException e) {
    return e.errorCode().startsWith("ResourceNotFound") || ("ValidationException".equals(e.errorCode())
        && e.awsMessage() != null && e.awsMessage().toLowerCase(Locale.ROOT).contains("not found"));
  }
}
