package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --help} reads in complete sentences and lists each command's exit codes from {@link ExitCodes};
 * a mistyped command or option gets a suggestion; {@code completion} prints the shell script.
 */
class HelpAndSuggestionsTest {
  private static List<CommandSpec> commands() {
    CommandLine root = Main.commandLine();
    List<CommandSpec> all = new ArrayList<>();
    all.add(root.getCommandSpec());
    root.getSubcommands().values().forEach(c -> all.add(c.getCommandSpec()));
    return all;
  }

  @Test
  void everyDescriptionIsMadeOfCompleteSentences() {
    for (CommandSpec command : commands()) {
      String[] description = command.usageMessage().description();
      assertThat(description).as(command.qualifiedName()).isNotEmpty();
      if (command.parent() != null) { // the first line is the summary in the root's command list: one sentence
        assertThat(description[0]).as(command.qualifiedName() + " summary").endsWith(".").hasSizeLessThan(80);
      }
      for (String line : description) {
        assertThat(line).as(command.qualifiedName()).matches("[A-Z].*\\.").doesNotContain("Exit code");
      }
      for (ArgSpec arg : command.args()) {
        String text = String.join(" ", arg.description());
        assertThat(text).as(command.qualifiedName() + " " + arg.paramLabel()).matches("[A-Z].*\\.");
      }
      assertThat(command.usageMessage().footer()).as(command.qualifiedName()).isEmpty();
    }
  }

  @Test
  void everyCommandListsItsExitCodesWithTheOneMeaningOfEach() {
    for (CommandSpec command : commands()) {
      Map<String, String> codes = command.usageMessage().exitCodeList();
      assertThat(codes).as(command.qualifiedName()).containsKeys(" 64", " 70");
      codes.forEach((code, meaning) -> assertThat(meaning).isEqualTo(ExitCodes.meaning(Integer.parseInt(code.trim()))));
      String help = Cli.run(command.qualifiedName().replace("vpctrain", "").trim().isEmpty()
          ? new String[] {"--help"} : new String[] {command.name(), "--help"}).out;
      assertThat(help).as(command.qualifiedName()).contains("Exit codes:\n", "\n   70   " + ExitCodes.meaning(70) + "\n")
          .doesNotContain(" e.\n");
    }
    assertThat(Main.commandLine().getCommandSpec().usageMessage().exitCodeList().keySet())
        .as("the root lists every code").hasSize(ExitCodes.ALL.length);
    assertThat(Main.commandLine().getSubcommands().get("launch").getCommandSpec().usageMessage().exitCodeList())
        .containsKeys("  3", " 65", "130");
    assertThat(Main.commandLine().getSubcommands().get("rules").getCommandSpec().usageMessage().exitCodeList())
        .doesNotContainKeys("  1", " 69");
  }

  @Test
  void aMistypedCommandSuggestsTheCommand() {
    Cli r = Cli.run("chek", "--example", "ready-private-endpoints");

    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).isEqualTo("vpctrain: 'chek' is not a vpctrain command.\nDid you mean: check?\n"
        + "Try 'vpctrain --help' for the commands.\n");
  }

  @Test
  void aMistypedOptionSuggestsTheOption() {
    Cli r = Cli.run("check", "--netwrok", "bundle.json", "--job", "job.json");

    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    List<String> lines = Arrays.asList(r.err.split("\n"));
    assertThat(lines.get(0)).startsWith("vpctrain: Unknown option").contains("'--netwrok'");
    assertThat(lines.get(1)).startsWith("Did you mean: --network");
    assertThat(lines).last().isEqualTo("Try 'vpctrain check --help' for the options.");
  }

  @Test
  void completionPrintsTheScriptForBashAndZsh() {
    Cli bash = Cli.run("completion", "bash");
    Cli zsh = Cli.run("completion", "zsh");

    assertThat(bash.code).as(bash.toString()).isZero();
    assertThat(bash.out).contains("complete -F _complete_vpctrain", "check", "snapshot", "completion",
        "--network", "--accept-unverified");
    assertThat(zsh.code).as(zsh.toString()).isZero();
    assertThat(zsh.out).startsWith("# vpctrain completion for zsh").contains("bashcompinit")
        .endsWith(bash.out);
    assertThat(Cli.run("completion", "fish").code).isEqualTo(ExitCodes.USAGE);
  }
}
