package dev.vpctrain.core.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The string escapes of {@link JsonWriter}: RFC 8259's (quote, backslash, control characters), and
 * U+2028 and U+2029, which JavaScript reads as line breaks.
 */
final class JsonEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;
  private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
  private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

  private final int[] ascii = standardAsciiEscapesForJSON();

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii.clone();
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    if (ch == '\u2028') {
      return LINE_SEPARATOR;
    }
    return ch == '\u2029' ? PARAGRAPH_SEPARATOR : null;
  }
}
