package dev.vpctrain.core.report;

import java.io.StringWriter;
import java.io.Writer;

/**
 * Passes {@link JsonWriter}'s output through, writing each unpaired surrogate as a {@code \\uxxxx}
 * escape. JSON text outside strings is ASCII, so a surrogate in the stream is one of a string, and
 * its neighbours in the stream are its neighbours in the string (the escapes Jackson writes are
 * ASCII): a surrogate without its partner next to it is unpaired in the string too.
 */
final class LoneSurrogateEscaper extends Writer {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final StringWriter out;
  /** A high surrogate waiting to see whether a low one follows; 0 when none. */
  private char pending;

  LoneSurrogateEscaper(StringWriter out) {
    this.out = out;
  }

  @Override
  public void write(char[] buffer, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      put(buffer[i]);
    }
  }

  private void put(char c) {
    if (pending != 0) {
      char high = pending;
      pending = 0;
      if (Character.isLowSurrogate(c)) {
        out.write(high);
        out.write(c);
        return;
      }
      escape(high);
    }
    if (Character.isHighSurrogate(c)) {
      pending = c;
    } else if (Character.isLowSurrogate(c)) {
      escape(c);
    } else {
      out.write(c);
    }
  }

  private void escape(char c) {
    out.write('\\');
    out.write('u');
    out.write(HEX[(c >> 12) & 0xF]);
    out.write(HEX[(c >> 8) & 0xF]);
    out.write(HEX[(c >> 4) & 0xF]);
    out.write(HEX[c & 0xF]);
  }

  @Override
  public void flush() {
    // a pending high surrogate waits for the next character: a string always ends with a quote
  }

  @Override
  public void close() {
    if (pending != 0) {
      escape(pending);
      pending = 0;
    }
  }
}
