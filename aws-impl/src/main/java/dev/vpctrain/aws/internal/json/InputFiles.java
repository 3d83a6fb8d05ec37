package dev.vpctrain.aws.internal.json;

import dev.vpctrain.core.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an input file (a job file, a snapshot bundle) as UTF-8 text, the way the AWS CLI reads
 * {@code file://} arguments. A UTF-8 byte-order mark is skipped. A file that is not UTF-8 (invalid
 * bytes, or UTF-16/UTF-32) is an {@link InvalidInputException} naming the file and where the first
 * bad byte is; a directory, a missing or an unreadable file is a {@link FileSystemException} naming
 * the file.
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * The text of {@code file}.
   *
   * @throws java.nio.file.NoSuchFileException when it does not exist
   * @throws java.nio.file.AccessDeniedException when it cannot be read
   * @throws FileSystemException when it is a directory or cannot be read otherwise
   * @throws InvalidInputException when its content is not UTF-8 text
   */
  public static String read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "is a directory, not a file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (FileSystemException e) {
      throw e;
    } catch (IOException e) {
      throw new FileSystemException(file.toString(), null, "cannot be read: " + e.getMessage());
    }
    return decode(bytes, file.toString());
  }

  /** {@code bytes} as UTF-8 text without a leading byte-order mark; {@code source} names them in errors. */
  public static String decode(byte[] bytes, String source) {
    String utf16 = wideEncoding(bytes);
    if (utf16 != null) {
      throw new InvalidInputException(source, "", "expected UTF-8 text but the file is " + utf16
          + "; save it as UTF-8 (for example: iconv -f " + utf16 + " -t UTF-8)");
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw notUtf8(bytes, in.position(), source);
    }
    out.flip();
    return out.toString();
  }

  private static InvalidInputException notUtf8(byte[] bytes, int offset, String source) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = 1;
    for (int i = lineStart; i < offset; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new InvalidInputException(source, "", String.format(
        "expected UTF-8 text but the file is not valid UTF-8: byte 0x%02X at line %d, column %d (byte offset %d)",
        bytes[offset] & 0xFF, line, column, offset));
  }

  /** "UTF-16" / "UTF-32" when the bytes are evidently in a wide encoding, else null. */
  private static String wideEncoding(byte[] b) {
    if (b.length >= 4 && ((b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF)
        || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0))) {
      return "UTF-32";
    }
    if (b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
        || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
      return "UTF-16";
    }
    // JSON text starts with an ASCII character: a NUL beside it means UTF-16 without a byte-order mark
    if (b.length >= 2 && ((b[0] == 0 && b[1] != 0) || (b[0] != 0 && b[1] == 0))) {
      return "UTF-16";
    }
    return null;
  }
}
