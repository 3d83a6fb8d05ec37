package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates security groups: does the union of a set of groups (an ENI's groups) allow traffic of
 * a protocol and port range from (ingress) or to (egress) a {@link Peer}? Rules are allowances
 * only, so the groups allow the traffic when, for every port, the rules covering that port
 * together admit the peer: by a reference to a group the peer carries, by a reference to the
 * prefix list the peer is, or by CIDRs (literal, or a referenced prefix list's) covering its
 * addresses. Only IPv4 is modelled. The answer is UNKNOWN rather than NO when a missing piece —
 * a group or a referenced prefix list not in the snapshot — could have allowed it.
 *
 * <p>Thread-safe; answers are memoized. Share one per preflight with one instance (the rules share one through {@code ReachContext}).
 */
public final class SecurityGroupEvaluator {
  private enum Direction {
    INGRESS,
    EGRESS
  }

  private final NetworkSnapshot network;
  private final Map<Query, SgDecision> memo = new ConcurrentHashMap<>(512);

  private SecurityGroupEvaluator(NetworkSnapshot network) {
    this.network = Objects.requireNonNull(network, "network");
  }

  /** A fresh evaluator over {@code network}. */
  public static SecurityGroupEvaluator of(NetworkSnapshot network) {
    return new SecurityGroupEvaluator(network);
  }


  /** Whether {@code groupIds} together admit {@code traffic} arriving from {@code peer}. */
  public SgDecision ingress(Collection<String> groupIds, Traffic traffic, Peer peer) {
    return decide(Direction.INGRESS, groupIds, traffic, peer);
  }

  /** Whether {@code groupIds} together let {@code traffic} leave towards {@code peer}. */
  public SgDecision egress(Collection<String> groupIds, Traffic traffic, Peer peer) {
    return decide(Direction.EGRESS, groupIds, traffic, peer);
  }

  private SgDecision decide(Direction direction, Collection<String> groupIds, Traffic traffic, Peer peer) {
    Query q = new Query(direction, distinct(groupIds), traffic, peer);
    return memo.computeIfAbsent(q, this::evaluate);
  }

  /** {@code ids} without repeats, in first-occurrence order, copying only when there are repeats to drop. */
  private static List<String> distinct(Collection<String> ids) {
    if (ids instanceof Set) {
      return List.copyOf(ids);
    }
    if (ids instanceof List && ids.size() <= SMALL) {
      List<String> list = (List<String>) ids;
      boolean repeats = false;
      for (int i = 1; i < list.size() && !repeats; i++) {
        repeats = list.subList(0, i).contains(list.get(i));
      }
      if (!repeats) {
        return List.copyOf(list);
      }
    }
    return List.copyOf(new LinkedHashSet<>(ids));
  }

  /** Lists up to this size are checked for repeats pairwise. */
  private static final int SMALL = 16;

  private SgDecision evaluate(Query q) {
    if (!network.has(Section.SECURITY_GROUPS)) {
      return new SgDecision(Tri.UNKNOWN, q.groups(), List.of(), List.of(network.unknownReason(Section.SECURITY_GROUPS)));
    }
    if (q.groups().isEmpty()) {
      return new SgDecision(Tri.NO, q.groups(), List.of(), List.of());
    }
    Set<String> unknownAll = new LinkedHashSet<>();
    List<Grant> grants = new ArrayList<>();
    for (String id : q.groups()) {
      Optional<SecurityGroup> sg = network.securityGroup(id);
      if (sg.isEmpty()) {
        unknownAll.add("security group " + id + " is not in the snapshot");
        continue;
      }
      List<Permission> perms = q.direction() == Direction.INGRESS ? sg.get().ingress() : sg.get().egress();
      for (Permission p : perms) {
        Grant g = grant(id, p, q.traffic(), q.peer());
        if (g != null) {
          grants.add(g);
        }
      }
    }
    Tri result = Tri.YES;
    Set<String> allowedBy = new LinkedHashSet<>();
    Set<String> unknowns = new LinkedHashSet<>();
    for (int[] cell : cells(q.traffic(), grants)) {
      Tri cellResult = cell(cell, grants, q.peer(), allowedBy, unknowns);
      result = result.and(cellResult);
    }
    if (result != Tri.YES) {
      allowedBy.clear();
      if (!unknownAll.isEmpty()) {
        result = Tri.UNKNOWN;
        unknowns.addAll(unknownAll);
      }
    }
    if (result != Tri.UNKNOWN) {
      unknowns.clear();
    }
    return new SgDecision(result, q.groups(), new ArrayList<>(allowedBy), new ArrayList<>(unknowns));
  }

  /** What one rule grants towards the peer for the queried traffic, or null when it does not apply. */
  private Grant grant(String groupId, Permission p, Traffic t, Peer peer) {
    int[] window = window(p, t);
    if (window == null) {
      return null;
    }
    boolean full = false;
    if (peer.groupsKnown()) {
      for (String ref : p.groupIds()) {
        if (peer.groupIds().contains(ref)) {
          full = true;
          break;
        }
      }
    }
    if (peer.prefixListId().isPresent() && p.prefixListIds().contains(peer.prefixListId().get())) {
      full = true;
    }
    List<String> unknowns = new ArrayList<>();
    if (!peer.groupsKnown() && !p.groupIds().isEmpty()) {
      unknowns.add("whether " + peer.description() + " carries group " + String.join(" or ", p.groupIds())
          + " (referenced by " + groupId + ") is unknown");
    }
    List<Cidr> blocks = new ArrayList<>();
    if (peer.mode() != Peer.AddressMode.NONE) {
      for (String cidr : p.ipRanges()) {
        Optional<Cidr> c = Cidr.tryParseIpv4(cidr);
        if (c.isPresent()) {
          blocks.add(c.get());
        } else {
          unknowns.add(groupId + " has a rule with the malformed CIDR '" + cidr + "'");
        }
      }
      for (String pl : p.prefixListIds()) {
        if (peer.prefixListId().map(pl::equals).orElse(false)) {
          continue;
        }
        Optional<PrefixList> list = network.prefixList(pl);
        if (list.isEmpty()) {
          unknowns.add("prefix list " + pl + " (referenced by " + groupId + ") is not in the snapshot"
              + (network.has(Section.PREFIX_LISTS) ? "" : ": " + network.unknownReason(Section.PREFIX_LISTS)));
          continue;
        }
        if (peer.outsideAwsServiceLists() && list.get().prefixListName().startsWith("com.amazonaws.")) {
          continue;
        }
        for (String cidr : list.get().cidrs()) {
          Optional<Cidr> c = Cidr.tryParseIpv4(cidr);
          if (c.isPresent()) {
            blocks.add(c.get());
          } else if (!cidr.contains(":")) {
            unknowns.add("prefix list " + pl + " has the malformed CIDR '" + cidr + "'");
          }
        }
      }
    }
    return new Grant(groupId, window[0], window[1], full, Ipv4RangeSet.of(blocks), unknowns);
  }

  /** The part of {@code t}'s port range that {@code p} covers, or null when it covers none. */
  private static int[] window(Permission p, Traffic t) {
    int protocol = Traffic.protocolNumber(p.ipProtocol());
    if (protocol == Traffic.ALL) {
      return new int[] {t.fromPort(), t.toPort()};
    }
    if (t.isAllProtocols() || protocol != t.protocol()) {
      return null;
    }
    int from = p.fromPort().orElse(-1);
    int to = p.toPort().orElse(-1);
    if (!t.hasPorts()) {
      // ICMP and others: only a rule for every type/code covers the whole protocol.
      return from == -1 ? new int[] {t.fromPort(), t.toPort()} : null;
    }
    if (from == -1 && to == -1) {
      from = 0;
      to = 65535;
    }
    int lo = Math.max(from, t.fromPort());
    int hi = Math.min(to, t.toPort());
    return lo <= hi ? new int[] {lo, hi} : null;
  }

  /** The queried port range cut at every rule's window bounds. */
  private static List<int[]> cells(Traffic t, List<Grant> grants) {
    int[] cuts = new int[2 + 2 * grants.size()];
    int n = 0;
    cuts[n++] = t.fromPort();
    cuts[n++] = t.toPort() + 1;
    for (Grant g : grants) {
      cuts[n++] = g.from;
      cuts[n++] = g.to + 1;
    }
    Arrays.sort(cuts);
    List<int[]> cells = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      if (cuts[i] != cuts[i - 1]) {
        cells.add(new int[] {cuts[i - 1], cuts[i] - 1});
      }
    }
    return cells;
  }

  private static Tri cell(int[] cell, List<Grant> grants, Peer peer, Set<String> allowedBy, Set<String> unknowns) {
    List<Ipv4RangeSet> parts = new ArrayList<>();
    List<String> cellUnknowns = new ArrayList<>();
    Set<String> contributors = new LinkedHashSet<>();
    for (Grant g : grants) {
      if (g.from > cell[0] || g.to < cell[1]) {
        continue;
      }
      if (g.full) {
        allowedBy.add(g.groupId);
        return Tri.YES;
      }
      if (g.ranges.intersects(peer.addresses())) {
        contributors.add(g.groupId);
      }
      parts.add(g.ranges);
      cellUnknowns.addAll(g.unknowns);
    }
    Tri t = peer.admittedBy(Ipv4RangeSet.unionAll(parts));
    if (t == Tri.YES) {
      allowedBy.addAll(contributors);
      return t;
    }
    if (t == Tri.UNKNOWN) {
      unknowns.add("the rules of " + String.join(", ", contributors) + " allow only part of the addresses "
          + peer.description() + " may have");
    }
    if (!cellUnknowns.isEmpty()) {
      unknowns.addAll(cellUnknowns);
      return Tri.UNKNOWN;
    }
    return t;
  }

  private static final class Grant {
    final String groupId;
    final int from;
    final int to;
    final boolean full;
    final Ipv4RangeSet ranges;
    final List<String> unknowns;

    Grant(String groupId, int from, int to, boolean full, Ipv4RangeSet ranges, List<String> unknowns) {
      this.groupId = groupId;
      this.from = from;
      this.to = to;
      this.full = full;
      this.ranges = ranges;
      this.unknowns = unknowns;
    }
  }

  /** A memoised question: its groups in first-given order, each once. */
  private record Query(Direction direction, List<String> groups, Traffic traffic, Peer peer) {}

}
