package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.internal.reach.Traffic;
import java.util.ArrayList;
import java.util.List;

/**
 * The TCP ports of FSx for Lustre in three groups (rules.md {@code fs.fsx.security-group}): 988 and
 * 1021–1023 are required (the older FSx guide named only these), 1018–1020 were added later, so a
 * block of only those is a WARNING.
 */
enum LustrePorts {
  /** The Lustre service port. */
  SERVICE(988, 988, true),
  /** The ports the 2023 FSx guide names. */
  RESERVED_HIGH(1021, 1023, true),
  /** The ports the current FSx guide adds. */
  RESERVED_LOW(1018, 1020, false);

  final int from;
  final int to;
  /** True when a block of these ports fails the job (ERROR); false: WARNING. */
  final boolean required;

  LustrePorts(int from, int to, boolean required) {
    this.from = from;
    this.to = to;
    this.required = required;
  }

  Traffic traffic() {
    return Traffic.tcp(from, to);
  }

  /**
   * The port ranges of {@code groups} with adjacent ones joined, in port order: for example
   * {@code [988-988, 1018-1023]}.
   */
  static List<int[]> ranges(List<LustrePorts> groups) {
    List<int[]> out = new ArrayList<>();
    groups.stream().sorted((a, b) -> Integer.compare(a.from, b.from)).forEach(g -> {
      if (!out.isEmpty() && out.get(out.size() - 1)[1] + 1 == g.from) {
        out.get(out.size() - 1)[1] = g.to;
      } else {
        out.add(new int[] {g.from, g.to});
      }
    });
    return out;
  }

  /** {@code TCP 988, 1018-1023}, for messages. */
  static String describe(List<LustrePorts> groups) {
    List<String> parts = new ArrayList<>();
    for (int[] r : ranges(groups)) {
      parts.add(r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "-" + r[1]);
    }
    return "TCP " + String.join(", ", parts);
  }
}
