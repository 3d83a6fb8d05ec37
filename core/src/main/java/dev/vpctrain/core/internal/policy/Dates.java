package dev.vpctrain.core.internal.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Date values of the {@code Date*} operators: ISO 8601 dates and times, or epoch seconds. */
final class Dates {
  private Dates() {}

  /** The instant, or null when {@code s} is not a date. */
  static Instant parse(String s) {
    String t = s.trim();
    if (t.isEmpty()) {
      return null;
    }
    boolean digits = true;
    for (int i = (t.charAt(0) == '-' ? 1 : 0); i < t.length(); i++) {
      digits &= Character.isDigit(t.charAt(i)) && t.charAt(i) <= '9';
    }
    if (digits && t.length() > (t.charAt(0) == '-' ? 1 : 0) && t.length() <= 19) {
      return Instant.ofEpochSecond(Long.parseLong(t));
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
