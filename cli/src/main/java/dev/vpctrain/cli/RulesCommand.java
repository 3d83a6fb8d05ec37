package dev.vpctrain.cli;

import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vpctrain rules [ID]}: the rule catalogue, or one rule's documentation page. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Lists the rules (id, severity, title), or prints one rule's page.")
@ExitCodes.Returns({ExitCodes.READY, ExitCodes.USAGE, ExitCodes.INTERNAL})
final class RulesCommand implements Callable<Integer> {
  static final String DOCS = "/dev/vpctrain/cli/docs/rules/";

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "RULE_ID", description = "The rule whose page to print, for example s3.route.missing.")
  String id;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<Rule> rules = RuleEngine.standard().rules();
    if (id == null) {
      int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(0);
      for (Rule r : rules) {
        out.printf("%-" + width + "s  %-7s  %s%n", r.id(), r.severity(), r.title());
      }
      return ExitCodes.READY;
    }
    printPage(RuleIds.find(rules, id), out);
    return ExitCodes.READY;
  }

  /** Prints {@code rule}'s page, as bundled in the jar; the rule's id and title when the build has none. */
  static void printPage(Rule rule, PrintWriter out) throws IOException {
    Optional<String> page = page(rule.id());
    if (page.isPresent()) {
      out.print(page.get());
      if (!page.get().endsWith("\n")) {
        out.println();
      }
    } else {
      out.printf("%s  (%s)%n%n%s%n%nNo documentation page for this rule is bundled in this build "
          + "(docs/rules/%s.md).%n", rule.id(), rule.severity(), rule.title(), rule.id());
    }
    out.flush();
  }

  static Optional<String> page(String ruleId) throws IOException {
    try (InputStream in = RulesCommand.class.getResourceAsStream(DOCS + ruleId + ".md")) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
