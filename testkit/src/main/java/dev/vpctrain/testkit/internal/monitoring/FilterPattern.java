package dev.vpctrain.testkit.internal.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch Logs' text filter patterns: terms and {@code "quoted phrases"} that must all appear
 * (case-sensitive), {@code ?term}s of which one must appear, {@code -term}s that must not. JSON
 * and space-delimited field patterns are not modeled.
 */
final class FilterPattern {
  private final List<String> all = new ArrayList<>();
  private final List<String> any = new ArrayList<>();
  private final List<String> none = new ArrayList<>();

  static FilterPattern parse(String pattern) {
    FilterPattern p = new FilterPattern();
    if (pattern == null || pattern.isBlank()) {
      return p;
    }
    String text = pattern.trim();
    if (text.startsWith("{") || text.startsWith("[")) {
      throw new UnsupportedOperationException("CloudWatchLogs.FilterLogEvents with a JSON or space-delimited filter pattern ("
          + pattern + ") is not modeled by the vpctrain testkit; use terms and \"quoted phrases\".");
    }
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      List<String> target = p.all;
      if (c == '?' || c == '-') {
        target = c == '?' ? p.any : p.none;
        i++;
      }
      String term;
      if (i < text.length() && text.charAt(i) == '"') {
        int end = text.indexOf('"', i + 1);
        end = end < 0 ? text.length() : end;
        term = text.substring(i + 1, end);
        i = end + 1;
      } else {
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        term = text.substring(i, end);
        i = end;
      }
      if (!term.isEmpty()) {
        target.add(term);
      }
    }
    return p;
  }

  boolean matches(String message) {
    for (String t : all) {
      if (!message.contains(t)) {
        return false;
      }
    }
    for (String t : none) {
      if (message.contains(t)) {
        return false;
      }
    }
    return any.isEmpty() || any.stream().anyMatch(message::contains);
  }
}
