package dev.vpctrain.core.report;

import org.immutables.value.Value;

/**
 * How {@link TextReport} lays a report out: the line width to wrap at, colour, and how much to show.
 * The defaults suit a file or a pipe: no wrapping, no colour, the short form. Rendering depends on
 * these values only, never on the terminal or the environment, which the caller reads (the CLI does).
 */
@Value.Immutable
abstract class AbstractTextOptions {
  /**
   * The column to wrap lines at; {@code 0}, the default, wraps nothing.
   *
   * @return the width in columns; at least 0
   */
  @Value.Default
  public int width() {
    return 0;
  }

  /**
   * ANSI colours for the verdict and the severities; off by default.
   *
   * @return true to colour
   */
  @Value.Default
  public boolean color() {
    return false;
  }

  /**
   * Everything: INFO findings in full with their advice, policy documents inside fixes, and the
   * checks that passed. Off by default: INFO findings take one line each and a fix's policy
   * document is replaced by a note ({@code vpctrain plan} prints it).
   *
   * @return true to print everything
   */
  @Value.Default
  public boolean verbose() {
    return false;
  }

  /**
   * The defaults: no wrapping, no colour, the short form.
   *
   * @return the default options, as {@code TextOptions.builder().build()} gives them
   */
  public static TextOptions plain() {
    return TextOptions.builder().build();
  }

  /** Refuses a negative width. */
  @Value.Check
  protected void check() {
    if (width() < 0) {
      throw new IllegalArgumentException("width must be 0 (no wrapping) or a column count, but was " + width());
    }
  }
}
