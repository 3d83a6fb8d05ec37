package dev.vpctrain.core.report;

import dev.vpctrain.core.json.JsonString;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A small streaming JSON writer (core has no JSON library): objects, arrays, strings, numbers,
 * booleans and null, pretty-printed with two-space indents. Strings are escaped per RFC 8259.
 * Not thread-safe; one instance writes one document.
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  private final Deque<Boolean> first = new ArrayDeque<>();
  private boolean afterName;

  private JsonWriter() {}

  /** A new writer. */
  public static JsonWriter create() {
    return new JsonWriter();
  }

  public JsonWriter beginObject() {
    value();
    out.append('{');
    first.push(true);
    return this;
  }

  public JsonWriter endObject() {
    return close('}');
  }

  public JsonWriter beginArray() {
    value();
    out.append('[');
    first.push(true);
    return this;
  }

  public JsonWriter endArray() {
    return close(']');
  }

  /** Writes a member name; the next call writes its value. */
  public JsonWriter name(String name) {
    separate();
    quote(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  public JsonWriter value(String s) {
    value();
    if (s == null) {
      out.append("null");
    } else {
      quote(s);
    }
    return this;
  }

  public JsonWriter value(long n) {
    value();
    out.append(n);
    return this;
  }

  /** A number as it is written in Java ({@code BigDecimal} keeps its exact digits). */
  public JsonWriter value(Number n) {
    if (n == null) {
      return nullValue();
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("JSON has no number " + d);
      }
    }
    value();
    out.append(n instanceof BigDecimal ? ((BigDecimal) n).toString() : n.toString());
    return this;
  }

  public JsonWriter value(boolean b) {
    value();
    out.append(b);
    return this;
  }

  public JsonWriter nullValue() {
    value();
    out.append("null");
    return this;
  }

  /** A member with a string value. */
  public JsonWriter member(String name, String value) {
    return name(name).value(value);
  }

  /** A member with a number value. */
  public JsonWriter member(String name, long value) {
    return name(name).value(value);
  }

  /** A member with a boolean value. */
  public JsonWriter member(String name, boolean value) {
    return name(name).value(value);
  }

  /** A member whose value is an array of strings. */
  public JsonWriter member(String name, Collection<String> values) {
    name(name).beginArray();
    values.forEach(this::value);
    return endArray();
  }

  /**
   * Writes a tree of {@code Map}s (members in iteration order), {@code List}s, strings, numbers,
   * booleans and nulls as the next value.
   *
   * @throws IllegalArgumentException for any other object
   */
  public JsonWriter tree(Object value) {
    if (value == null) {
      return nullValue();
    }
    if (value instanceof String) {
      return value((String) value);
    }
    if (value instanceof Boolean) {
      return value(((Boolean) value).booleanValue());
    }
    if (value instanceof Number) {
      return value((Number) value);
    }
    if (value instanceof Map) {
      beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        name(String.valueOf(e.getKey()));
        tree(e.getValue());
      }
      return endObject();
    }
    if (value instanceof List) {
      beginArray();
      for (Object item : (List<?>) value) {
        tree(item);
      }
      return endArray();
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
  }

  /** A tree ({@link #tree(Object)}) as one pretty-printed document, without a trailing newline. */
  public static String pretty(Object tree) {
    String text = create().tree(tree).toString();
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /** The document written so far, with a trailing newline once complete. */
  @Override
  public String toString() {
    return first.isEmpty() && out.length() > 0 ? out + "\n" : out.toString();
  }

  /** Escapes {@code s} as a JSON string literal, quotes included. */
  public static String quoted(String s) {
    JsonWriter w = new JsonWriter();
    w.quote(s);
    return w.out.toString();
  }

  private JsonWriter close(char c) {
    if (first.isEmpty()) {
      throw new IllegalStateException("nothing to close");
    }
    boolean empty = first.pop();
    if (!empty) {
      newline();
    }
    out.append(c);
    return this;
  }

  private void value() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (!first.isEmpty()) {
      separate();
    } else if (out.length() > 0) {
      throw new IllegalStateException("a JSON document has one top-level value");
    }
  }

  private void separate() {
    if (first.isEmpty()) {
      throw new IllegalStateException("a member name needs an enclosing object");
    }
    if (!first.peek()) {
      out.append(',');
    } else {
      first.pop();
      first.push(false);
    }
    newline();
  }

  private void newline() {
    out.append('\n');
    for (int i = 0; i < first.size(); i++) {
      out.append("  ");
    }
  }

  private void quote(String s) {
    JsonString.quote(out, s);
  }
}
