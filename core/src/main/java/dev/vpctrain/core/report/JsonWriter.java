package dev.vpctrain.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes vpctrain's JSON documents (reports, plans, policies) with Jackson's {@link JsonGenerator}
 * in one fixed form: two-space indents, {@code "name": value}, empty containers as {@code []} and
 * {@code {}}, a trailing newline after a complete document. Strings are escaped per RFC 8259 with
 * lowercase {@code \\u} escapes; U+2028, U+2029 and unpaired surrogates are escaped too, so the
 * output is safe in JavaScript and valid UTF-8. Not thread-safe; one instance writes one document,
 * read with {@link #toString()}. A call out of order (a value where a member name is due, a second
 * top-level value) throws {@link IllegalStateException}:
 *
 * <pre>{@code
 * String json = JsonWriter.create().beginObject().member("verdict", "READY").endObject().toString();
 * }</pre>
 */
public final class JsonWriter {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
      .build();
  private static final JsonEscapes ESCAPES = new JsonEscapes();

  private final StringWriter out = new StringWriter();
  private final JsonGenerator generator;

  private JsonWriter(boolean pretty) {
    try {
      generator = FACTORY.createGenerator(new LoneSurrogateEscaper(out)).setCharacterEscapes(ESCAPES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (pretty) {
      generator.setPrettyPrinter(new TwoSpaceIndent());
    }
  }

  /** {@return a new writer of one pretty-printed document} */
  public static JsonWriter create() {
    return new JsonWriter(true);
  }

  /**
   * Starts an object.
   *
   * @return this writer
   */
  public JsonWriter beginObject() {
    return write(g -> {
      oneRootValue();
      g.writeStartObject();
    });
  }

  /**
   * Ends an object.
   *
   * @return this writer
   */
  public JsonWriter endObject() {
    return write(JsonGenerator::writeEndObject);
  }

  /**
   * Starts an array.
   *
   * @return this writer
   */
  public JsonWriter beginArray() {
    return write(g -> {
      oneRootValue();
      g.writeStartArray();
    });
  }

  /**
   * Ends an array.
   *
   * @return this writer
   */
  public JsonWriter endArray() {
    return write(JsonGenerator::writeEndArray);
  }

  /**
   * Writes a member name; the next call writes its value.
   *
   * @param name the member name
   * @return this writer
   * @throws IllegalStateException when not inside an object, or a value is due
   */
  public JsonWriter name(String name) {
    return write(g -> g.writeFieldName(name));
  }

  /**
   * Writes a string value.
   *
   * @param s the string, escaped as the class describes; {@code null} writes {@code null}
   * @return this writer
   */
  public JsonWriter value(String s) {
    return write(g -> {
      oneRootValue();
      g.writeString(s);
    });
  }

  /**
   * Writes an integer value.
   *
   * @param n the integer
   * @return this writer
   */
  public JsonWriter value(long n) {
    return write(g -> {
      oneRootValue();
      g.writeNumber(n);
    });
  }

  /**
   * Writes a number value as it is written in Java ({@code BigDecimal} keeps its exact digits).
   *
   * @param n the number; {@code null} writes {@code null}
   * @return this writer
   */
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
    return write(g -> {
      oneRootValue();
      if (n instanceof BigDecimal) {
        g.writeNumber((BigDecimal) n);
      } else if (n instanceof BigInteger) {
        g.writeNumber((BigInteger) n);
      } else if (n instanceof Double) {
        g.writeNumber(n.doubleValue());
      } else if (n instanceof Float) {
        g.writeNumber(n.floatValue());
      } else if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
        g.writeNumber(n.longValue());
      } else {
        g.writeNumber(n.toString());
      }
    });
  }

  /**
   * Writes a boolean value.
   *
   * @param b the value
   * @return this writer
   */
  public JsonWriter value(boolean b) {
    return write(g -> {
      oneRootValue();
      g.writeBoolean(b);
    });
  }

  /**
   * Writes {@code null}.
   *
   * @return this writer
   */
  public JsonWriter nullValue() {
    return write(g -> {
      oneRootValue();
      g.writeNull();
    });
  }

