package dev.vpctrain.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.core.internal.policy.JsonDocument;
import dev.vpctrain.core.internal.policy.PolicyParseException;
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
      JsonNode root = JsonDocument.read(text, MEMBER);
      if (!root.isObject()) {
        return Optional.empty();
      }
      return Optional.ofNullable(root.get(name)).filter(JsonNode::isTextual).map(n -> unquote(n.textValue()));
    } catch (PolicyParseException e) {
      return Optional.empty();
    }
  }

  /** {@code value} without the JSON quotes an SDK put around it ({@code "\"x\""} → {@code x}); other text as it is. */
  static String unquote(String value) {
    String v = value.trim();
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      try {
        JsonNode n = JsonDocument.read(v, null);
        if (n.isTextual()) {
          return n.textValue();
        }
      } catch (PolicyParseException e) {
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
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    boolean replaced = false;
    if (current != null) {
      JsonNode root;
      try {
        root = JsonDocument.read(current, MEMBER);
      } catch (PolicyParseException e) {
        root = null;
      }
      if (root != null && root.isObject()) {
        for (Map.Entry<String, JsonNode> m : root.properties()) {
          if (m.getKey().equals(name)) {
            replaced = true;
            if (value != null) {
              out.put(name, value);
            }
          } else {
            out.set(m.getKey(), m.getValue());
          }
        }
      }
    }
    if (!replaced && value != null) {
      out.put(name, value);
    }
    return JsonWriter.compact(out);
  }
}
