package dev.vpctrain.cli;

import dev.vpctrain.core.BuildInfo;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code vpctrain} command: checks, examples and the rule catalogue (formats.md §4). */
@Command(name = "vpctrain",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "Checks the VPC network of an Amazon SageMaker training job before it is launched.",
    footer = {"", "Exit codes: 0 READY (or success), 1 NOT_READY, 2 UNVERIFIED, 3 the launched job failed,",
        "64 usage error, 65 invalid input file, 66 file not found, 69 AWS unavailable, 70 internal error."})
public final class Main implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error (for bug reports).")
  boolean debug;

  /**
   * The subcommands, one per line. To add one, append {@code new YourCommand()} here: it is a
   * picocli {@code @Command} implementing {@code Callable<Integer>} that returns an exit code.
   */
  static List<Object> subcommands() {
    return List.of(
        new CheckCommand(),
        new SnapshotCommand(),
        new PlanCommand(),
        new ApplyCommand(),
        new ExamplesCommand(),
        new RulesCommand(),
        new ExplainCommand(),
        new LaunchCommand(),
        new WatchCommand());
  }

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--debug")) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
      System.setProperty("org.slf4j.simpleLogger.log.dev.vpctrain", "debug");
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs the command line, writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Terminal.system());
  }

  /** Runs the command line as if {@code out} went to {@code terminal} (colour and width of the text report). */
  static int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cmd = commandLine();
    for (CommandLine sub : cmd.getSubcommands().values()) {
      if (sub.getCommand() instanceof CheckCommand) {
        ((CheckCommand) sub.getCommand()).terminal = terminal;
      }
    }
    cmd.setOut(out);
    cmd.setErr(err);
    Failures failures = new Failures(debug);
    cmd.setExecutionExceptionHandler(failures);
    cmd.setExitCodeExceptionMapper(failures);
    cmd.setParameterExceptionHandler((e, ignored) -> {
      CommandLine.Model.CommandSpec s = e.getCommandLine().getCommandSpec();
      e.getCommandLine().getErr().println("vpctrain: " + e.getMessage());
      e.getCommandLine().getErr().println("Try '" + s.qualifiedName() + " --help' for the options.");
      if (debug) {
        e.printStackTrace(e.getCommandLine().getErr());
      }
      return Failures.exitCode(e);
    });
    int code = cmd.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The configured picocli command line. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new Main());
    for (Object sub : subcommands()) {
      cmd.addSubcommand(new CommandLine(sub)); // built on its own so that its @Command(modelTransformer) runs
    }
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExitCodeExceptionMapper(new Failures(false));
    return cmd;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("vpctrain: a command is required.");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** The version and commit the build wrote into core ({@link BuildInfo}), and the Java that runs it. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
          "vpctrain " + BuildInfo.version() + " (commit " + BuildInfo.commit() + ")",
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
