package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option of every command is declared in one place: a command or the one mixin that all
 * commands taking it compose. The two exceptions say why in their classes.
 */
class OptionDeclarationsTest {
  @Test
  void everyOptionIsDeclaredInOneClass() {
    Map<String, Set<String>> declaredIn = new TreeMap<>();
    for (CommandLine command : Main.commandLine().getSubcommands().values()) {
      for (OptionSpec option : command.getCommandSpec().options()) {
        if (option.userObject() instanceof Field field) {
          declaredIn.computeIfAbsent(option.longestName(), n -> new TreeSet<>())
              .add(field.getDeclaringClass().getName().replace(Main.class.getPackageName() + ".", ""));
        }
      }
    }
    assertThat(declaredIn).containsEntry("--job", Set.of("JobFileOption$Optional", "JobFileOption$Required"))
        .containsEntry("--format", Set.of("AuditCommand", "CheckCommand", "PlanCommand"))
        .containsEntry("--region", Set.of("RegionProfileOptions"))
        .containsEntry("--network", Set.of("NetworkFileOption"))
        .containsEntry("--poll-interval", Set.of("WatchOptions"));
    declaredIn.remove("--job"); // required in some commands, optional in others: see JobFileOption
    declaredIn.remove("--format"); // check adds sarif to plan's values: each command declares its own
    assertThat(declaredIn).allSatisfy((name, classes) -> assertThat(classes).as(name).hasSize(1));
  }
}
