package dev.vpctrain.core.json;

/** A JSON string. */
public final class JsonString extends JsonNode {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final String value;

  JsonString(Origin origin, int line, int column, String value) {
    super(origin, line, column);
    this.value = value;
  }

  @Override
  public JsonKind kind() {
    return JsonKind.STRING;
  }

  public String value() {
    return value;
  }

  @Override
  void writeTo(StringBuilder b) {
    quote(b, value);
  }

  /**
   * Appends {@code s} as a JSON string literal (RFC 8259): quote, backslash and control characters
   * escaped, and also U+2028, U+2029 and unpaired surrogates, so the output is safe in JavaScript
   * and valid UTF-8. The one string escaper of the project.
   */
  public static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          b.append("\\\"");
          break;
        case '\\':
          b.append("\\\\");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          b.append("\\r");
          break;
        case '\t':
          b.append("\\t");
          break;
        case '\b':
          b.append("\\b");
          break;
        case '\f':
          b.append("\\f");
          break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || (Character.isSurrogate(c) && !pairedSurrogate(s, i))) {
            b.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
          } else {
            b.append(c);
          }
      }
    }
    b.append('"');
  }

  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** {@code s} as a JSON string literal. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    quote(b, s);
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonString && ((JsonString) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
