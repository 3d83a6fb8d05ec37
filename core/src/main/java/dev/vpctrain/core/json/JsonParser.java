package dev.vpctrain.core.json;

import java.util.ArrayList;
import java.util.List;

/** A recursive-descent parser over a string; one instance parses one document. */
final class JsonParser {
  private final String text;
  private final int length;
  private final JsonNode.Origin origin;
  private int pos;
  private int line = 1;
  private int lineStart;
  /** The path of the value being parsed, as member names (String) and indexes (Integer). */
  private final List<Object> path = new ArrayList<>();
  private int depth;

  JsonParser(String text, String source) {
    this.text = text;
    this.length = text.length();
    this.origin = new JsonNode.Origin(source);
  }

  JsonNode parseDocument() {
    if (length > 0 && text.charAt(0) == '\uFEFF') {
      pos = 1;
      lineStart = 1;
    }
    skipWhitespace();
    if (pos >= length) {
      throw errorHere("expected a JSON value but the text is empty");
    }
    JsonNode root = parseValue();
    skipWhitespace();
    if (pos < length) {
      throw errorHere("unexpected " + describeChar(pos) + " after the end of the JSON value");
    }
    return root;
  }

  private JsonNode parseValue() {
    if (pos >= length) {
      throw errorHere("expected a JSON value but the text ended");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return parseObject();
      case '[':
        return parseArray();
      case '"': {
        int l = line;
        int col = column();
        return new JsonString(origin, l, col, parseString());
      }
      case 't':
        return parseLiteral("true", new JsonBoolean(origin, line, column(), true));
      case 'f':
        return parseLiteral("false", new JsonBoolean(origin, line, column(), false));
      case 'n':
        return parseLiteral("null", new JsonNull(origin, line, column()));
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return parseNumber();
        }
        throw errorHere("expected a JSON value but found " + describeChar(pos));
    }
  }

  private JsonNode parseLiteral(String word, JsonNode node) {
    if (!text.startsWith(word, pos)) {
      throw errorHere("expected a JSON value but found " + describeWord(pos));
    }
    pos += word.length();
    if (pos < length && isWordChar(text.charAt(pos))) {
      throw errorAt(pos - word.length(), "expected a JSON value but found " + describeWord(pos - word.length()));
    }
    return node;
  }

  private JsonObject parseObject() {
    JsonObject obj = new JsonObject(origin, line, column());
    enter();
    pos++; // {
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return obj;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw errorHere(pos >= length
            ? "expected a member name in double quotes but the text ended"
            : "expected a member name in double quotes but found " + describeChar(pos));
      }
      int keyLine = line;
      int keyColumn = column();
      String name = parseString();
      skipWhitespace();
      if (peek() != ':') {
        throw errorHere("expected ':' after member name \"" + name + "\" but found " + describeCharOrEnd(pos));
      }
      pos++;
      skipWhitespace();
      path.add(name);
      JsonNode value = parseValue();
      path.remove(path.size() - 1);
      if (!obj.add(name, value)) {
        path.add(name);
        JsonParseException e = new JsonParseException(origin.source, keyLine, keyColumn, currentPath(),
            "duplicate member name \"" + name + "\"");
        path.remove(path.size() - 1);
        throw e;
      }
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
        continue;
      }
      if (c == '}') {
        pos++;
        depth--;
        return obj;
      }
      throw errorHere("expected ',' or '}' after a member of the object but found " + describeCharOrEnd(pos));
    }
  }

  private JsonArray parseArray() {
    JsonArray arr = new JsonArray(origin, line, column());
    enter();
    pos++; // [
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return arr;
    }
    while (true) {
      skipWhitespace();
      path.add(arr.size());
      if (peek() == ']') {
        throw errorHere("expected a JSON value but found ']' (trailing comma)");
      }
      JsonNode value = parseValue();
      path.remove(path.size() - 1);
      arr.add(value);
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
        continue;
      }
      if (c == ']') {
        pos++;
        depth--;
        return arr;
      }
      throw errorHere("expected ',' or ']' after an element of the array but found " + describeCharOrEnd(pos));
    }
  }

  private void enter() {
    if (++depth > Json.MAX_DEPTH) {
      throw errorHere("objects and arrays are nested deeper than " + Json.MAX_DEPTH + " levels");
    }
  }

  /** Parses a string literal at {@code pos} (which holds the opening quote); returns its value. */
  private String parseString() {
    int start = ++pos;
    // fast path: no escapes
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == '"') {
        return text.substring(start, pos++);
      }
      if (c == '\\') {
        break;
      }
      if (c < 0x20) {
        throw errorHere("control character " + describeChar(pos) + " in a string (write it as an escape)");
      }
      pos++;
    }
    StringBuilder b = new StringBuilder(pos - start + 16);
    b.append(text, start, pos);
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return b.toString();
      }
      if (c < 0x20) {
        throw errorHere("control character " + describeChar(pos) + " in a string (write it as an escape)");
      }
      if (c != '\\') {
        b.append(c);
        pos++;
        continue;
      }
      int escapeAt = pos;
      pos++;
      if (pos >= length) {
        break;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"':
          b.append('"');
          break;
        case '\\':
          b.append('\\');
          break;
        case '/':
          b.append('/');
          break;
        case 'b':
          b.append('\b');
          break;
        case 'f':
          b.append('\f');
          break;
        case 'n':
          b.append('\n');
          break;
        case 'r':
          b.append('\r');
          break;
        case 't':
          b.append('\t');
          break;
        case 'u': {
          char u = readHex4(escapeAt);
          if (Character.isHighSurrogate(u)) {
            if (pos + 1 < length && text.charAt(pos) == '\\' && text.charAt(pos + 1) == 'u') {
              int lowAt = pos;
              pos += 2;
              char low = readHex4(lowAt);
              if (!Character.isLowSurrogate(low)) {
                throw errorAt(escapeAt, "high surrogate " + hex(u) + " is followed by " + hex(low)
                    + ", not by a low surrogate \\uDC00-\\uDFFF");
              }
              b.append(u).append(low);
            } else {
              throw errorAt(escapeAt, "unpaired high surrogate " + hex(u) + " (it must be followed by a \\uDC00-\\uDFFF escape)");
            }
          } else if (Character.isLowSurrogate(u)) {
            throw errorAt(escapeAt, "unpaired low surrogate " + hex(u));
          } else {
            b.append(u);
          }
          break;
        }
        default:
          throw errorAt(escapeAt, "invalid escape '\\" + printable(e) + "' in a string (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
      }
    }
    throw errorHere("unterminated string: the text ended before the closing '\"'");
  }

  private char readHex4(int escapeAt) {
    if (pos + 4 > length) {
      throw errorAt(escapeAt, "incomplete \\u escape: expected 4 hexadecimal digits");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = hexDigit(text.charAt(pos + i));
      if (d < 0) {
        throw errorAt(escapeAt, "invalid \\u escape '" + text.substring(escapeAt, Math.min(length, pos + 4))
            + "': expected 4 hexadecimal digits");
      }
      v = v * 16 + d;
    }
    pos += 4;
    return (char) v;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String hex(char c) {
    return String.format("\\u%04X", (int) c);
  }

  private JsonNumber parseNumber() {
    int start = pos;
    int l = line;
    int col = column();
    if (peek() == '-') {
      pos++;
    }
    if (pos >= length || !isDigit(text.charAt(pos))) {
      throw errorAt(start, "invalid number '" + text.substring(start, Math.min(length, pos + 1)) + "': expected a digit after '-'");
    }
    if (text.charAt(pos) == '0') {
      pos++;
      if (pos < length && isDigit(text.charAt(pos))) {
        throw errorAt(start, "invalid number: leading zeros are not allowed ('" + scanWord(start) + "')");
      }
    } else {
      while (pos < length && isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    if (pos < length && text.charAt(pos) == '.') {
      pos++;
      if (pos >= length || !isDigit(text.charAt(pos))) {
        throw errorAt(start, "invalid number '" + scanWord(start) + "': expected a digit after '.'");
      }
      while (pos < length && isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    if (pos < length && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < length && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos >= length || !isDigit(text.charAt(pos))) {
        throw errorAt(start, "invalid number '" + scanWord(start) + "': expected a digit in the exponent");
      }
      while (pos < length && isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    if (pos < length && isWordChar(text.charAt(pos))) {
      throw errorAt(start, "invalid number '" + scanWord(start) + "'");
    }
    return new JsonNumber(origin, l, col, text.substring(start, pos));
  }

  private String scanWord(int from) {
    int end = from;
    while (end < length && (isWordChar(text.charAt(end)) || text.charAt(end) == '-' || text.charAt(end) == '+')) {
      end++;
    }
    return text.substring(from, Math.min(end, from + 40));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  private void skipWhitespace() {
    while (pos < length) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t') {
        pos++;
      } else if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (c == '\r') {
        pos++;
        if (pos < length && text.charAt(pos) == '\n') {
          pos++;
        }
        line++;
        lineStart = pos;
      } else {
        return;
      }
    }
  }

  private char peek() {
    return pos < length ? text.charAt(pos) : '\0';
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private String currentPath() {
    StringBuilder b = new StringBuilder();
    for (Object seg : path) {
      if (seg instanceof Integer) {
        b.append('[').append(seg).append(']');
      } else {
        JsonNode.appendKey(b, (String) seg);
      }
    }
    return b.toString();
  }

  private JsonParseException errorHere(String detail) {
    return new JsonParseException(origin.source, line, column(), currentPath(), detail);
  }

  /** An error at {@code offset}, which lies on the current line. */
  private JsonParseException errorAt(int offset, String detail) {
    return new JsonParseException(origin.source, line, offset - lineStart + 1, currentPath(), detail);
  }

  private String describeCharOrEnd(int at) {
    return at >= length ? "the end of the text" : describeChar(at);
  }

  private String describeChar(int at) {
    char c = text.charAt(at);
    return "'" + printable(c) + "'";
  }

  private String describeWord(int at) {
    String w = scanWord(at);
    return w.isEmpty() ? describeChar(at) : "'" + w + "'";
  }

  private static String printable(char c) {
    if (c < 0x20 || c == 0x7f) {
      return String.format("\\u%04X", (int) c);
    }
    return String.valueOf(c);
  }
}
