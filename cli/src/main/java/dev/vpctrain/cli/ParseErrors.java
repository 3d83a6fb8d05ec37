package dev.vpctrain.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What a command line picocli cannot parse prints (exit code 64): what is wrong, "Did you mean: check?"
 * for a mistyped command or option, and where the help is.
 */
final class ParseErrors {
  private ParseErrors() {}

  /** Prints the error, a suggestion when there is a close one, and the help to read. */
  static void print(ParameterException e, PrintWriter err) {
    CommandSpec command = e.getCommandLine().getCommandSpec();
    err.println("vpctrain: " + message(e));
    suggestion(e).ifPresent(err::println);
    err.println("Try '" + command.qualifiedName() + " --help' for the "
        + (command.subcommands().isEmpty() ? "options." : "commands."));
  }

  /** The error; an unknown word where a command is expected says so. */
  private static String message(ParameterException e) {
    if (e instanceof UnmatchedArgumentException && !e.getCommandLine().getCommandSpec().subcommands().isEmpty()) {
      List<String> unmatched = ((UnmatchedArgumentException) e).getUnmatched();
      if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
        return "'" + unmatched.get(0) + "' is not a vpctrain command.";
      }
    }
    return e.getMessage();
  }

  /**
   * "Did you mean: check?": picocli's suggestions for the first unmatched word, those within two
   * edits of it (a typo), else picocli's first.
   */
  static Optional<String> suggestion(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException)) {
      return Optional.empty();
    }
    UnmatchedArgumentException unmatched = (UnmatchedArgumentException) e;
    List<String> all = unmatched.getSuggestions();
    if (all.isEmpty() || unmatched.getUnmatched().isEmpty()) {
      return Optional.empty();
    }
    String typed = unmatched.getUnmatched().get(0).split("=", 2)[0].toLowerCase(Locale.ROOT);
    List<String> close = all.stream().filter(s -> RuleIds.distance(typed, s.toLowerCase(Locale.ROOT)) <= 2)
        .collect(Collectors.toList());
    return Optional.of("Did you mean: " + String.join(" or ", close.isEmpty() ? all.subList(0, 1) : close) + "?");
  }
}
