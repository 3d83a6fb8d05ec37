package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code --help} text of {@code vpctrain} and of every subcommand, byte for byte: options shared
 * through mixins must read the same on every command. A deliberate change regenerates the files
 * ({@code -Dhelp.update=true}) and the diff is reviewed in the commit.
 */
class HelpTextTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "help");
  private static final boolean UPDATE = Boolean.getBoolean("help.update");

  @TestFactory
  Stream<DynamicTest> helpTexts() {
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(helpOf("vpctrain", List.of("--help")));
    for (String name : Main.commandLine().getSubcommands().keySet()) {
      tests.add(helpOf(name, List.of(name, "--help")));
    }
    return tests.stream();
  }

  private static DynamicTest helpOf(String name, List<String> args) {
    Path golden = GOLDEN.resolve(name + ".txt");
    return dynamicTest(name, () -> {
      Cli r = Cli.run(args.toArray(String[]::new));
      assertThat(r.code).as(r.toString()).isZero();
      if (UPDATE) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, r.out, StandardCharsets.UTF_8);
        return;
      }
      assertThat(golden).as("help file " + golden + " (create it with -Dhelp.update=true)").isRegularFile();
      assertThat(r.out).as(name + " --help").isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    });
  }
}
