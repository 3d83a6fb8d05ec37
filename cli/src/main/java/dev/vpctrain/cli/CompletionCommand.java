package dev.vpctrain.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vpctrain completion bash|zsh}: the shell completion script of every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Prints the shell completion script for bash or zsh.",
        "Add 'source <(vpctrain completion bash)' to ~/.bashrc to load it in every new shell.",
        "With zsh, add 'source <(vpctrain completion zsh)' to ~/.zshrc."})
@ExitCodes.Returns({ExitCodes.READY, ExitCodes.USAGE, ExitCodes.INTERNAL})
final class CompletionCommand implements Callable<Integer> {
  /** The shells the script works in: one bash script, which zsh runs through bashcompinit. */
  enum Shell { bash, zsh }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
  Shell shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
    if (shell == Shell.zsh) {
      spec.commandLine().getOut().println("# vpctrain completion for zsh: the bash script below, loaded through "
          + "zsh's bashcompinit (it enables compinit and bashcompinit when needed).");
    }
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.READY;
  }
}
