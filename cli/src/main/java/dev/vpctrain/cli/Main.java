package dev.vpctrain.cli;

import dev.vpctrain.core.BuildInfo;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code vpctrain} command: checks, examples and the rule catalogue. */
@Command(name = "vpctrain",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "Checks the VPC network of an Amazon SageMaker training job before it is launched.")
@ExitCodes.Returns({ExitCodes.READY, ExitCodes.NOT_READY, ExitCodes.UNVERIFIED, ExitCodes.JOB_FAILED, ExitCodes.USAGE,
    ExitCodes.INVALID_INPUT, ExitCodes.FILE_NOT_FOUND, ExitCodes.AWS_UNAVAILABLE, ExitCodes.INTERNAL,
    ExitCodes.INTERRUPTED})
public final class Main implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error, and each AWS request and response with its body, "
          + "secrets redacted (for bug reports).")
  boolean debug;

  /**
   * The subcommands by name, in the order help lists them. To add one, add a line here: a picocli
   * {@code @Command} of that name implementing {@code Callable<Integer>} that returns an exit code, with a
   * no-argument constructor. Names are written here, not read from the annotations, so that finding the
   * command to build parses no annotation ({@code InvokedSubcommandTest} checks they agree).
   */
  static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> commands = new LinkedHashMap<>();
    commands.put("check", CheckCommand.class);
    commands.put("snapshot", SnapshotCommand.class);
    commands.put("plan", PlanCommand.class);
    commands.put("apply", ApplyCommand.class);
    commands.put("examples", ExamplesCommand.class);
    commands.put("rules", RulesCommand.class);
    commands.put("explain", ExplainCommand.class);
    commands.put("launch", LaunchCommand.class);
    commands.put("watch", WatchCommand.class);
    commands.put("audit", AuditCommand.class);
    commands.put("completion", CompletionCommand.class);
    return commands;
  }

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--debug")) {
      debugLogging();
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /**
   * {@code --debug}: vpctrain's own debug logs, among them the wire log of request and response bodies
   * ({@link WireLog}, installed by {@link AwsClients} when its logger is at debug level), and the AWS
   * SDK's request logs (each request sent and response received, with request ids), on stderr. System
   * properties of slf4j-simple, so they must be set before the first logger is created;
   * {@code simplelogger.properties} holds the quiet defaults.
   */
  static void debugLogging() {
    String log = "org.slf4j.simpleLogger.log.";
    System.setProperty(log + "dev.vpctrain", "debug");
    System.setProperty(log + "software.amazon.awssdk.request", "debug");
    System.setProperty(log + "software.amazon.awssdk.requestId", "debug");
    System.setProperty(log + "software.amazon.awssdk.auth.credentials", "debug");
    System.setProperty(log + "software.amazon.awssdk.profiles", "warn");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
  }

  /**
   * Runs the command line, writing to {@code out} and {@code err}; returns the exit code.
   *
   * @param args the command-line arguments
   * @param out where the command writes its results
   * @param err where the command writes errors
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Terminal.system());
  }

  /** Runs the command line as if {@code out} went to {@code terminal} (colour and width of the output). */
  static int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cmd = commandLine(args);
    for (CommandLine sub : cmd.getSubcommands().values()) {
      sendTo(sub.getCommandSpec(), terminal);
    }
    cmd.setOut(out);
    cmd.setErr(err);
    Failures failures = new Failures(debug);
    cmd.setExecutionExceptionHandler(failures);
    cmd.setExitCodeExceptionMapper(failures);
    cmd.setParameterExceptionHandler((e, ignored) -> {
      PrintWriter w = e.getCommandLine().getErr();
      ParseErrors.print(e, w);
      if (debug) {
        e.printStackTrace(w);
      }
      return Failures.exitCode(e);
    });
    int code = cmd.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Hands {@code terminal} to every {@link ColorOption} that {@code command} mixes in, directly or
   * inside another mixin: declaring the mixin is all a command does to have its output follow it.
   */
  private static void sendTo(CommandSpec command, Terminal terminal) {
    for (CommandSpec mixin : command.mixins().values()) {
      if (mixin.userObject() instanceof ColorOption) {
        ((ColorOption) mixin.userObject()).terminal(terminal);
      } else {
        sendTo(mixin, terminal);
      }
    }
  }

  /** {@return the configured picocli command line, with every subcommand} */
  public static CommandLine commandLine() {
    return build(subcommands().values());
  }

  /**
   * The command line that runs {@code args}: when they name a subcommand, only that one is built (picocli
   * builds each command's model by reflection, a third of a short command's start-up when all ten are
   * built); otherwise (no command, {@code --help}, a typo to suggest for, {@code completion}, whose script
   * lists every command) all of them.
   */
  static CommandLine commandLine(String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return build(List.of()); // the version needs no command
    }
    Class<?> invoked = invokedSubcommand(args);
    return build(invoked == null || invoked == CompletionCommand.class ? subcommands().values() : List.of(invoked));
  }

  private static CommandLine build(Collection<Class<?>> subcommands) {
    CommandLine cmd = new CommandLine(new Main());
    for (Class<?> sub : subcommands) {
      cmd.addSubcommand(new CommandLine(sub)); // built on its own so that its @Command(modelTransformer) runs
    }
    listExitCodes(cmd);
    cmd.getSubcommands().values().forEach(Main::listExitCodes);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExitCodeExceptionMapper(new Failures(false));
    return cmd;
  }

  /**
   * The subcommand {@code args} name: their first argument that is not {@code --debug} (the one option
   * of {@code vpctrain} itself that comes with a command), when it is a subcommand's name; null when an
   * option or an unknown word comes first.
   */
  static Class<?> invokedSubcommand(String... args) {
    for (String arg : args) {
      if (!arg.equals("--debug")) {
        return arg.startsWith("-") ? null : subcommands().get(arg);
      }
    }
    return null;
  }

  /** The "Exit codes:" section of a command's help: the codes its {@link ExitCodes.Returns} declares. */
  private static void listExitCodes(CommandLine line) {
    ExitCodes.Returns codes = line.getCommand().getClass().getAnnotation(ExitCodes.Returns.class);
    if (codes != null) {
      line.getCommandSpec().usageMessage().exitCodeListHeading("Exit codes:%n")
          .exitCodeList(ExitCodes.help(codes.value()));
    }
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
