package dev.vpctrain.aws.job;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Member paths into a JSON request such as {@code InputDataConfig[0].DataSource.S3DataSource.S3Uri}:
 * dot-separated member names, each optionally followed by {@code [index]}.
 */
final class JsonPaths {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonPaths() {}

  /** One step: a member name, or an array index (name null). */
  static final class Step {
    final String name;
    final int index;

    Step(String name, int index) {
      this.name = name;
      this.index = index;
    }
  }

  static List<Step> parse(String path) {
    List<Step> steps = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      int bracket = part.indexOf('[');
      String name = bracket < 0 ? part : part.substring(0, bracket);
      if (name.isEmpty()) {
        throw new SdkJsonException(path, "expected a member path such as ResourceConfig.InstanceCount");
      }
      steps.add(new Step(name, -1));
      while (bracket >= 0) {
        int close = part.indexOf(']', bracket);
        if (close < 0) {
          throw new SdkJsonException(path, "unclosed '[' in member path");
        }
        try {
          steps.add(new Step(null, Integer.parseInt(part.substring(bracket + 1, close))));
        } catch (NumberFormatException e) {
          throw new SdkJsonException(path, "expected a numeric index in member path");
        }
        if (close + 1 < part.length() && part.charAt(close + 1) != '[') {
          throw new SdkJsonException(path, "unexpected text after ']' in member path");
        }
        bracket = close + 1 < part.length() ? close + 1 : -1;
      }
    }
    return steps;
  }

  /** The node at {@code path}, or null. */
  static JsonNode get(JsonNode root, String path) {
    JsonNode node = root;
    for (Step s : parse(path)) {
      if (node == null) {
        return null;
      }
      node = s.name != null ? node.get(s.name) : node.get(s.index);
    }
    return node == null || node.isMissingNode() || node.isNull() ? null : node;
  }

  /** Sets {@code value} at {@code path}, creating objects and array elements on the way. */
  static void set(ObjectNode root, String path, JsonNode value) {
    List<Step> steps = parse(path);
    JsonNode node = root;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      boolean last = i == steps.size() - 1;
      Step next = last ? null : steps.get(i + 1);
      if (s.name != null) {
        if (!node.isObject()) {
          throw new SdkJsonException(path, "member '" + s.name + "' is inside a value that is not an object");
        }
        ObjectNode o = (ObjectNode) node;
        if (last) {
          o.set(s.name, value);
          return;
        }
        JsonNode child = o.get(s.name);
        if (child == null || child.isNull() || !(next.name == null ? child.isArray() : child.isObject())) {
          child = next.name == null ? NODES.arrayNode() : NODES.objectNode();
          o.set(s.name, child);
        }
        node = child;
      } else {
        if (!node.isArray()) {
          throw new SdkJsonException(path, "index [" + s.index + "] is applied to a value that is not an array");
        }
        ArrayNode a = (ArrayNode) node;
        while (a.size() <= s.index) {
          a.add(next == null || next.name != null ? NODES.objectNode() : NODES.arrayNode());
        }
        if (last) {
          a.set(s.index, value);
          return;
        }
        JsonNode child = a.get(s.index);
        if (!(next.name == null ? child.isArray() : child.isObject())) {
          child = next.name == null ? NODES.arrayNode() : NODES.objectNode();
          a.set(s.index, child);
        }
        node = child;
      }
    }
  }

  /** Removes and returns the value at {@code path} (null when absent). Array elements are not removed. */
  static JsonNode take(ObjectNode root, String path) {
    List<Step> steps = parse(path);
    JsonNode node = root;
    for (int i = 0; i < steps.size() - 1; i++) {
      Step s = steps.get(i);
      node = s.name != null ? node.get(s.name) : node.get(s.index);
      if (node == null) {
        return null;
      }
    }
    Step last = steps.get(steps.size() - 1);
    if (last.name == null || !node.isObject()) {
      return null;
    }
    JsonNode removed = ((ObjectNode) node).remove(last.name);
    return removed == null || removed.isNull() ? null : removed;
  }

  /** Deep-merges {@code overlay} into {@code base}: objects merge member-wise, anything else replaces. */
  static JsonNode merge(JsonNode base, JsonNode overlay) {
    if (base != null && base.isObject() && overlay.isObject()) {
      ObjectNode b = (ObjectNode) base;
      overlay.properties().forEach(e -> b.set(e.getKey(), merge(b.get(e.getKey()), e.getValue())));
      return b;
    }
    return overlay.deepCopy();
  }
}
