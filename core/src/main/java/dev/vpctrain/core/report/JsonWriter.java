package dev.vpctrain.core.report;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

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
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c) && !validSurrogate(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
