package dev.vpctrain.cli;

import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleEngine;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vpctrain explain RULE_ID}: the rule's documentation page, read from inside the jar, so that
 * a user who has only the jar can read what a finding means and how to fix it.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Prints the documentation page of one rule.",
        "The page says what the rule checks and why, shows an example that fails, and gives the fix. "
            + "For an unknown rule id, the closest ids are suggested."})
@ExitCodes.Returns({ExitCodes.READY, ExitCodes.USAGE, ExitCodes.INTERNAL})
final class ExplainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "RULE_ID", description = "A rule id, for example s3.route.missing ('vpctrain rules' lists them).")
  String id;

  @Override
  public Integer call() throws IOException {
    Rule rule = RuleIds.find(RuleEngine.standard().rules(), id);
    RulesCommand.printPage(rule, spec.commandLine().getOut());
    return ExitCodes.READY;
  }
}
