package dev.vpctrain.core.remediation;

import dev.vpctrain.core.internal.reach.AclDecision;
import dev.vpctrain.core.internal.reach.FlowAcls;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Network-ACL entries for flows the {@link dev.vpctrain.core.internal.reach.NetworkAclEvaluator}
 * found denied. Entries are evaluated in rule-number order and the first match wins, so an entry
 * is safe only below the first entry that denies the traffic: each planned entry takes the highest
 * rule number that is free in that direction of the ACL (and not taken by another planned entry)
 * and lower than that deny. Needs of one ACL, direction, protocol and peer CIDR whose port ranges
 * overlap or touch become one entry. Without a free number below the deny the plan gives advice.
 */
final class AclFixes {
  /** Lustre replies go to the reserved ports its ends connect from (FSx names 1018-1023; Lustre 512-1023). */
  static final Traffic LUSTRE_REPLIES = Traffic.tcp(512, 1023);
  /** The number of the final implicit deny ({@code *}). */
  static final int IMPLICIT_DENY = 32767;

  private final PlanContext p;
  private final Map<Key, List<Need>> needs = new LinkedHashMap<>();
  private final Map<String, NetworkAcl> acls = new HashMap<>();

  AclFixes(PlanContext p) {
    this.p = p;
  }

  /** Records every denied direction of {@code flow} for {@code f}; nothing for one subnet or an unknown ACL. */
  void need(Finding f, FlowAcls flow) {
    if (flow.sameSubnet()) {
      return;
    }
    Optional<String> sourceCidr = cidr(flow.sourceSubnet());
    Optional<String> destinationCidr = flow.destinationSubnet().flatMap(this::cidr);
    flow.source().ifPresent(s -> side(f, s, destinationCidr));
    flow.destination().ifPresent(s -> side(f, s, sourceCidr));
  }

  private void side(Finding f, FlowAcls.Side side, Optional<String> otherCidr) {
    if (side.acl().isEmpty() || otherCidr.isEmpty()) {
      return; // unknown ACL or peer subnet: nothing exact to add
    }
    NetworkAcl acl = side.acl().get();
    for (Optional<AclDecision> od : List.of(side.request(), side.replies())) {
      if (od.isEmpty() || !od.get().denied()) {
        continue;
      }
      AclDecision d = od.get();
      Traffic t = d.traffic();
      if (!t.hasPorts()) {
        continue; // file-system traffic is TCP
      }
      acls.putIfAbsent(acl.networkAclId(), acl);
      int limit = d.denyingEntry().map(AclEntry::ruleNumber).orElse(IMPLICIT_DENY);
      needs.computeIfAbsent(new Key(acl.networkAclId(), d.egress(), t.protocol() == Traffic.TCP ? "tcp" : "udp",
          otherCidr.get()), k -> new ArrayList<>()).add(new Need(t.fromPort(), t.toPort(), Math.min(limit, IMPLICIT_DENY), f));
    }
  }

  private Optional<String> cidr(String subnetId) {
    return p.net.subnet(subnetId).flatMap(Subnet::cidrBlock);
  }

