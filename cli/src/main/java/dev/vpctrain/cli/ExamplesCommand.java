package dev.vpctrain.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vpctrain examples}: the bundled examples, one line each. */
@Command(name = "examples", mixinStandardHelpOptions = true,
    description = "Lists the bundled examples; run one with 'vpctrain check --example NAME'.")
@ExitCodes.Returns({ExitCodes.READY, ExitCodes.USAGE, ExitCodes.INTERNAL})
final class ExamplesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, String> index = Examples.index();
    int width = index.keySet().stream().mapToInt(String::length).max().orElse(0);
    index.forEach((name, description) ->
        spec.commandLine().getOut().printf("%-" + width + "s  %s%n", name, description));
    return ExitCodes.READY;
  }
}
