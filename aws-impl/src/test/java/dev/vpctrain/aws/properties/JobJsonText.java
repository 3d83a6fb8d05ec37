package dev.vpctrain.aws.properties;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a JSON tree as text in one of many equivalent spellings: members in another order,
 * characters of strings as {@code \\uXXXX} escapes, other whitespace, a UTF-8 byte-order mark. Also
 * writes one member twice, for the duplicate-member mutation.
 */
final class JobJsonText {
  /** How to spell the document. */
  static final class Style {
    final long seed;
    final boolean reorder;
    final boolean escapeStrings;
    final boolean pretty;
    final boolean bom;
    /** The n-th object member written (counting from 0) is written twice; -1 for none. */
    final int duplicate;

    Style(long seed, boolean reorder, boolean escapeStrings, boolean pretty, boolean bom, int duplicate) {
      this.seed = seed;
      this.reorder = reorder;
      this.escapeStrings = escapeStrings;
      this.pretty = pretty;
      this.bom = bom;
      this.duplicate = duplicate;
    }

    static Style plain() {
      return new Style(0, false, false, true, false, -1);
    }

    @Override
    public String toString() {
      return "Style[seed=" + seed + ", reorder=" + reorder + ", escape=" + escapeStrings + ", pretty=" + pretty
          + ", bom=" + bom + ", duplicate=" + duplicate + "]";
    }
  }

  private final Style style;
  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private int members;

  private JobJsonText(Style style) {
    this.style = style;
    this.random = new Random(style.seed);
  }

  static byte[] bytes(JsonNode root, Style style) {
    byte[] text = text(root, style).getBytes(StandardCharsets.UTF_8);
    if (!style.bom) {
      return text;
    }
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    return withBom;
  }

  static String text(JsonNode root, Style style) {
    JobJsonText w = new JobJsonText(style);
    w.write(root, 0);
    return w.out.toString();
  }

  private void newline(int depth) {
    if (style.pretty) {
      out.append('\n');
      for (int i = 0; i < depth; i++) {
        out.append("  ");
      }
    }
  }

  private void write(JsonNode n, int depth) {
    if (n.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      n.fields().forEachRemaining(fields::add);
      if (style.reorder) {
        Collections.shuffle(fields, random);
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> f : fields) {
        int times = members++ == style.duplicate ? 2 : 1;
        for (int t = 0; t < times; t++) {
          out.append(first ? "" : ",");
          first = false;
          newline(depth + 1);
          string(f.getKey());
          out.append(style.pretty ? ": " : ":");
          write(f.getValue(), depth + 1);
        }
      }
      if (!fields.isEmpty()) {
        newline(depth);
      }
      out.append('}');
    } else if (n.isArray()) {
      out.append('[');
      for (int i = 0; i < n.size(); i++) {
        out.append(i == 0 ? "" : ",");
        newline(depth + 1);
        write(n.get(i), depth + 1);
      }
      if (n.size() > 0) {
        newline(depth);
      }
      out.append(']');
    } else if (n.isTextual()) {
      string(n.textValue());
    } else {
      out.append(n.toString());
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (style.escapeStrings || c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
