package dev.vpctrain.core.remediation;

import dev.vpctrain.core.report.JsonWriter;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls (policies and plans) with the
 * project's one {@link JsonWriter}: pretty-printed, two-space indents, no trailing newline.
 */
final class JsonText {
  private JsonText() {}

  static String write(Object value) {
    JsonWriter w = JsonWriter.create();
    write(w, value);
    String text = w.toString();
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private static void write(JsonWriter w, Object v) {
    if (v == null) {
      w.nullValue();
    } else if (v instanceof String s) {
      w.value(s);
    } else if (v instanceof Boolean b) {
      w.value(b.booleanValue());
    } else if (v instanceof Number n) {
      w.value(n);
    } else if (v instanceof Map<?, ?> map) {
      w.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        w.name(String.valueOf(e.getKey()));
        write(w, e.getValue());
      }
      w.endObject();
    } else if (v instanceof List<?> list) {
      w.beginArray();
      for (Object item : list) {
        write(w, item);
      }
      w.endArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }
}
