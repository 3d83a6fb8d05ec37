package dev.vpctrain.aws.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** JSON tree helpers for the properties: every value with its JSON path, and a randomised writer. */
final class Trees {
  private Trees() {}

  /** One value of a tree: its JSON path (as the readers print it), its container and its place there. */
  record Slot(String path, JsonNode container, String member, int index, JsonNode value) {
    void set(JsonNode v) {
      if (container instanceof ObjectNode o) {
        o.set(member, v);
      } else {
        ((ArrayNode) container).set(index, v);
      }
    }

    void remove() {
      if (container instanceof ObjectNode o) {
        o.remove(member);
      } else {
        ((ArrayNode) container).remove(index);
      }
    }

    /** The last member name on the path (for an array element, its array's member name). */
    String name() {
      return member != null ? member : "";
    }
  }

  /** Every value below {@code root} (not the root itself), in document order. */
  static List<Slot> slots(JsonNode root) {
    List<Slot> out = new ArrayList<>();
    collect(root, "", out);
    return out;
  }

  private static void collect(JsonNode node, String path, List<Slot> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        out.add(new Slot(p, node, e.getKey(), -1, e.getValue()));
        collect(e.getValue(), p, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String p = path + "[" + i + "]";
        out.add(new Slot(p, node, null, i, node.get(i)));
        collect(node.get(i), p, out);
      }
    }
  }

  /**
   * {@code node} as JSON text with the same meaning: object members in a random order, arrays
   * shuffled where {@code shuffle} says so, characters of strings (member names too) randomly
   * written as {@code \\u} escapes, and random whitespace.
   */
  static String write(JsonNode node, Random random, boolean reorderMembers, ArrayRule shuffle) {
    StringBuilder sb = new StringBuilder();
    write(node, "", random, reorderMembers, shuffle, sb);
    return sb.toString();
  }

  /** Which arrays may be shuffled, by JSON path. */
  interface ArrayRule {
    boolean unordered(String path);
  }

  private static void write(JsonNode node, String path, Random r, boolean reorder, ArrayRule shuffle, StringBuilder sb) {
    space(r, sb);
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      if (reorder) {
        java.util.Collections.shuffle(names, r);
      }
      sb.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        space(r, sb);
        string(names.get(i), r, sb);
        space(r, sb);
        sb.append(':');
        String p = path.isEmpty() ? names.get(i) : path + "." + names.get(i);
        write(node.get(names.get(i)), p, r, reorder, shuffle, sb);
      }
      space(r, sb);
      sb.append('}');
    } else if (node.isArray()) {
      List<JsonNode> elements = new ArrayList<>();
      node.elements().forEachRemaining(elements::add);
      if (shuffle.unordered(path)) {
        java.util.Collections.shuffle(elements, r);
      }
      sb.append('[');
      for (int i = 0; i < elements.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(elements.get(i), path + "[" + i + "]", r, reorder, shuffle, sb);
      }
      space(r, sb);
      sb.append(']');
    } else if (node.isTextual()) {
      string(node.asText(), r, sb);
    } else {
      sb.append(node.toString());
    }
    space(r, sb);
  }

  private static void space(Random r, StringBuilder sb) {
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(" \n\t\r".charAt(r.nextInt(4)));
    }
  }

  private static void string(String s, Random r, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || r.nextInt(4) == 0) {
        String hex = Integer.toHexString(c);
        sb.append("\\u").append(r.nextBoolean() ? "0000".substring(hex.length()) + hex
            : ("0000".substring(hex.length()) + hex).toUpperCase(java.util.Locale.ROOT));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
