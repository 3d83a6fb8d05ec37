package dev.vpctrain.cli;

import dev.vpctrain.core.rules.Rule;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Looks up a rule by the id a user typed, and suggests the ids closest to one that does not exist. */
final class RuleIds {
  /** How many suggestions at most. */
  static final int SUGGESTIONS = 3;

  private RuleIds() {}

  /** The rule of {@code id} among {@code rules}, or a usage error (exit 64) naming the closest ids. */
  static Rule find(List<Rule> rules, String id) {
    Optional<Rule> rule = rules.stream().filter(r -> r.id().equals(id)).findFirst();
    if (rule.isPresent()) {
      return rule.get();
    }
    List<String> close = suggest(id, rules.stream().map(Rule::id).collect(Collectors.toList()));
    throw new UsageException("unknown rule id '" + id + "'"
        + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
        + " 'vpctrain rules' lists them all.");
  }

  /**
   * Up to {@value #SUGGESTIONS} of {@code ids} closest to {@code typed}: those within a few edits of
   * it (a typo, a missing segment), else those containing it (a part of an id, such as
   * {@code route.missing}), closest first.
   */
  static List<String> suggest(String typed, List<String> ids) {
    String t = typed.strip().toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      return List.of();
    }
    int limit = Math.max(2, t.length() / 3);
    List<String> near = ids.stream()
        .filter(id -> distance(t, id) <= limit)
        .sorted(Comparator.comparingInt((String id) -> distance(t, id)).thenComparing(id -> id))
        .limit(SUGGESTIONS)
        .collect(Collectors.toList());
    if (!near.isEmpty()) {
      return near;
    }
    return ids.stream().filter(id -> id.contains(t)).sorted().limit(SUGGESTIONS).collect(Collectors.toList());
  }

  /** The Levenshtein distance of {@code a} and {@code b}. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
