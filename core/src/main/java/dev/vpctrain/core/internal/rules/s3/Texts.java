package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.policy.Decision;
import dev.vpctrain.core.internal.policy.DecisionType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Small helpers for finding texts. */
final class Texts {
  private Texts() {}

  /** "a, b, c". */
  static String join(Collection<String> items) {
    return String.join(", ", items);
  }

  /** "is explicitly denied by statement "X" (Statement[1])", "is not allowed: no statement allows it". */
  static String denial(Decision d) {
    if (d.type() == DecisionType.EXPLICIT_DENY) {
      return "is explicitly denied by " + d.statement().get().label();
    }
    return "is not allowed: no statement allows it";
  }

  /** Resource ids for a finding: the first ones, then the rest, without duplicates. */
  static String[] resources(String first, Collection<String> more, Collection<String> rest) {
    Set<String> out = new LinkedHashSet<>();
    if (first != null) {
      out.add(first);
    }
    out.addAll(more);
    out.addAll(rest);
    return out.toArray(new String[0]);
  }

  static <T> List<T> list(Collection<T> items) {
    return new ArrayList<>(items);
  }
}
