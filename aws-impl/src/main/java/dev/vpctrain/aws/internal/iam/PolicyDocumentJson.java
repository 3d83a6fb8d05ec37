package dev.vpctrain.aws.internal.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.json.JsonTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * IAM policy documents as the bundle holds them (docs/formats.md, section 2a): a JSON object as the AWS CLI prints
 * it, or a string as the IAM API and the SDK for Java return it (RFC 3986 URL-encoded JSON), or plain
 * JSON text. Read into compact JSON text; written back as objects.
 */
public final class PolicyDocumentJson {
  private PolicyDocumentJson() {}

  /**
   * The document at {@code at} as JSON text: an object as is; a string parsed as JSON when it is JSON,
   * else percent-decoded ({@code %XX} only; {@code +} stays, as botocore's {@code unquote}) and parsed.
   *
   * @throws dev.vpctrain.core.InvalidInputException naming the path when it is neither
   */
  public static String read(JsonInput at) {
    JsonNode n = at.node();
    if (n.isObject()) {
      return JsonTrees.compact(n);
    }
    if (!n.isTextual()) {
      throw at.error("expected a policy document (a JSON object, or a string of URL-encoded JSON) but was "
          + JsonInput.describe(n));
    }
    String text = n.asText();
    Optional<JsonNode> parsed = parse(text);
    if (parsed.isEmpty()) {
      String decoded = percentDecode(at, text);
      parsed = parse(decoded);
      if (parsed.isEmpty()) {
        throw at.error("expected a policy document: a JSON object, or a string of JSON or URL-encoded JSON "
            + "(as the IAM API returns it), but the string is neither");
      }
    }
    if (!parsed.get().isObject()) {
      throw at.error("expected a policy document (a JSON object) but the string holds " + JsonInput.describe(parsed.get()));
    }
    return JsonTrees.compact(parsed.get());
  }

  /**
   * A document as an API returns it (the IAM API's URL-encoded JSON, KMS's plain JSON text) as the
   * compact JSON text {@link #read(JsonInput)} makes of the same string in a bundle, so that a live
   * capture and its written snapshot hold the same text.
   *
   * @throws IllegalArgumentException when the text is neither JSON nor URL-encoded JSON of an object
   */
  public static String fromApi(String text) {
    Optional<JsonNode> parsed = parse(text);
    if (parsed.isEmpty()) {
      parsed = parse(percentDecode(text).orElseThrow(() ->
          new IllegalArgumentException("a policy document is neither JSON nor URL-encoded JSON")));
    }
    if (parsed.isEmpty() || !parsed.get().isObject()) {
      throw new IllegalArgumentException("a policy document is not a JSON object, nor URL-encoded JSON of one");
    }
    return JsonTrees.compact(parsed.get());
  }

  /** The document as a JSON object, as the AWS CLI prints it. */
  public static JsonNode write(String document) {
    try {
      return JsonInput.mapper().readTree(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a policy document of the model is not JSON", e);
    }
  }

  private static Optional<JsonNode> parse(String text) {
    String t = text.strip();
    if (!t.startsWith("{") && !t.startsWith("[")) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JsonTrees.read(t));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code %XX} sequences decoded as UTF-8 bytes; nothing else changes. */
  static String percentDecode(JsonInput at, String s) {
    return percentDecode(s).orElseThrow(() -> at.error("expected a policy document, but the string is not JSON "
        + "and has a malformed percent escape at character " + (malformedEscape(s) + 1)));
  }

  /** {@code s} percent-decoded; empty when an escape is malformed. */
  private static Optional<String> percentDecode(String s) {
    return malformedEscape(s) >= 0 ? Optional.empty() : Optional.of(decode(s));
  }

  /** The byte index of the first malformed {@code %} escape, or -1. */
  private static int malformedEscape(String s) {
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '%') {
        if (i + 2 >= in.length || Character.digit(in[i + 1], 16) < 0 || Character.digit(in[i + 2], 16) < 0) {
          return i;
        }
        i += 2;
      }
    }
    return -1;
  }

  private static String decode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b == '%') {
        out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
