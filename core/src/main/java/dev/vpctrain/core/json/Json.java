package dev.vpctrain.core.json;

/**
 * Entry point of the JSON parser. Strict RFC 8259: no comments, no trailing commas, no leading
 * zeros, no raw control characters in strings, no unpaired surrogate escapes, no duplicate member
 * names, one value per document (a leading byte-order mark is skipped). Nesting deeper than
 * {@value #MAX_DEPTH} levels is rejected.
 */
public final class Json {
  /** The deepest nesting of objects and arrays accepted. */
  public static final int MAX_DEPTH = 512;

  private Json() {}

  /** Parses {@code text}; throws {@link JsonParseException} naming line, column and path. */
  public static JsonNode parse(String text) {
    return parse(text, null);
  }

  /**
   * Parses {@code text}; errors start with {@code source} (for example {@code policy of vpce-…}).
   *
   * @throws JsonParseException when the text is not one well-formed JSON value
   */
  public static JsonNode parse(String text, String source) {
    if (text == null) {
      throw new JsonParseException(source, 1, 1, "", "expected a JSON value but there is no text");
    }
    return new JsonParser(text, source).parseDocument();
  }
}
