package dev.vpctrain.core.json;

import java.util.Optional;

/**
 * One value of a parsed JSON document. Immutable; knows its {@link #path()} inside the document
 * (for example {@code Statement[2].Condition.StringEquals}) and where it starts ({@link #line()},
 * {@link #column()}), so that callers can report shape errors with {@link #error(String)}.
 * Equality compares content only, not position.
 */
public abstract sealed class JsonNode permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {
  private final Origin origin;
  private final int line;
  private final int column;
  private JsonNode parent;
  private String key;
  private int index = -1;

  JsonNode(Origin origin, int line, int column) {
    this.origin = origin;
    this.line = line;
    this.column = column;
  }

  /** Attaches this node under its parent (parser only, before the tree is published). */
  final void attach(JsonNode parent, String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  public abstract JsonKind kind();

  /** 1-based line where the value starts. */
  public final int line() {
    return line;
  }

  /** 1-based column where the value starts. */
  public final int column() {
    return column;
  }

  /** The containing object or array; empty for the root. */
  public final Optional<JsonNode> parent() {
    return Optional.ofNullable(parent);
  }

  /** The member name when the parent is an object. */
  public final Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /** The position in the parent array, or -1. */
  public final int index() {
    return index;
  }

  /** What the document is (for example {@code policy of vpce-…}), when the caller named it. */
  public final Optional<String> source() {
    return Optional.ofNullable(origin.source);
  }

  /** The JSON path: {@code Statement[2].Condition.StringEquals}; empty for the root. */
  public final String path() {
    if (parent == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    appendPath(b);
    return b.toString();
  }

  private void appendPath(StringBuilder b) {
    if (parent == null) {
      return;
    }
    parent.appendPath(b);
    if (key != null) {
      appendKey(b, key);
    } else {
      b.append('[').append(index).append(']');
    }
  }

  /** Appends {@code .key}, or {@code ["a.b"]} for names that would be ambiguous in a dotted path. */
  static void appendKey(StringBuilder b, String key) {
    boolean plain = !key.isEmpty();
    for (int i = 0; i < key.length() && plain; i++) {
      char c = key.charAt(i);
      plain = c != '.' && c != '[' && c != ']' && c != '"' && c > ' ';
    }
    if (plain) {
      if (b.length() > 0) {
        b.append('.');
      }
      b.append(key);
    } else {
      b.append("[\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
    }
  }

  /** An error located at this node: {@code source: line L column C (path): detail}. */
  public final JsonParseException error(String detail) {
    return new JsonParseException(origin.source, line, column, path(), detail);
  }

  /** An error saying this node is not of the {@code expected} kind. */
  public final JsonParseException expected(String expected) {
    return error("expected " + expected + " but found " + describe());
  }

  /** "a number (42)", "null", "a string": for messages. */
  String describe() {
    return kind().description();
  }

  public final boolean isObject() {
    return kind() == JsonKind.OBJECT;
  }

  public final boolean isArray() {
    return kind() == JsonKind.ARRAY;
  }

  public final boolean isString() {
    return kind() == JsonKind.STRING;
  }

  public final boolean isNumber() {
    return kind() == JsonKind.NUMBER;
  }

  public final boolean isBoolean() {
    return kind() == JsonKind.BOOLEAN;
  }

  public final boolean isNull() {
    return kind() == JsonKind.NULL;
  }

  /** This node as an object; throws {@link JsonParseException} at this node otherwise. */
  public final JsonObject asObject() {
    if (this instanceof JsonObject) {
      return (JsonObject) this;
    }
    throw expected(JsonKind.OBJECT.description());
  }

  /** This node as an array; throws {@link JsonParseException} at this node otherwise. */
  public final JsonArray asArray() {
    if (this instanceof JsonArray) {
      return (JsonArray) this;
    }
    throw expected(JsonKind.ARRAY.description());
  }

  /** This node as a number; throws {@link JsonParseException} at this node otherwise. */
  public final JsonNumber asNumber() {
    if (this instanceof JsonNumber) {
      return (JsonNumber) this;
    }
    throw expected(JsonKind.NUMBER.description());
  }

  /** The string value; throws {@link JsonParseException} at this node when it is not a string. */
  public final String stringValue() {
    if (this instanceof JsonString) {
      return ((JsonString) this).value();
    }
    throw expected(JsonKind.STRING.description());
  }

  /** The boolean value; throws {@link JsonParseException} at this node when it is not a boolean. */
  public final boolean booleanValue() {
    if (this instanceof JsonBoolean) {
      return ((JsonBoolean) this).value();
    }
    throw expected(JsonKind.BOOLEAN.description());
  }

  /**
   * The text of a scalar: a string's value, a number's literal, {@code true}/{@code false};
   * throws at this node for objects, arrays and null.
   */
  public final String scalarText() {
    switch (kind()) {
      case STRING:
        return ((JsonString) this).value();
      case NUMBER:
        return ((JsonNumber) this).text();
      case BOOLEAN:
        return Boolean.toString(((JsonBoolean) this).value());
      default:
        throw expected("a string, number or boolean");
    }
  }

  /** Compact JSON text of this value. */
  public final String toJson() {
    StringBuilder b = new StringBuilder();
    writeTo(b);
    return b.toString();
  }

  abstract void writeTo(StringBuilder b);

  @Override
  public String toString() {
    return toJson();
  }

  /** The shared facts of one parsed document. */
  static final class Origin {
    final String source;

    Origin(String source) {
      this.source = source;
    }
  }
}
