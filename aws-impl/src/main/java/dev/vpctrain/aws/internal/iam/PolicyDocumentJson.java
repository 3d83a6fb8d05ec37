package dev.vpctrain.aws.internal.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.aws.internal.json.JsonInput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * IAM policy documents as the bundle holds them (formats.md §2a): a JSON object as the AWS CLI prints
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
      return n.toString();
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
    return parsed.get().toString();
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
      return Optional.of(JsonInput.mapper().readTree(t));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** {@code %XX} sequences decoded as UTF-8 bytes; nothing else changes. */
  static String percentDecode(JsonInput at, String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b == '%') {
        if (i + 2 >= in.length || Character.digit(in[i + 1], 16) < 0 || Character.digit(in[i + 2], 16) < 0) {
          throw at.error("expected a policy document, but the string is not JSON and has a malformed percent "
              + "escape at character " + (i + 1));
        }
        out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
