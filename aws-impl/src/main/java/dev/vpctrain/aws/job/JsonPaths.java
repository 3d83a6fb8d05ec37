package dev.vpctrain.aws.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sets a value at a member path such as {@code InputDataConfig[0].DataSource.S3DataSource.AttributeNames}. */
final class JsonPaths {
  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  private JsonPaths() {}

  /**
   * Sets {@code value} at {@code path} below {@code root}, creating missing objects when
   * {@code create}; array elements are never created. Returns false when the path has no place.
   */
  static boolean set(ObjectNode root, String path, JsonNode value, boolean create) {
    List<Object> steps = parse(path);
    if (steps.isEmpty()) {
      return false;
    }
    JsonNode at = root;
    for (int i = 0; i < steps.size() - 1; i++) {
      Object step = steps.get(i);
      Object next = steps.get(i + 1);
      JsonNode child;
      if (step instanceof String) {
        if (!(at instanceof ObjectNode)) {
          return false;
        }
        child = at.get((String) step);
        if (child == null || child.isNull()) {
          if (!create || next instanceof Integer) {
            return false;
          }
          child = ((ObjectNode) at).putObject((String) step);
        }
      } else {
        int index = (Integer) step;
        if (!(at instanceof ArrayNode) || index >= at.size()) {
          return false;
        }
        child = at.get(index);
      }
      at = child;
    }
    Object last = steps.get(steps.size() - 1);
    if (last instanceof String && at instanceof ObjectNode) {
      ((ObjectNode) at).set((String) last, value);
      return true;
    }
    if (last instanceof Integer && at instanceof ArrayNode && (Integer) last < at.size()) {
      ((ArrayNode) at).set((Integer) last, value);
      return true;
    }
    return false;
  }

  private static List<Object> parse(String path) {
    List<Object> steps = new ArrayList<>();
    String[] parts = path.split("\\.", -1);
    int count = parts.length;
    while (count > 0 && parts[count - 1].isEmpty()) {
      count--; // as split(regex) without a limit: trailing empty parts are dropped
    }
    for (int i = 0; i < count; i++) {
      Matcher m = SEGMENT.matcher(parts[i]);
      if (!m.matches()) {
        return List.of();
      }
      steps.add(m.group(1));
      Matcher idx = INDEX.matcher(m.group(2));
      while (idx.find()) {
        steps.add(Integer.parseInt(idx.group(1)));
      }
    }
    return steps;
  }
}
