package dev.vpctrain.core.rules.policy;

import dev.vpctrain.core.json.JsonString;
import java.util.List;
import java.util.Map;

/** Writes policy documents (maps, lists, strings, booleans) as indented JSON for remediations. */
public final class PolicyJson {
  private PolicyJson() {}

  /** {@code value} as JSON with two-space indentation; lists of strings one per line. */
  public static String pretty(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, 0);
    return b.toString();
  }

  private static void write(StringBuilder b, Object value, int indent) {
    if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      if (map.isEmpty()) {
        b.append("{}");
        return;
      }
      b.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        pad(b, indent + 1);
        JsonString.quote(b, String.valueOf(e.getKey()));
        b.append(": ");
        write(b, e.getValue(), indent + 1);
        b.append(++i < map.size() ? ",\n" : "\n");
      }
      pad(b, indent);
      b.append('}');
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      if (list.isEmpty()) {
        b.append("[]");
        return;
      }
      b.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        pad(b, indent + 1);
        write(b, list.get(i), indent + 1);
        b.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      pad(b, indent);
      b.append(']');
    } else if (value instanceof Boolean || value instanceof Number) {
      b.append(value);
    } else {
      JsonString.quote(b, String.valueOf(value));
    }
  }

  private static void pad(StringBuilder b, int indent) {
    for (int i = 0; i < indent; i++) {
      b.append("  ");
    }
  }
}
