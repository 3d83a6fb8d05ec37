package dev.vpctrain.cli;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.aws.launch.TrainingRun;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Following a job to its end, for {@code launch} and {@code watch}: the AWS options ({@link AwsOptions}),
 * {@code --plain}, {@code --poll-interval} and the colours ({@link ColorOption}), the clients that follow
 * a job, and the display. A picocli mixin.
 */
final class WatchOptions {
  @Mixin
  AwsOptions aws = new AwsOptions();

  /** --color, --no-color and the terminal: the live display or plain lines, and their colours. */
  @Mixin
  ColorOption color = new ColorOption();

  @Option(names = "--plain", description = "Print plain lines instead of the live display, which a terminal gets "
      + "unless TERM is dumb.")
  boolean plain;

  @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "5s", converter = PollInterval.class,
      description = "First delay between status polls; it backs off to 6 times this (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  /** The AWS clients of {@code --region}, {@code --profile} and {@code --endpoint-url}. */
  AwsClients clients() {
    return aws.clients();
  }

  /** A builder with what following a job needs: SageMaker, CloudWatch, its logs and the poll delays. */
  VpcTrain.Builder vpcTrain(AwsClients clients) {
    return VpcTrain.builder().sageMaker(clients.sageMaker()).cloudWatch(clients.cloudWatch())
        .cloudWatchLogs(clients.logs()).pollDelays(pollInterval, pollInterval.multipliedBy(6));
  }

  /**
   * Awaits {@code run} with a display; 0 when it completed, 3 when it failed or was stopped.
   *
   * @throws InterruptedException when interrupted, naming the job that keeps running (exit code 130)
   */
  int follow(TrainingRun run, CommandSpec spec) throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Terminal terminal = color.terminal();
    WatchDisplay display = !plain && terminal.redraws()
        ? new LiveWatchDisplay(out, run, Clock.systemUTC(), color.paint(), terminal.width())
        : new PlainWatchDisplay(out, run, Clock.systemUTC(), color.paint());
    TrainingOutcome outcome;
    try {
      outcome = run.await(display);
    } catch (InterruptedException e) {
      InterruptedException named = new InterruptedException("training job " + run.jobName() + " keeps running.");
      named.initCause(e);
      throw named;
    }
    display.finish(outcome);
    return outcome.isCompleted() ? ExitCodes.READY : ExitCodes.JOB_FAILED;
  }
}
