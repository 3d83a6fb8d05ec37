package dev.vpctrain.cli;

import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.aws.launch.TrainingRun;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;

/** Following a job to its end on the command line. */
final class Watching {
  private Watching() {}

  /**
   * Awaits {@code run} with a display; 0 when it completed, 3 when it failed or was stopped.
   *
   * @throws InterruptedException when interrupted, naming the job that keeps running (exit code 130)
   */
  // Java 17: console() is null when stdin/stdout is no terminal (JDK 22+ would need Console.isTerminal())
  @SuppressWarnings("SystemConsoleNull")
  static int follow(TrainingRun run, CommandSpec spec, boolean plain) throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    boolean terminal = !plain && System.console() != null;
    WatchDisplay display = WatchDisplay.of(terminal, out, run, Clock.systemUTC());
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
