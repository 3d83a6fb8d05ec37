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

  /** The most entries {@code CreateTrainingJob} accepts in {@code HyperParameters}. */
  static final int MAX_ENTRIES = 100;
  /** The longest key {@code CreateTrainingJob} accepts. */
  static final int MAX_KEY_LENGTH = 256;
  /** The longest value {@code CreateTrainingJob} accepts. */
  static final int MAX_VALUE_LENGTH = 2500;

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

  /**
   * Every member of the map in order, each value as the API carries it (a JSON string's text, any other JSON
   * value's text); empty when there is no map or it is not a JSON object.
   */
  static Map<String, String> all(Map<String, String> apiExtras) {
    String text = apiExtras.get(MEMBER);
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (text == null) {
      return out;
    }
    try {
      JsonNode root = JsonDocument.read(text, MEMBER);
      if (root.isObject()) {
        for (Map.Entry<String, JsonNode> m : root.properties()) {
          out.put(m.getKey(), m.getValue().isTextual() ? m.getValue().textValue() : JsonWriter.compact(m.getValue()));
        }
      }
    } catch (PolicyParseException e) {
      return out;
    }
    return out;
  }

  /** The map's JSON text of {@code entries}, in their order. */
  static String of(Map<String, String> entries) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    entries.forEach(out::put);
    return JsonWriter.compact(out);
  }

  /**
   * Checks {@code name} and {@code value} against {@code CreateTrainingJob}'s limits.
   *
   * @throws IllegalArgumentException naming the hyperparameter and the limit it exceeds
   */
  static void check(String name, String value) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a hyperparameter needs a non-empty name");
    }
    if (value == null) {
      throw new IllegalArgumentException("hyperparameter '" + name + "' has no value");
    }
    if (name.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("hyperparameter name '" + name.substring(0, 40) + "…' is " + name.length()
          + " characters long; CreateTrainingJob accepts at most " + MAX_KEY_LENGTH);
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException("the value of hyperparameter '" + name + "' is " + value.length()
          + " characters long; CreateTrainingJob accepts at most " + MAX_VALUE_LENGTH);
    }
  }

  /** Checks the number of entries; see {@link #check(String, String)}. */
  static void checkCount(int entries) {
    if (entries > MAX_ENTRIES) {
      throw new IllegalArgumentException("a job has " + entries + " hyperparameters; CreateTrainingJob accepts at most "
          + MAX_ENTRIES);
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
