package dev.vpctrain.core.remediation;

import dev.vpctrain.core.json.JsonString;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Pretty-prints a tree of maps, lists, strings, numbers, booleans and nulls as JSON (2-space indent). */
final class JsonText {
  private JsonText() {}

  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v, int depth) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        indent(sb, depth + 1);
        quote(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        write(sb, e.getValue(), depth + 1);
        sb.append(it.hasNext() ? ",\n" : "\n");
      }
      indent(sb, depth);
      sb.append('}');
    } else if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        indent(sb, depth + 1);
        write(sb, list.get(i), depth + 1);
        sb.append(i < list.size() - 1 ? ",\n" : "\n");
      }
      indent(sb, depth);
      sb.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }

  private static void indent(StringBuilder sb, int depth) {
    for (int i = 0; i < depth; i++) {
      sb.append("  ");
    }
  }

  private static void quote(StringBuilder sb, String s) {
    JsonString.quote(sb, s);
  }
}
