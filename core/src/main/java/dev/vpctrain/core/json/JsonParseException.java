package dev.vpctrain.core.json;

import dev.vpctrain.core.VpcTrainException;
import java.util.Optional;

/**
 * Malformed JSON, or JSON of the wrong shape: names the source, the line and column, the JSON path
 * and what was expected, for example
 * {@code policy of vpce-0a1b: line 3 column 14 (Statement[0].Effect): expected a string}.
 */
public final class JsonParseException extends VpcTrainException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String path;
  private final String detail;

  /**
   * @param source what was parsed (for example {@code policy of vpce-…}); may be null
   * @param line 1-based line
   * @param column 1-based column
   * @param path the JSON path ({@code Statement[0].Effect}); empty for the document root
   * @param detail what is wrong ("expected a string but found a number")
   */
  public JsonParseException(String source, int line, int column, String path, String detail) {
    super(format(source, line, column, path, detail));
    this.source = source;
    this.line = line;
    this.column = column;
    this.path = path == null ? "" : path;
    this.detail = detail;
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

  /** The JSON path of the faulty value; empty for the document root. */
  public String path() {
    return path;
  }

  /** What is wrong, without the location. */
  public String detail() {
    return detail;
  }

  /** "line 3 column 14 (Statement[0].Effect)": the location without source and detail. */
  public String location() {
    String at = "line " + line + " column " + column;
    return path.isEmpty() ? at : at + " (" + path + ")";
  }

  /** The same error with another source name (the caller knows better what was parsed). */
  public JsonParseException withSource(String newSource) {
    return new JsonParseException(newSource, line, column, path, detail);
  }
}
