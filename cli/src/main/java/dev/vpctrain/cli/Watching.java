package dev.vpctrain.cli;

import dev.vpctrain.aws.AwsCallException;
import dev.vpctrain.aws.launch.JobConflictException;
import dev.vpctrain.aws.launch.TrainingOutcome;
import dev.vpctrain.aws.launch.TrainingRun;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;

/** Following a job to its end on the command line, and the exit codes of launch and watch errors. */
final class Watching {
  private Watching() {}

  /** Awaits {@code run} with a display; 0 when it completed, 3 when it failed or was stopped. */
  // Java 17: console() is null when stdin/stdout is no terminal (JDK 22+ would need Console.isTerminal())
  @SuppressWarnings("SystemConsoleNull")
  static int follow(TrainingRun run, CommandSpec spec, boolean plain) {
    PrintWriter out = spec.commandLine().getOut();
    boolean terminal = !plain && System.console() != null;
    WatchDisplay display = WatchDisplay.of(terminal, out, run, Clock.systemUTC());
    TrainingOutcome outcome;
    try {
      outcome = run.await(display);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      spec.commandLine().getErr().println("vpctrain: interrupted; training job " + run.jobName() + " keeps running.");
      return ExitCodes.JOB_FAILED;
    } catch (AwsCallException e) {
      return fail(spec, e);
    }
    display.finish(outcome);
    return outcome.isCompleted() ? ExitCodes.READY : ExitCodes.JOB_FAILED;
  }

  /** Prints {@code e} and returns its exit code: 65 for a request AWS rejects as invalid, else 69. */
  static int fail(CommandSpec spec, AwsCallException e) {
    int code = e instanceof JobConflictException || "ValidationException".equals(e.errorCode())
        ? ExitCodes.INVALID_INPUT : ExitCodes.AWS_UNAVAILABLE;
    String prefix = code == ExitCodes.INVALID_INPUT ? "invalid input: " : "AWS is unavailable or denied a required call: ";
    spec.commandLine().getErr().println("vpctrain: " + prefix + e.getMessage());
    spec.commandLine().getErr().flush();
    return code;
  }
}
