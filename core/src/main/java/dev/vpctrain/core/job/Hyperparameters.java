package dev.vpctrain.core.job;

import dev.vpctrain.core.json.Json;
import dev.vpctrain.core.json.JsonNode;
import dev.vpctrain.core.json.JsonParseException;
import dev.vpctrain.core.report.JsonWriter;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and sets members of the {@code HyperParameters} map, which a {@link TrainingJobSpec} keeps
 * as JSON text in its API extras. The SageMaker SDKs store every value JSON-encoded, so a string
 * hyperparameter arrives quoted: {@code "\"s3://bucket/key\""}.
 */
final class Hyperparameters {
  /** The API extras key of the map. */
  static final String MEMBER = "HyperParameters";

  private Hyperparameters() {}

  /** The value of {@code name} with one level of JSON quoting removed; empty when absent or unreadable. */
  static Optional<String> get(Map<String, String> apiExtras, String name) {
    String text = apiExtras.get(MEMBER);
    if (text == null) {
      return Optional.empty();
    }
    try {
      JsonNode root = Json.parse(text, MEMBER);
      if (!root.isObject()) {
        return Optional.empty();
      }
      return root.asObject().get(name).filter(JsonNode::isString).map(n -> unquote(n.stringValue()));
    } catch (JsonParseException e) {
      return Optional.empty();
    }
  }

  /** {@code value} without the JSON quotes an SDK put around it ({@code "\"x\""} → {@code x}); other text as it is. */
  static String unquote(String value) {
    String v = value.trim();
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      try {
        JsonNode n = Json.parse(v);
        if (n.isString()) {
          return n.stringValue();
        }
      } catch (JsonParseException e) {
        return v.substring(1, v.length() - 1);
      }
    }
    return v;
  }

  /**
   * The map's JSON text with {@code name} set to {@code value} (removed when null), other members
   * kept in order; {@code current} may be null or not an object (then it is replaced).
   */
  static String with(String current, String name, String value) {
    StringBuilder b = new StringBuilder("{");
    boolean replaced = false;
    if (current != null) {
      JsonNode root;
      try {
        root = Json.parse(current, MEMBER);
      } catch (JsonParseException e) {
        root = null;
      }
      if (root != null && root.isObject()) {
        for (Map.Entry<String, JsonNode> m : root.asObject().members().entrySet()) {
          if (m.getKey().equals(name)) {
            replaced = true;
            if (value != null) {
              append(b, name, JsonWriter.quoted(value));
            }
          } else {
            append(b, m.getKey(), m.getValue().toJson());
          }
        }
      }
    }
    if (!replaced && value != null) {
      append(b, name, JsonWriter.quoted(value));
    }
    return b.append('}').toString();
  }

  private static void append(StringBuilder b, String name, String jsonValue) {
    if (b.length() > 1) {
      b.append(',');
    }
    b.append(JsonWriter.quoted(name)).append(':').append(jsonValue);
  }
}
