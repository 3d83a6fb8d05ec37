package dev.vpctrain.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges the findings of one cause ({@link Grouping}): one rule, severity, outcome, acceptance,
 * remediation and group message. The merged finding comes where the first of its group was; its
 * resources are the subjects' own resources (those not every finding of the group names) first, in
 * order, then the shared ones.
 */
final class FindingGroups {
  private FindingGroups() {}

  static List<Finding> merge(List<Finding> findings) {
    Map<Object, List<Finding>> groups = new LinkedHashMap<>();
    int loose = 0;
    for (Finding f : findings) {
      Object key = f.grouping().isPresent() ? key(f) : Integer.valueOf(loose++);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
    }
    List<Finding> out = new ArrayList<>(groups.size());
    for (List<Finding> group : groups.values()) {
      out.add(group.size() == 1 ? group.get(0) : merged(group));
    }
    return out;
  }

  private static List<Object> key(Finding f) {
    return List.of(f.ruleId(), f.severity(), f.outcome(), f.accepted(), f.remediation().orElse(""),
        f.remediation().isPresent(), f.grouping().orElseThrow().message(), f.definition().orElse(""));
  }

  private static Finding merged(List<Finding> group) {
    Set<String> subjects = new LinkedHashSet<>();
    Set<String> own = new LinkedHashSet<>();
    Set<String> shared = new LinkedHashSet<>(group.get(0).resources());
    for (Finding f : group) {
      subjects.addAll(f.grouping().orElseThrow().subjects());
      shared.retainAll(f.resources());
    }
    for (Finding f : group) {
      f.resources().stream().filter(r -> !shared.contains(r)).forEach(own::add);
    }
    List<String> resources = new ArrayList<>(own);
    resources.addAll(shared);
    Grouping grouping = Grouping.builder().from(group.get(0).grouping().orElseThrow())
        .subjects(List.copyOf(subjects)).build();
    Finding first = group.get(0);
    return first.withResources(resources).withMessage(grouping.render()).withGrouping(Optional.of(grouping));
  }
}
