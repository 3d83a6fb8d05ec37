package dev.vpctrain.core.internal.policy;

import dev.vpctrain.core.InvalidInputException;
import java.util.Optional;

/**
 * A policy document that is not JSON, or JSON of the wrong shape: names the source, the line and
 * column, the JSON path and what was expected, for example
 * {@code policy of vpce-0a1b: line 3 column 14 (Statement[0].Effect): expected a string}.
 *
 * <p>It is invalid input (the document plays the part of the file), so it extends
 * {@link InvalidInputException}: {@link #file()} is the source ({@code ""} when unnamed),
 * {@link #jsonPath()} the path and {@link #expectation()} the detail; the message adds line and column.
 */
public final class PolicyParseException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;

  /**
   * @param source what was parsed (for example {@code policy of vpce-…}); may be null
   * @param line 1-based line
   * @param column 1-based column
   * @param path the JSON path ({@code Statement[0].Effect}); empty for the document root
   * @param detail what is wrong ("expected a string but found a number")
   */
  public PolicyParseException(String source, int line, int column, String path, String detail) {
    super(format(source, line, column, path, detail), source == null ? "" : source, path == null ? "" : path, detail, null);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  private static String format(String source, int line, int column, String path, String detail) {
    StringBuilder b = new StringBuilder();
    if (source != null && !source.isEmpty()) {
      b.append(source).append(": ");
    }
    b.append("line ").append(line).append(" column ").append(column);
    if (path != null && !path.isEmpty()) {
      b.append(" (").append(path).append(')');
    }
    return b.append(": ").append(detail).toString();
  }

  /** What was parsed, when the caller named it. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The JSON path of the faulty value; empty for the document root (the same as {@link #jsonPath()}). */
  public String path() {
    return jsonPath();
  }

  /** What is wrong, without the location (the same as {@link #expectation()}). */
  public String detail() {
    return expectation();
  }

  /** "line 3 column 14 (Statement[0].Effect)": the location without source and detail. */
  public String location() {
    String at = "line " + line + " column " + column;
    return path().isEmpty() ? at : at + " (" + path() + ")";
  }
}