  /** Plans one entry (or advice) per merged need; returns the findings they fix. */
  Set<Finding> plan() {
    Set<Finding> acted = new LinkedHashSet<>();
    Map<String, Set<Integer>> reserved = new HashMap<>();
    for (Map.Entry<Key, List<Need>> e : needs.entrySet()) {
      Key k = e.getKey();
      NetworkAcl acl = acls.get(k.aclId());
      for (List<Need> run : merge(e.getValue())) {
        int from = run.stream().mapToInt(Need::from).min().orElseThrow();
        int to = run.stream().mapToInt(Need::to).max().orElseThrow();
        int limit = run.stream().mapToInt(Need::limit).min().orElseThrow();
        Set<Finding> findings = new LinkedHashSet<>();
        run.forEach(n -> findings.add(n.finding()));
        Severity severity = findings.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElseThrow();
        List<String> fixes = findings.stream().map(Finding::ruleId).distinct().toList();
        Set<Integer> taken = reserved.computeIfAbsent(k.aclId() + (k.egress() ? "/egress" : "/ingress"), x -> new HashSet<>());
        OptionalInt number = freeNumberBelow(acl, k.egress(), limit, taken);
        String ports = k.protocol().toUpperCase(java.util.Locale.ROOT) + " " + (from == to ? Integer.toString(from) : from + "-" + to);
        String what = (k.egress() ? "outbound " + ports + " to " : "inbound " + ports + " from ") + k.cidr();
        String deny = limit >= IMPLICIT_DENY ? "its final deny (*)" : "rule " + limit + ", the first entry that denies it";
        acted.addAll(findings);
        if (number.isEmpty()) {
          p.handled.addAll(fixes); // specific advice: the general advice would repeat it
          p.add(severity, fixes, "Let network ACL " + k.aclId() + " pass " + what + " (no free rule number)",
              "Network ACLs are evaluated in rule-number order and the first match wins, so an allow entry works only "
                  + "below " + deny + "; every number below it is taken.",
              new Change.Advice("Renumber the entries of " + k.aclId() + " so that a number below " + limit
                  + " is free, then add an entry allowing " + what + " there (aws ec2 create-network-acl-entry "
                  + "--network-acl-id " + k.aclId() + (k.egress() ? " --egress" : " --ingress") + " --rule-number <N> "
                  + "--protocol " + k.protocol() + " --port-range From=" + from + ",To=" + to + " --cidr-block " + k.cidr()
                  + " --rule-action allow)."));
          continue;
        }
        taken.add(number.getAsInt());
        p.add(severity, fixes, "Let network ACL " + k.aclId() + " pass " + what + " (rule " + number.getAsInt() + ")",
            "Network ACLs are stateless and evaluated in rule-number order, first match wins: " + k.aclId() + " denies "
                + what + " by " + deny + ". Rule " + number.getAsInt() + " is free and lower, so the new entry decides "
                + "this traffic; no existing entry changes.",
            new Change.CreateNetworkAclEntry(k.aclId(), number.getAsInt(), k.egress(), k.protocol(), from, to, k.cidr(), true));
      }
    }
    return acted;
  }

  /** Needs sorted by port, runs of overlapping or adjacent ranges together. */
  static List<List<Need>> merge(List<Need> needs) {
    List<Need> sorted = new ArrayList<>(needs);
    sorted.sort(Comparator.comparingInt(Need::from).thenComparingInt(Need::to));
    List<List<Need>> runs = new ArrayList<>();
    int end = -2;
    for (Need n : sorted) {
      if (runs.isEmpty() || n.from() > end + 1) {
        runs.add(new ArrayList<>());
        end = n.to();
      } else {
        end = Math.max(end, n.to());
      }
      runs.get(runs.size() - 1).add(n);
    }
    return runs;
  }

  /** The highest rule number below {@code limit} that no entry of that direction uses and no planned entry took. */
  static OptionalInt freeNumberBelow(NetworkAcl acl, boolean egress, int limit, Set<Integer> taken) {
    Set<Integer> used = new HashSet<>(taken);
    for (AclEntry e : acl.entries()) {
      if (e.egress() == egress) {
        used.add(e.ruleNumber());
      }
    }
    for (int n = Math.min(limit, IMPLICIT_DENY) - 1; n >= 1; n--) {
      if (!used.contains(n)) {
        return OptionalInt.of(n);
      }
    }
    return OptionalInt.empty();
  }

  /** One direction of one ACL towards one peer CIDR. */
  private record Key(String aclId, boolean egress, String protocol, String cidr) {}

  /** A denied port range, the number of the first entry that denies it, and the finding it fixes. */
  record Need(int from, int to, int limit, Finding finding) {}
}
