package dev.vpctrain.aws.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.vpctrain.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A JSON value read from a named file, together with its JSON path, with typed accessors that
 * reject a value of the wrong type by throwing {@link InvalidInputException} naming the file, the
 * path and the expected type. A member that is absent (or, where allowed, {@code null}) is empty.
 * Internal to vpctrain's readers.
 */
public final class JsonInput {

  private final String file;
  private final String path;
  private final JsonNode node;

  private JsonInput(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  /**
   * Parses {@code text}, which must hold exactly one JSON document: malformed JSON or content after
   * the document is an {@link InvalidInputException} naming line and column.
   */
  public static JsonInput parse(String text, String file) {
    JsonNode root;
    try (JsonParser parser = JsonTrees.parser(text)) {
      root = JsonTrees.read(parser);
      if (root == null || root.isMissingNode()) {
        throw new InvalidInputException(file, "", "expected a JSON document but the file is empty");
      }
      JsonLocation end = parser.currentLocation();
      JsonLocation at = null;
      try {
        if (parser.nextToken() != null) {
          at = parser.currentTokenLocation();
        }
      } catch (JsonProcessingException e) {
        at = e.getLocation() != null ? e.getLocation() : end;
      }
      if (at != null) {
        throw new InvalidInputException(file, "", "expected one JSON document but found trailing content after it"
            + " at line " + at.getLineNr() + ", column " + at.getColumnNr()
            + " (the document ends at line " + end.getLineNr() + ", column " + end.getColumnNr() + ")");
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new InvalidInputException(file, "", "expected well-formed JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new JsonInput(file, "", root);
  }

  /**
   * The shared mapper (strict about duplicate members), created on first use: reading a document
   * ({@link #parse}) needs none ({@link JsonTrees}).
   */
  public static ObjectMapper mapper() {
    return Mapper.MAPPER;
  }

  private static final class Mapper {
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  public String file() {
    return file;
  }

  /** The JSON path of this value, empty for the root. */
  public String path() {
    return path;
  }

  /** The underlying node. */
  public JsonNode node() {
    return node;
  }

  /** The path of member {@code name} below this value. */
  public String pathOf(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** An error at this value's path. */
  public InvalidInputException error(String expectation) {
    return new InvalidInputException(file, path, expectation);
  }

  /** True when member {@code name} is present (even if {@code null}). */
  public boolean has(String name) {
    return node.has(name);
  }

  /** True when member {@code name} is present with the value {@code null}. */
  public boolean isNull(String name) {
    return node.has(name) && node.get(name).isNull();
  }

  /** Member {@code name}, which may be missing (check with {@link #isPresent()}). */
  public JsonInput member(String name) {
    JsonNode child = node.get(name);
    return new JsonInput(file, pathOf(name), child == null ? MissingNode.getInstance() : child);
  }

  /** True unless this value is missing or {@code null}. */
  public boolean isPresent() {
    return !node.isMissingNode() && !node.isNull();
  }

  /** This value as an object, or an error. */
  public JsonInput requireObject() {
    if (!node.isObject()) {
      throw error("expected an object but was " + describe(node));
    }
    return this;
  }

  /** Member names of this object, in document order. */
  public List<String> memberNames() {
    requireObject();
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The elements of this array, or an error. */
  public List<JsonInput> elements() {
    if (!node.isArray()) {
      throw error("expected an array but was " + describe(node));
    }
    List<JsonInput> out = new ArrayList<>();
    Iterator<JsonNode> it = node.elements();
    int i = 0;
    while (it.hasNext()) {
      out.add(new JsonInput(file, path + "[" + i++ + "]", it.next()));
    }
    return out;
  }

  /** Member {@code name} as an object; empty when absent or null. */
  public Optional<JsonInput> optObject(String name) {
    JsonInput m = member(name);
    return m.isPresent() ? Optional.of(m.requireObject()) : Optional.empty();
  }

  /** Member {@code name} as an object; an error when absent. */
  public JsonInput object(String name) {
    return optObject(name).orElseThrow(() -> missing(name, "an object"));
  }

  /** Member {@code name}'s elements; empty when absent or null. */
  public List<JsonInput> array(String name) {
    return optArray(name).orElse(List.of());
  }

  /** Member {@code name}'s elements; empty optional when absent or null. */
  public Optional<List<JsonInput>> optArray(String name) {
    JsonInput m = member(name);
    return m.isPresent() ? Optional.of(m.elements()) : Optional.empty();
  }

  /** Member {@code name} as a string; empty when absent or null. */
  public Optional<String> optString(String name) {
    return member(name).asOptString();
  }

  /** Member {@code name} as a string; an error when absent. */
  public String string(String name) {
    return optString(name).orElseThrow(() -> missing(name, "a string"));
  }

  /** This value as a string, or an error. */
  public String asString() {
    return asOptString().orElseThrow(() -> error("expected a string but was " + describe(node)));
  }

  private Optional<String> asOptString() {
    if (!isPresent()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw error("expected a string but was " + describe(node));
    }
    return Optional.of(node.asText());
  }

  /** Member {@code name} as an int; empty when absent or null. */
  public Optional<Integer> optInt(String name) {
    JsonInput m = member(name);
    if (!m.isPresent()) {
      return Optional.empty();
    }
    if (!m.node.isIntegralNumber() || !m.node.canConvertToInt()) {
      throw m.error("expected an integer but was " + describe(m.node));
    }
    return Optional.of(m.node.intValue());
  }

  /** Member {@code name} as a boolean; empty when absent or null. */
  public Optional<Boolean> optBoolean(String name) {
    JsonInput m = member(name);
    if (!m.isPresent()) {
      return Optional.empty();
    }
    if (!m.node.isBoolean()) {
      throw m.error("expected true or false but was " + describe(m.node));
    }
    return Optional.of(m.node.booleanValue());
  }

  /** Member {@code name} as a lower-case string (enum-like values are case-insensitive). */
  public Optional<String> optLower(String name) {
    return optString(name).map(s -> s.toLowerCase(Locale.ROOT));
  }

  /** Member {@code name} as a list of strings; empty when absent or null. */
  public List<String> strings(String name) {
    List<String> out = new ArrayList<>();
    for (JsonInput e : array(name)) {
      out.add(e.asString());
    }
    return out;
  }

  /** Member {@code name}'s elements mapped by {@code f}. */
  public <T> List<T> mapArray(String name, Function<JsonInput, T> f) {
    List<T> out = new ArrayList<>();
    for (JsonInput e : array(name)) {
      out.add(f.apply(e.requireObject()));
    }
    return out;
  }

  /** Rejects a value that is not one of {@code allowed} (case-insensitive); returns the canonical spelling. */
  public static String oneOf(JsonInput at, String value, Collection<String> allowed) {
    for (String a : allowed) {
      if (a.equalsIgnoreCase(value)) {
        return a;
      }
    }
    throw at.error("expected one of " + String.join(", ", allowed) + " but was \"" + value + "\"");
  }

  private InvalidInputException missing(String name, String what) {
    return new InvalidInputException(file, pathOf(name), "expected " + what + " but the member is missing");
  }

  /** A short description of {@code n} for error messages: its type and, for scalars, its value. */
  public static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "missing";
    }
    if (n.isNull()) {
      return "null";
    }
    if (n.isTextual()) {
      String t = n.asText();
      return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
    }
    if (n.isNumber()) {
      return "the number " + n.asText();
    }
    if (n.isBoolean()) {
      return n.asText();
    }
    if (n.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