  /**
   * Writes a member with a string value: {@code name(name).value(value)}.
   *
   * @param name the member name
   * @param value the string; {@code null} writes {@code null}
   * @return this writer
   */
  public JsonWriter member(String name, String value) {
    return name(name).value(value);
  }

  /**
   * Writes a member with an integer value.
   *
   * @param name the member name
   * @param value the integer
   * @return this writer
   */
  public JsonWriter member(String name, long value) {
    return name(name).value(value);
  }

  /**
   * Writes a member with a boolean value.
   *
   * @param name the member name
   * @param value the value
   * @return this writer
   */
  public JsonWriter member(String name, boolean value) {
    return name(name).value(value);
  }

  /**
   * Writes a member whose value is an array of strings, in iteration order ({@code []} when empty).
   *
   * @param name the member name
   * @param values the strings
   * @return this writer
   */
  public JsonWriter member(String name, Collection<String> values) {
    name(name).beginArray();
    values.forEach(this::value);
    return endArray();
  }

  /**
   * Writes a tree of {@code Map}s (members in iteration order), {@code List}s, strings, numbers,
   * booleans and nulls as the next value.
   *
   * @param value the tree's root: a {@code Map<String, ?>}, {@code List}, {@code String}, {@code Number},
   *     {@code Boolean} or {@code null}
   * @return this writer
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

  /**
   * {@return a tree ({@link #tree(Object)}) as one pretty-printed document, without a trailing newline}
   *
   * @param tree the tree's root, as {@link #tree(Object)} takes it
   */
  public static String pretty(Object tree) {
    String text = create().tree(tree).toString();
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * {@return a Jackson tree as compact JSON ({@code {"a":[1,"b"]}}), each number as its text
   * ({@link JsonNode#asText()}), strings escaped as everywhere else}
   *
   * @param tree a Jackson tree, for example a parsed policy document
   */
  public static String compact(JsonNode tree) {
    JsonWriter w = new JsonWriter(false);
    w.write(g -> writeNode(g, tree));
    return w.text();
  }

  /**
   * Escapes {@code s} as a JSON string literal, quotes included.
   *
   * @param s the text to quote, for example {@code a "b"}
   * @return the JSON string literal, for example {@code "a \"b\""}
   */
  public static String quoted(String s) {
    JsonWriter w = new JsonWriter(false);
    w.value(s);
    return w.text();
  }

  /** The document written so far, with a trailing newline once complete. */
  @Override
  public String toString() {
    String text = text();
    return complete() ? text + "\n" : text;
  }

  private String text() {
    write(JsonGenerator::flush);
    return out.toString();
  }

  private boolean complete() {
    JsonStreamContext context = generator.getOutputContext();
    return context.inRoot() && context.getEntryCount() > 0;
  }

  private void oneRootValue() {
    if (complete()) {
      throw new IllegalStateException("a JSON document has one top-level value");
    }
  }

  private static void writeNode(JsonGenerator g, JsonNode n) throws IOException {
    switch (n.getNodeType()) {
      case OBJECT:
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          g.writeFieldName(e.getKey());
          writeNode(g, e.getValue());
        }
        g.writeEndObject();
        break;
      case ARRAY:
        g.writeStartArray();
        for (JsonNode e : n) {
          writeNode(g, e);
        }
        g.writeEndArray();
        break;
      case STRING:
        g.writeString(n.textValue());
        break;
      case NUMBER:
        g.writeNumber(n.asText());
        break;
      case BOOLEAN:
        g.writeBoolean(n.booleanValue());
        break;
      case NULL:
        g.writeNull();
        break;
      default:
        throw new IllegalArgumentException("not a JSON value: " + n.getNodeType());
    }
  }

  private JsonWriter write(Step step) {
    try {
      step.run(generator);
    } catch (JsonGenerationException e) {
      throw new IllegalStateException(e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** One call on the generator. */
  @FunctionalInterface
  private interface Step {
    void run(JsonGenerator g) throws IOException;
  }
}
