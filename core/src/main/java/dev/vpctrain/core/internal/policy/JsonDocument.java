package dev.vpctrain.core.internal.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one JSON document (a policy) with Jackson's streaming parser into a Jackson tree, keeping
 * where each value starts, so that syntax and shape errors name the source, line, column and JSON
 * path ({@code Statement[2].Condition.StringEquals}) as a {@link PolicyParseException}.
 *
 * <p>Strict RFC 8259: no comments, no trailing commas, no leading zeros, no raw control characters in
 * strings, no unpaired surrogate escapes, no duplicate member names, one value per document (a
 * leading byte-order mark is skipped). Nesting deeper than {@value #MAX_DEPTH} levels is rejected.
 * Numbers keep their literal text ({@code 1.50}, {@code 1e3}) and compare by value ({@code 1.0}
 * equals {@code 1}).
 */
public final class JsonDocument {
  /** The deepest nesting of objects and arrays accepted. */
  public static final int MAX_DEPTH = 512;

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String text;
  private final String source;
  private final int[] lineStarts;
  /** Where each value starts, by JSON path: {line, column}. */
  private final Map<String, int[]> positions = new HashMap<>();
  /** The path of the value being read, as member names (String) and indexes (Integer). */
  private final List<Object> path = new ArrayList<>();
  private JsonParser parser;
  private Expect expect = Expect.VALUE;
  /** The token before the one being read. */
  private JsonToken previous;
  private int count;
  private int depth;

  /** What the parser was about to read when Jackson stopped: decides the wording of a syntax error. */
  private enum Expect {
    VALUE,
    OBJECT,
    ARRAY
  }

  private JsonDocument(String text, String source) {
    this.text = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    this.source = source;
    this.lineStarts = lineStarts(this.text);
  }

  /**
   * Reads {@code text} into a Jackson tree; errors start with {@code source} (for example
   * {@code policy of vpce-…}).
   *
   * @throws PolicyParseException when the text is not one well-formed JSON value
   */
  public static JsonNode read(String text, String source) {
    return parse(text, source).value();
  }

  /**
   * Reads {@code text}, which must be a JSON object.
   *
   * @throws PolicyParseException when the text is not one well-formed JSON object
   */
  public static ObjectNode readObject(String text, String source) {
    return (ObjectNode) parse(text, source).asObject().value();
  }

  /** The root of the document, whose values know their path and position. */
  static Node parse(String text, String source) {
    if (text == null) {
      throw new PolicyParseException(source, 1, 1, "", "expected a JSON value but there is no text");
    }
    JsonDocument d = new JsonDocument(text, source);
    return d.new Node(d.readDocument(), "");
  }

  private JsonNode readDocument() {
    try (JsonParser p = FACTORY.createParser(text)) {
      parser = p;
      try {
        JsonToken t = next(Expect.VALUE);
        if (t == null) {
          throw error(text.length(), "expected a JSON value but the text is empty");
        }
        JsonNode root = value(t);
        int next = skipWhitespace((int) p.currentLocation().getCharOffset());
        if (next < text.length()) {
          throw error(next, "unexpected " + describeChar(next) + " after the end of the JSON value");
        }
        return root;
      } catch (JsonProcessingException e) {
        throw new SyntaxError(e).translate(); // while the parser still knows where it was
      }
    } catch (IOException e) {
      throw error(text.length(), "unreadable: " + e.getMessage());
    }
  }

  private JsonToken next(Expect what) throws IOException {
    expect = what;
    previous = parser.currentToken();
    return parser.nextToken();
  }

  private JsonNode value(JsonToken t) throws IOException {
    int start = (int) parser.currentTokenLocation().getCharOffset();
    positions.put(currentPath(), position(start));
    expect = Expect.VALUE;
    switch (t) {
      case START_OBJECT:
        return object(start);
      case START_ARRAY:
        return array(start);
      case VALUE_STRING:
        return TextNode.valueOf(checkedString(parser.getText(), start));
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return number(start);
      case VALUE_TRUE:
        return BooleanNode.TRUE;
      case VALUE_FALSE:
        return BooleanNode.FALSE;
      case VALUE_NULL:
        return NullNode.getInstance();
      default:
        throw error(start, "expected a JSON value but found " + describeChar(start));
    }
  }

  private ObjectNode object(int start) throws IOException {
    enter(start);
    ObjectNode o = NODES.objectNode();
    JsonToken t = next(Expect.OBJECT);
    while (t == JsonToken.FIELD_NAME) {
      int keyAt = (int) parser.currentTokenLocation().getCharOffset();
      String name = checkedString(parser.currentName(), keyAt);
      path.add(name);
      if (o.has(name)) {
        throw error(keyAt, "duplicate member name \"" + name + "\"");
      }
      o.set(name, value(next(Expect.VALUE)));
      path.remove(path.size() - 1);
      t = next(Expect.OBJECT);
    }
    depth--;
    return o;
  }

  private ArrayNode array(int start) throws IOException {
    enter(start);
    ArrayNode a = NODES.arrayNode();
    count = 0;
    JsonToken t = next(Expect.ARRAY);
    while (t != JsonToken.END_ARRAY) {
      path.add(a.size());
      a.add(value(t));
      path.remove(path.size() - 1);
      count = a.size();
      t = next(Expect.ARRAY);
    }
    depth--;
    return a;
  }

  private void enter(int start) {
    if (++depth > MAX_DEPTH) {
      throw error(start, "objects and arrays are nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private JsonNode number(int start) throws IOException {
    String literal = parser.getText();
    try {
      return new LiteralNumber(parser.getDecimalValue(), literal);
    } catch (NumberFormatException e) {
      throw error(start, "number " + literal + " is out of range");
    }
  }

  /** {@code s}, unless it came from a {@code \\u} escape of half a surrogate pair (which is not text). */
  private String checkedString(String s, int tokenStart) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      boolean paired = Character.isHighSurrogate(c)
          ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
          : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
      if (paired) {
        i += Character.isHighSurrogate(c) ? 1 : 0;
        continue;
      }
      int escape = findEscape(tokenStart, c);
      if (escape < 0) {
        continue; // a raw character of the text, not an escape
      }
      if (Character.isLowSurrogate(c)) {
        throw error(escape, "unpaired low surrogate " + hex(c));
      }
      int after = escape + 6;
      if (text.startsWith("\\u", after) && after + 6 <= text.length() && hexValue(after) >= 0) {
        throw error(escape, "high surrogate " + hex(c) + " is followed by " + hex((char) hexValue(after))
            + ", not by a low surrogate \\uDC00-\\uDFFF");
      }
      throw error(escape, "unpaired high surrogate " + hex(c) + " (it must be followed by a \\uDC00-\\uDFFF escape)");
    }
    return s;
  }

  /** The offset of the first {@code \\uXXXX} escape of {@code c} after {@code from}, or -1. */
  private int findEscape(int from, char c) {
    for (int at = text.indexOf("\\u", from); at >= 0 && at + 6 <= text.length(); at = text.indexOf("\\u", at + 1)) {
      if (hexValue(at) == c) {
        return at;
      }
    }
    return -1;
  }

  /** The value of the four hex digits after the {@code \\u} at {@code escape}, or -1. */
  private int hexValue(int escape) {
    int v = 0;
    for (int i = escape + 2; i < escape + 6; i++) {
      int d = Character.digit(text.charAt(i), 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }

  private static String hex(char c) {
    return String.format("\\u%04X", (int) c);
  }

  // ---- positions and paths

  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  /** {line, column} of a character offset, both 1-based. */
  private int[] position(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    int line = i >= 0 ? i : -i - 2;
    return new int[] {line + 1, offset - lineStarts[line] + 1};
  }

  private String currentPath() {
    return pathOf(path);
  }

  private static String pathOf(List<Object> segments) {
    StringBuilder b = new StringBuilder();
    for (Object seg : segments) {
      if (seg instanceof Integer) {
        b.append('[').append(seg).append(']');
      } else {
        appendKey(b, (String) seg);
      }
    }
    return b.toString();
  }

  /** Appends {@code .key}, or {@code ["a.b"]} for names that would be ambiguous in a dotted path. */
  private static void appendKey(StringBuilder b, String key) {
    boolean plain = !key.isEmpty();
    for (int i = 0; i < key.length() && plain; i++) {
      char c = key.charAt(i);
      plain = c != '.' && c != '[' && c != ']' && c != '"' && c > ' ';
    }
    if (plain) {
      if (b.length() > 0) {
        b.append('.');
      }
      b.append(key);
    } else {
      b.append("[\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
    }
  }

  private PolicyParseException error(int offset, String detail) {
    return errorAt(offset, currentPath(), detail);
  }

  private PolicyParseException errorAt(int offset, String jsonPath, String detail) {
    int[] at = position(offset);
    return new PolicyParseException(source, at[0], at[1], jsonPath, detail);
  }

  private int skipWhitespace(int from) {
    int i = from;
    while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  private String describeChar(int at) {
    return at >= text.length() ? "the end of the text" : "'" + printable(text.charAt(at)) + "'";
  }

  private static String printable(char c) {
    if (c < 0x20 || c == 0x7f) {
      return String.format("\\u%04X", (int) c);
    }
    return String.valueOf(c);
  }

  /**
   * A syntax error Jackson reported, worded as vpctrain words it: the location of the offending
   * character (or of the number or escape it belongs to), the JSON path of the value being read, and
   * what was expected there.
   */
  private final class SyntaxError {
    private final String message;
    private final int at;
    private final boolean atEnd;

    SyntaxError(JsonProcessingException e) {
      this.message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
      int where = (int) Math.max(0, Math.min(offset < 0 ? text.length() : offset, text.length()));
      if (message.startsWith("Illegal character") && where > 0 && text.charAt(where - 1) < 0x20) {
        where--; // a control character between tokens: Jackson points past it
      }
      this.at = where;
      this.atEnd = skipWhitespace(at) >= text.length()
          && (e instanceof com.fasterxml.jackson.core.io.JsonEOFException || message.contains("end-of-input"));
    }

    PolicyParseException translate() {
      if (atEnd && endsInsideString()) {
        int escape = text.lastIndexOf("\\u");
        if (escape >= 0 && escape + 6 > text.length() && isEscape(escape)) {
          return errorAt(escape, stringPath(), "incomplete \\u escape: expected 4 hexadecimal digits");
        }
        return errorAt(text.length(), stringPath(), "unterminated string: the text ended before the closing '\"'");
      }
      if (message.contains("Leading zeroes")) {
        return numberError("invalid number: leading zeros are not allowed ('" + scanWord(numberStart()) + "')");
      }
      if (message.contains("minus sign") || message.contains("No digit following sign")) {
        int start = numberStart();
        return numberError("invalid number '" + text.substring(start, Math.min(text.length(), start + 2))
            + "': expected a digit after '-'");
      }
      if (message.contains("Decimal point not followed")) {
        return numberError("invalid number '" + scanWord(numberStart()) + "': expected a digit after '.'");
      }
      if (message.toLowerCase(Locale.ROOT).contains("exponent")) {
        return numberError("invalid number '" + scanWord(numberStart()) + "': expected a digit in the exponent");
      }
      if (message.contains("plus sign")) {
        int start = numberStart();
        return errorAt(start, valuePath(), "expected a JSON value but found " + describeChar(start));
      }
      if (message.contains("Unrecognized character escape")) {
        int escape = text.lastIndexOf('\\', at);
        char e = escape + 1 < text.length() ? text.charAt(escape + 1) : '\\';
        return error(escape, "invalid escape '\\" + printable(e)
            + "' in a string (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
      }
      if (message.contains("hex-digit")) {
        int escape = text.lastIndexOf("\\u", at);
        return error(escape, "invalid \\u escape '" + text.substring(escape, Math.min(text.length(), escape + 6))
            + "': expected 4 hexadecimal digits");
      }
      if (message.contains("Illegal unquoted character")) {
        return error(at, "control character " + describeChar(at) + " in a string (write it as an escape)");
      }
      if (atEnd) {
        return endOfText();
      }
      if (message.contains("separating root-level values") && !(at < text.length() && isWordChar(text.charAt(at)))) {
        return error(at, "unexpected " + describeChar(at) + " after the end of the JSON value");
      }
      if (message.contains("separating root-level values") || adjacentToNumber()) {
        int start = numberStart();
        String path = expect == Expect.ARRAY ? pathOf(append(JsonDocument.this.path, count - 1)) : valuePath();
        return errorAt(start, path, "invalid number '" + scanWord(start) + "'");
      }
      char before = at > 0 ? text.charAt(previousNonWhitespace(at)) : '\0';
      if (expect == Expect.OBJECT && before == '"' && lastStringIsAName(previousNonWhitespace(at))) {
        return error(at, "expected ':' after member name \"" + lastString(previousNonWhitespace(at))
            + "\" but found " + describeChar(at));
      }
      if (message.contains("Unexpected close marker") || message.contains("comment")
          || message.startsWith("Illegal character")) {
        return structural(before);
      }
      if (message.contains("was expecting comma")) {
        return expect == Expect.ARRAY
            ? error(at, "expected ',' or ']' after an element of the array but found " + describeChar(at))
            : error(at, "expected ',' or '}' after a member of the object but found " + describeChar(at));
      }
      if (message.contains("double-quote to start field name")) {
        return error(at, "expected a member name in double quotes but found " + describeChar(at));
      }
      if (message.contains("was expecting a colon")) {
        return error(at, "expected ':' after member name \"" + currentName() + "\" but found " + describeChar(at));
      }
      if (message.contains("Unrecognized token") || message.contains("expected a valid value")
          || message.contains("expected a value")
          || message.contains("Non-standard token")) {
        return notAValue();
      }
      return errorAt(at, valuePath(), message);
    }

    /** The text ended: what was expected depends on what came last. */
    private PolicyParseException endOfText() {
      int end = text.length();
      int last = end;
      while (last > 0 && " \t\r\n".indexOf(text.charAt(last - 1)) >= 0) {
        last--;
      }
      char before = last > 0 ? text.charAt(last - 1) : '\0';
      switch (expect) {
        case OBJECT:
          if (before == '{' || before == ',') {
            return error(end, "expected a member name in double quotes but the text ended");
          }
          if (before == ':') {
            return errorAt(end, valuePath(), "expected a JSON value but the text ended");
          }
          if (before == '"' && lastStringIsAName(last - 1)) {
            return error(end, "expected ':' after member name \"" + lastString(last - 1) + "\" but found the end of the text");
          }
          return error(end, "expected ',' or '}' after a member of the object but found the end of the text");
        case ARRAY:
          if (before == '[' || before == ',') {
            return errorAt(end, valuePath(), "expected a JSON value but the text ended");
          }
          return error(end, "expected ',' or ']' after an element of the array but found the end of the text");
        default:
          return error(end, "expected a JSON value but the text ended");
      }
    }

    /**
     * A character that fits nowhere (a closing bracket that closes nothing open, a '/'): what was
     * expected follows from what came before it.
     */
    private PolicyParseException structural(char before) {
      switch (expect) {
        case OBJECT:
          if (before == ':') {
            return errorAt(at, valuePath(), "expected a JSON value but found " + describeChar(at));
          }
          return before == '{' || before == ','
              ? error(at, "expected a member name in double quotes but found " + describeChar(at))
              : error(at, "expected ',' or '}' after a member of the object but found " + describeChar(at));
        case ARRAY:
          return before == '[' || before == ','
              ? errorAt(at, valuePath(), "expected a JSON value but found " + describeChar(at))
              : error(at, "expected ',' or ']' after an element of the array but found " + describeChar(at));
        default:
          return error(at, "expected a JSON value but found " + describeChar(at));
      }
    }

    /** The offset of the last character before {@code offset} that is not whitespace (0 when none). */
    private int previousNonWhitespace(int offset) {
      int i = offset - 1;
      while (i > 0 && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
        i--;
      }
      return Math.max(i, 0);
    }

    /** True when the text ends inside a string literal (strings hold no raw line breaks, so a scan suffices). */
    private boolean endsInsideString() {
      boolean inside = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (inside && c == '\\') {
          i++;
        } else if (c == '"') {
          inside = !inside;
        }
      }
      return inside;
    }

    /** True when the backslash at {@code at} starts an escape (it is not itself escaped). */
    private boolean isEscape(int at) {
      int backslashes = 0;
      for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
        backslashes++;
      }
      return backslashes % 2 == 0;
    }

    /** The offset of the opening quote of the string whose closing quote is at {@code close}. */
    private int openingQuote(int close) {
      int i = close - 1;
      while (i >= 0 && !(text.charAt(i) == '"' && isEscape(i))) {
        i--;
      }
      return i;
    }

    /** True when the string closed at {@code close} is a member name (it follows '{' or ','). */
    private boolean lastStringIsAName(int close) {
      int open = openingQuote(close);
      int i = open;
      while (i > 0 && " \t\r\n".indexOf(text.charAt(i - 1)) >= 0) {
        i--;
      }
      return open > 0 && i > 0 && (text.charAt(i - 1) == '{' || text.charAt(i - 1) == ',');
    }

    /** The text of the string closed at {@code close}, escapes decoded by Jackson. */
    private String lastString(int close) {
      String raw = text.substring(openingQuote(close), close + 1);
      try {
        return read(raw, null).textValue();
      } catch (PolicyParseException e) {
        return raw.substring(1, raw.length() - 1);
      }
    }

    /**
     * The path of the string the text ended in: a member name belongs to its object, a value has the
     * member's or element's path.
     */
    private String stringPath() {
      int open = openingQuote(text.length());
      int i = open;
      while (i > 0 && " \t\r\n".indexOf(text.charAt(i - 1)) >= 0) {
        i--;
      }
      boolean name = expect == Expect.OBJECT && i > 0 && (text.charAt(i - 1) == '{' || text.charAt(i - 1) == ',');
      return name || expect == Expect.VALUE ? currentPath() : valuePath();
    }

    /** Not the start of any JSON value: names the character (or the word, for a misspelt literal). */
    private PolicyParseException notAValue() {
      int start = at;
      while (start > 0 && start <= text.length() && isWordChar(text.charAt(start - 1))) {
        start--;
      }
      if (start >= text.length()) {
        return endOfText();
      }
      char c = text.charAt(start);
      String found = "tfn".indexOf(c) >= 0 ? "'" + scanWord(start) + "'" : describeChar(start);
      String detail = "expected a JSON value but found " + found
          + (expect == Expect.ARRAY && c == ']' ? " (trailing comma)" : "");
      return errorAt(start, valuePath(), detail);
    }

    private PolicyParseException numberError(String detail) {
      return errorAt(numberStart(), valuePath(), detail);
    }

    /** True when Jackson stopped at a letter that continues the number before it ({@code 12abc}). */
    private boolean adjacentToNumber() {
      JsonToken t = previous;
      return t != null && t.isNumeric() && at > 0 && at < text.length() && isWordChar(text.charAt(at))
          && (Character.isDigit(text.charAt(at - 1)) || text.charAt(at - 1) == '.');
    }

    /** Where the number that Jackson stopped in (or after) starts. */
    private int numberStart() {
      int i = Math.min(at, text.length());
      while (i > 0 && " \t\r\n[,:{".indexOf(text.charAt(i - 1)) < 0) {
        i--;
      }
      return i;
    }

    /** The path of the value Jackson was reading: the member or element being read in an object or array. */
    private String valuePath() {
      if (expect == Expect.OBJECT && currentName() != null) {
        return pathOf(append(path, currentName()));
      }
      return expect == Expect.ARRAY ? pathOf(append(path, count)) : currentPath();
    }

    private String currentName() {
      try {
        return parser.currentName();
      } catch (IOException e) {
        return null;
      }
    }

    private String scanWord(int from) {
      int end = from;
      while (end < text.length() && (isWordChar(text.charAt(end)) || text.charAt(end) == '-' || text.charAt(end) == '+')) {
        end++;
      }
      return text.substring(from, Math.min(end, from + 40));
    }
  }

  private static List<Object> append(List<Object> segments, Object last) {
    List<Object> out = new ArrayList<>(segments);
    out.add(last);
    return out;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  /**
   * A number that keeps its literal text ({@link #asText()}) for messages, conditions and output;
   * equal to other numbers by value, as every {@link DecimalNode}.
   */
  private static final class LiteralNumber extends DecimalNode {
    private static final long serialVersionUID = 1L;
    private final String literal;

    LiteralNumber(BigDecimal value, String literal) {
      super(value);
      this.literal = literal;
    }

    /** The literal as written, for example {@code -1.5e3}. */
    @Override
    public String asText() {
      return literal;
    }
  }

  /**
   * One value of the document with its JSON path and start position; shape errors are reported at it
   * with {@link #error(String)}.
   */
  final class Node {
    private final JsonNode value;
    private final String path;

    Node(JsonNode value, String path) {
      this.value = value;
      this.path = path;
    }

    /** The Jackson value. */
    JsonNode value() {
      return value;
    }

    /** The JSON path: {@code Statement[2].Condition.StringEquals}; empty for the root. */
    String path() {
      return path;
    }

    /** An error located at this value: {@code source: line L column C (path): detail}. */
    PolicyParseException error(String detail) {
      int[] at = positions.get(path);
      return new PolicyParseException(source, at[0], at[1], path, detail);
    }

    /** An error saying this value is not {@code expected}. */
    PolicyParseException expected(String expected) {
      return error("expected " + expected + " but found " + describe());
    }

    /** "a number (42)", "null", "a string": for messages. */
    private String describe() {
      switch (value.getNodeType()) {
        case OBJECT:
          return "an object";
        case ARRAY:
          return "an array";
        case STRING:
          return "a string";
        case NUMBER:
          return "a number (" + value.asText() + ")";
        case BOOLEAN:
          return "a boolean (" + value.booleanValue() + ")";
        default:
          return "null";
      }
    }

    boolean isObject() {
      return value.isObject();
    }

    boolean isArray() {
      return value.isArray();
    }

    boolean isString() {
      return value.isTextual();
    }

    /** A string, number or boolean. */
    boolean isScalar() {
      return value.isTextual() || value.isNumber() || value.isBoolean();
    }

    /** This value, which must be an object. */
    Node asObject() {
      if (!value.isObject()) {
        throw expected("an object");
      }
      return this;
    }

    /** This value, which must be an array. */
    Node asArray() {
      if (!value.isArray()) {
        throw expected("an array");
      }
      return this;
    }

    /** The string value; throws at this value when it is not a string. */
    String stringValue() {
      if (!value.isTextual()) {
        throw expected("a string");
      }
      return value.textValue();
    }

    /** The text of a scalar: a string's value, a number's literal, {@code true}/{@code false}. */
    String scalarText() {
      if (!isScalar()) {
        throw expected("a string, number or boolean");
      }
      return value.asText();
    }

    /** The member names of an object, in document order. */
    List<String> keys() {
      List<String> keys = new ArrayList<>();
      asObject().value.fieldNames().forEachRemaining(keys::add);
      return keys;
    }

    boolean has(String name) {
      return value.has(name);
    }

    /** The number of members or elements. */
    int size() {
      return value.size();
    }

    /** The member {@code name}; throws at this object when it is missing. */
    Node require(String name) {
      if (!asObject().value.has(name)) {
        throw error("missing required member \"" + name + "\"");
      }
      return member(name);
    }

    /** The members in document order. */
    Map<String, Node> members() {
      Map<String, Node> out = new LinkedHashMap<>();
      for (Iterator<String> it = asObject().value.fieldNames(); it.hasNext();) {
        String name = it.next();
        out.put(name, member(name));
      }
      return out;
    }

    /** The elements of an array, in order. */
    List<Node> elements() {
      asArray();
      List<Node> out = new ArrayList<>(value.size());
      for (int i = 0; i < value.size(); i++) {
        out.add(new Node(value.get(i), path + "[" + i + "]"));
      }
      return out;
    }

    private Node member(String name) {
      StringBuilder b = new StringBuilder(path);
      appendKey(b, name);
      return new Node(value.get(name), b.toString());
    }
  }
}
