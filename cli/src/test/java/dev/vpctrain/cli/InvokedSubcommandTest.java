package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Start-up: the command line builds only the subcommand its arguments name, and that subcommand is the
 * same as in the whole tree (options, help, exit codes).
 */
class InvokedSubcommandTest {
  @Test
  void onlyTheNamedSubcommandIsBuilt() {
    assertThat(Main.commandLine("check", "--example", "x").getSubcommands()).containsOnlyKeys("check");
    assertThat(Main.commandLine("--debug", "plan", "--job", "j").getSubcommands()).containsOnlyKeys("plan");
    assertThat(Main.invokedSubcommand("rules", "--help")).isEqualTo(RulesCommand.class);
    assertThat(Main.commandLine("--version").getSubcommands()).isEmpty();
  }

  @Test
  void theVersionIsPrintedWithoutAnyCommandBuilt() {
    StringWriter out = new StringWriter();
    int code = Main.run(new String[] {"--version"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("vpctrain ").contains("(commit ");
  }

  @Test
  void theWholeTreeWhenNoSubcommandIsNamed() {
    int all = Main.subcommands().size();
    assertThat(Main.commandLine().getSubcommands()).hasSize(all);
    for (String[] args : new String[][] {{}, {"--help"}, {"chek"}, {"--debug"}, {"--debug", "--help"}, {"--version", "check"},
        {"completion", "bash"}}) {
      assertThat(Main.commandLine(args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
    }
  }

  @Test
  void eachNameIsItsCommandsAnnotatedName() {
    Main.subcommands().forEach((name, type) -> {
      CommandLine.Command command = type.getAnnotation(CommandLine.Command.class);
      assertThat(command.name()).as(type.getSimpleName()).isEqualTo(name);
      assertThat(command.aliases()).as(name + " aliases (add them to Main.subcommands)").isEmpty();
    });
  }

  @Test
  void aSubcommandBuiltAloneIsTheOneOfTheWholeTree() {
    CommandLine whole = Main.commandLine();
    for (Class<?> type : Main.subcommands().values()) {
      String name = type.getAnnotation(CommandLine.Command.class).name();
      CommandLine alone = Main.commandLine(name).getSubcommands().get(name);
      assertThat(alone).as(name).isNotNull();
      assertThat(alone.getUsageMessage(CommandLine.Help.Ansi.OFF))
          .as(name).isEqualTo(whole.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF));
      assertThat(alone.getCommandSpec().usageMessage().exitCodeList()).as(name)
          .isEqualTo(whole.getSubcommands().get(name).getCommandSpec().usageMessage().exitCodeList());
    }
  }

  @Test
  void aMistypedOptionOfTheNamedSubcommandIsStillSuggested() {
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"check", "--exmple", "x"}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--example");
  }
}
