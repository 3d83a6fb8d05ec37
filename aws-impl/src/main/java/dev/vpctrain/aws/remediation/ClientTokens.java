package dev.vpctrain.aws.remediation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic EC2 client tokens: the same change always sends the same token, so a call retried
 * after a lost response (or a second run) does not create a second resource.
 */
final class ClientTokens {
  private ClientTokens() {}

  /** {@code vpctrain-} and 40 hex digits of the SHA-256 of the parts (at most 64 characters, as EC2 allows). */
  static String of(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        sha.update(p.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return "vpctrain-" + HexFormat.of().formatHex(sha.digest()).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
