package dev.vpctrain.core.network;

import java.util.Locale;

/** Small shared helpers for the snapshot model. */
final class Ids {
  private Ids() {}

  static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(field + " must not be blank");
    }
  }

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
