package dev.vpctrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.report.TextOptions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the CLI decides the text report's colour and width from the terminal, the environment and the flags. */
class TerminalTest {
  private static TextOptions options(boolean terminal, Map<String, String> env, Optional<Boolean> flag) {
    return new Terminal(terminal, env).textOptions(flag, false);
  }

  @Test
  void aTerminalGetsColourAndEightyColumns() {
    TextOptions o = options(true, Map.of(), Optional.empty());
    assertThat(o.color()).isTrue();
    assertThat(o.width()).isEqualTo(80);
  }

  @Test
  void aPipeGetsNeitherColourNorWrapping() {
    TextOptions o = options(false, Map.of("COLUMNS", "120"), Optional.empty());
    assertThat(o.color()).isFalse();
    assertThat(o.width()).isZero();
  }

  @Test
  void columnsSetsTheWidthOnATerminal() {
    assertThat(options(true, Map.of("COLUMNS", "132"), Optional.empty()).width()).isEqualTo(132);
    assertThat(options(true, Map.of("COLUMNS", "wide"), Optional.empty()).width()).isEqualTo(80);
    assertThat(options(true, Map.of("COLUMNS", "0"), Optional.empty()).width()).isEqualTo(80);
  }

  @Test
  void noColorSetAndNotEmptyTurnsColourOff() {
    assertThat(options(true, Map.of("NO_COLOR", "1"), Optional.empty()).color()).isFalse();
    assertThat(options(true, Map.of("NO_COLOR", ""), Optional.empty()).color()).isTrue();
    assertThat(options(true, Map.of("TERM", "dumb"), Optional.empty()).color()).isFalse();
  }

  @Test
  void onlyATerminalThatMovesItsCursorIsRedrawn() {
    assertThat(new Terminal(true, Map.of("TERM", "xterm-256color")).redraws()).isTrue();
    assertThat(new Terminal(true, Map.of("TERM", "dumb")).redraws()).isFalse();
    assertThat(new Terminal(true, Map.of("NO_COLOR", "1")).redraws()).isTrue();
    assertThat(new Terminal(false, Map.of()).redraws()).isFalse();
  }

  @Test
  void theFlagsWinOverTheTerminalAndTheEnvironment() {
    assertThat(options(true, Map.of(), Optional.of(false)).color()).isFalse();
    assertThat(options(false, Map.of("NO_COLOR", "1"), Optional.of(true)).color()).isTrue();
  }

  @Test
  void checkTakesColourFromTheFlagsAndTheTerminal() {
    String[] args = {"check", "--example", "no-s3-endpoint"};
    Cli piped = Cli.run(new Terminal(false, Map.of()), args);
    assertThat(piped.out).doesNotContain("\u001B[");
    Cli onTerminal = Cli.run(new Terminal(true, Map.of()), args);
    assertThat(onTerminal.out).startsWith("\u001B[1m\u001B[31mNOT_READY\u001B[0m");
    assertThat(onTerminal.out.lines().filter(l -> !TextReportWidth.plain(l).startsWith("  see: "))) // URLs: one word
        .allSatisfy(l -> assertThat(TextReportWidth.plain(l).length()).isLessThanOrEqualTo(80));
    Cli noColor = Cli.run(new Terminal(true, Map.of("NO_COLOR", "1")), args);
    assertThat(noColor.out).doesNotContain("\u001B[");
    Cli forced = Cli.run(new Terminal(false, Map.of()), "check", "--example", "no-s3-endpoint", "--color");
    assertThat(forced.out).contains("\u001B[");
    Cli off = Cli.run(new Terminal(true, Map.of()), "check", "--example", "no-s3-endpoint", "--no-color");
    assertThat(off.out).doesNotContain("\u001B[");
  }

  @Test
  void colorAndNoColorTogetherAreAUsageError() {
    Cli r = Cli.run("check", "--example", "no-s3-endpoint", "--color", "--no-color");
    assertThat(r.code).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("--color and --no-color");
  }

  /** A line without its colour codes. */
  private static final class TextReportWidth {
    static String plain(String line) {
      return line.replaceAll("\u001B\\[[0-9;]*m", "");
    }
  }
}
