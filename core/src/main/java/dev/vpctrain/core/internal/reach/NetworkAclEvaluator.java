package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Subnet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates network ACLs: stateless, per direction, entries in rule-number order, first match
 * wins, anything unmatched denied. A query asks whether every packet of a {@link Traffic} to or
 * from a {@link Peer}'s addresses is allowed; for a peer whose exact address is unknown (an
 * internet host, S3 when its prefix list's CIDRs are unknown: "any public address") the answer is
 * UNKNOWN when the entries treat parts of the possible addresses differently. IPv6 entries never
 * match (only IPv4 is modelled).
 *
 * <p>A subnet's ACL is the one associated with it, else its VPC's default ACL. Thread-safe; share
 * one per preflight with one instance (the rules share one through {@code ReachContext}).
 */
public final class NetworkAclEvaluator {
  private final NetworkSnapshot network;
  /** Memos per ACL object, by identity (the snapshot's own objects; no deep ACL comparison per lookup). */
  private final Map<NetworkAcl, PerAcl> perAcl = Collections.synchronizedMap(new IdentityHashMap<>());

  private NetworkAclEvaluator(NetworkSnapshot network) {
    this.network = Objects.requireNonNull(network, "network");
  }

  public static NetworkAclEvaluator of(NetworkSnapshot network) {
    return new NetworkAclEvaluator(network);
  }


  /** The ACL of {@code subnetId}: its associated ACL, else its VPC's default ACL; empty when unknown. */
  public Optional<NetworkAcl> aclOf(String subnetId) {
    Optional<NetworkAcl> acl = network.associatedNetworkAcl(subnetId);
    if (acl.isPresent()) {
      return acl;
    }
    return network.subnet(subnetId).map(Subnet::vpcId).flatMap(network::defaultNetworkAcl);
  }

  /** Why {@link #aclOf} is empty for {@code subnetId}. */
  public String whyNoAcl(String subnetId) {
    if (!network.has(Section.NETWORK_ACLS)) {
      return network.unknownReason(Section.NETWORK_ACLS);
    }
    if (network.subnet(subnetId).isEmpty()) {
      return "subnet " + subnetId + " is not in the snapshot, so its VPC's default network ACL is not known"
          + (network.has(Section.SUBNETS) ? "" : " (" + network.unknownReason(Section.SUBNETS) + ")");
    }
    return "no network ACL of the snapshot is associated with subnet " + subnetId
        + " and its VPC's default network ACL is not in the snapshot";
  }

  /** Whether {@code acl} lets {@code traffic} out towards {@code destination}. */
  public AclDecision outbound(NetworkAcl acl, Traffic traffic, Peer destination) {
    return memo(new Query(acl, true, traffic, destination));
  }

  /** Whether {@code acl} lets {@code traffic} in from {@code source}. */
  public AclDecision inbound(NetworkAcl acl, Traffic traffic, Peer source) {
    return memo(new Query(acl, false, traffic, source));
  }

  /**
   * A connection opened from inside the subnet: the request out to {@code remote} and its return
   * traffic in on the ephemeral ports 1024–65535. The first direction that denies (else is
   * unknown) is returned; both allowed gives the outbound decision.
   */
  public AclDecision request(NetworkAcl acl, Traffic traffic, Peer remote) {
    return both(outbound(acl, traffic, remote), inbound(acl, traffic.returnTraffic(), remote));
  }

  /** A connection opened towards the subnet: the request in from {@code remote}, the reply out on 1024–65535. */
  public AclDecision serve(NetworkAcl acl, Traffic traffic, Peer remote) {
    return both(inbound(acl, traffic, remote), outbound(acl, traffic.returnTraffic(), remote));
  }

  /**
   * One connection from {@code source} in {@code sourceSubnet} to {@code destination} in
   * {@code destinationSubnet} (empty when unknown): the source ACL's outbound {@code traffic} and
   * inbound {@code replies}, the destination ACL's inbound {@code traffic} and outbound
   * {@code replies} (for example TCP 1024-65535, or the reserved ports Lustre replies to). No ACL
   * applies when both subnets are one.
   */
  public FlowAcls flow(String sourceSubnet, Peer source, Optional<String> destinationSubnet, Peer destination,
      Traffic traffic, Traffic replies) {
    return FlowAclCheck.evaluate(this, sourceSubnet, source, destinationSubnet, destination, traffic, replies);
  }

  /** The weaker of two decisions: the first NO, else the first UNKNOWN, else {@code a}. */
  public static AclDecision both(AclDecision a, AclDecision b) {
    if (a.denied()) {
      return a;
    }
    if (b.denied()) {
      return b;
    }
    if (a.result() == Tri.UNKNOWN) {
      return a;
    }
    return b.result() == Tri.UNKNOWN ? b : a;
  }

  private AclDecision evaluate(PerAcl per, Query q) {
    if (q.traffic().isAllProtocols()) {
      AclDecision d = decide(per, q, Traffic.allTcp());
      d = both(d, decide(per, q, Traffic.udp(0, 65535)));
      return both(d, decide(per, q, Traffic.protocol(Traffic.ICMP)));
    }
    return decide(per, q, q.traffic());
  }

  private AclDecision decide(PerAcl per, Query q, Traffic t) {
    String acl = q.acl().networkAclId();
    if (q.peer().mode() == Peer.AddressMode.NONE) {
      return new AclDecision(Tri.UNKNOWN, acl, q.egress(), q.traffic(), q.peer().description(), Optional.empty(),
          Optional.of("no IPv4 address of " + q.peer().description() + " is known"));
    }
    Compiled compiled = per.compiled(network, q.acl(), q.egress());
    if (compiled.malformed != null) {
      return new AclDecision(Tri.UNKNOWN, acl, q.egress(), q.traffic(), q.peer().description(), Optional.empty(),
          Optional.of("rule " + compiled.malformed.ruleNumber() + " has the malformed CIDR '"
              + compiled.malformed.cidrBlock().orElse("") + "'"));
    }
    // The entries that apply to part of t, each with the ports of t it applies to (in rule order).
    Entry[] all = compiled.entries;
    Entry[] entries = new Entry[all.length];
    int[] from = new int[all.length];
    int[] to = new int[all.length];
    int count = 0;
    for (Entry e : all) {
      long window = window(e, t);
      if (window != NO_WINDOW) {
        entries[count] = e;
        from[count] = (int) (window >> 32);
        to[count] = (int) window;
        count++;
      }
    }
    long[] addressCells = addressCells(q.peer().addresses(), entries, count);
    int[] portCuts = portCuts(t, from, to, count);
    boolean anyAllow = false;
    Entry firstDeny = null;
    boolean implicitDeny = false;
    Entry[] applicable = new Entry[count];
    for (int p = 1; p < portCuts.length; p++) {
      int lowPort = portCuts[p - 1];
      int highPort = portCuts[p] - 1;
      int applicableCount = 0;
      for (int i = 0; i < count; i++) {
        if (from[i] <= lowPort && highPort <= to[i]) {
          applicable[applicableCount++] = entries[i];
        }
      }
      for (int c = 0; c < addressCells.length; c += 2) {
        long cellFirst = addressCells[c];
        long cellLast = addressCells[c + 1];
        Entry match = null;
        for (int i = 0; i < applicableCount; i++) {
          Entry e = applicable[i];
          if (e.first <= cellFirst && cellLast <= e.last) {
            match = e;
            break;
          }
        }
        if (match != null && match.entry.allow()) {
          anyAllow = true;
        } else if (match == null) {
          implicitDeny = true;
        } else if (firstDeny == null || match.entry.ruleNumber() < firstDeny.entry.ruleNumber()) {
          firstDeny = match;
        }
      }
    }
    boolean anyDeny = firstDeny != null || implicitDeny;
    Optional<AclEntry> denying = Optional.ofNullable(firstDeny).map(e -> e.entry);
    if (!anyDeny) {
      return new AclDecision(Tri.YES, acl, q.egress(), q.traffic(), q.peer().description(), Optional.empty(), Optional.empty());
    }
    if (q.peer().mode() == Peer.AddressMode.SOME && anyAllow) {
      return new AclDecision(Tri.UNKNOWN, acl, q.egress(), q.traffic(), q.peer().description(), Optional.empty(),
          Optional.of("its rules allow some of the addresses " + q.peer().description() + " may have and deny others"
              + denying.map(e -> " (rule " + e.ruleNumber() + " denies part)").orElse("")));
    }
    return new AclDecision(Tri.NO, acl, q.egress(), q.traffic(), q.peer().description(), denying, Optional.empty());
  }

  /** One direction of an ACL: its IPv4 entries parsed and in rule-number order. */
  private static Compiled compile(NetworkAcl acl, boolean egress) {
    List<Entry> entries = new ArrayList<>();
    AclEntry malformed = null;
    for (AclEntry e : acl.entries()) {
      if (e.egress() != egress || e.cidrBlock().isEmpty()) {
        continue;
      }
      Optional<Cidr> cidr = Cidr.tryParseIpv4(e.cidrBlock().get());
      if (cidr.isEmpty()) {
        malformed = malformed == null ? e : malformed;
        continue;
      }
      entries.add(new Entry(e, Ipv4RangeSet.first(cidr.get()), Ipv4RangeSet.last(cidr.get())));
    }
    entries.sort(Comparator.comparingInt(x -> x.entry.ruleNumber()));
    return new Compiled(entries.toArray(new Entry[0]), malformed);
  }

  private AclDecision memo(Query q) {
    PerAcl per = perAcl(q.acl());
    return per.memo.computeIfAbsent(new Flow(q.egress(), q.traffic(), q.peer()), f -> evaluate(per, q));
  }

  @SuppressWarnings("ReferenceEquality") // ACLs are kept by identity (see perAcl)
  private PerAcl perAcl(NetworkAcl acl) {
    // consecutive questions are mostly about one ACL: remember the last one outside the lock
    LastAcl last = lastAcl;
    if (last != null && last.acl == acl) {
      return last.per;
    }
    PerAcl per = perAcl.computeIfAbsent(acl, a -> new PerAcl());
    lastAcl = new LastAcl(acl, per);
    return per;
  }

  /** The ACL last asked about and its state, published together. */
  private record LastAcl(NetworkAcl acl, PerAcl per) {}

  private volatile LastAcl lastAcl;

  /** The decisions and compiled entries of one ACL. */
  private static final class PerAcl {
    final Map<Flow, AclDecision> memo = new ConcurrentHashMap<>(256);
    private volatile Compiled egress;
    private volatile Compiled ingress;

    Compiled compiled(NetworkSnapshot network, NetworkAcl acl, boolean outbound) {
      Compiled c = outbound ? egress : ingress;
      if (c == null) {
        // Compiling is a pure function of the ACL, kept with the snapshot: racing threads build equal results.
        c = network.compiled(new CompiledKey(acl, outbound), n -> compile(acl, outbound));
        if (outbound) {
          egress = c;
        } else {
          ingress = c;
        }
      }
      return c;
    }
  }

  /** One direction of one ACL of the snapshot, by identity. */
  private record CompiledKey(NetworkAcl acl, boolean egress) {
    @Override
    @SuppressWarnings("ReferenceEquality") // the snapshot's own object: identity is the point
    public boolean equals(Object o) {
      return o instanceof CompiledKey k && k.acl == acl && k.egress == egress;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(acl) * 31 + (egress ? 1 : 0);
    }
  }

  /** A memoised question about one ACL. */
  private record Flow(boolean egress, Traffic traffic, Peer peer) {}

  private static final class Compiled {
    final Entry[] entries;
    final AclEntry malformed;

    Compiled(Entry[] entries, AclEntry malformed) {
      this.entries = entries;
      this.malformed = malformed;
    }
  }

  /** {@link #window}'s answer when the entry applies to no part of the traffic. */
  private static final long NO_WINDOW = Long.MIN_VALUE;

  /**
   * The part of {@code t}'s port range that entry {@code e} applies to, packed as
   * {@code from << 32 | to}, or {@link #NO_WINDOW}.
   */
  private static long window(Entry e, Traffic t) {
    if (e.protocol == Traffic.ALL) {
      return pack(t.fromPort(), t.toPort());
    }
    if (e.protocol != t.protocol()) {
      return NO_WINDOW;
    }
    int from;
    int to;
    if (t.hasPorts()) {
      from = e.portFrom;
      to = e.portTo;
    } else {
      // ICMP types play the part of ports: -1 (or absent) is every type.
      from = e.icmpFrom;
      to = e.icmpTo;
    }
    int lo = Math.max(from, t.fromPort());
    int hi = Math.min(to, t.toPort());
    return lo <= hi ? pack(lo, hi) : NO_WINDOW;
  }

  private static long pack(int from, int to) {
    return ((long) from << 32) | (to & 0xFFFFFFFFL);
  }

  /**
   * The distinct bounds cutting {@code t}'s ports into cells, ascending: cell {@code i} is
   * {@code cuts[i - 1]} to {@code cuts[i] - 1}, and each entry applies to all or none of a cell.
   */
  private static int[] portCuts(Traffic t, int[] from, int[] to, int count) {
    int[] cuts = new int[2 + 2 * count];
    int n = 0;
    cuts[n++] = t.fromPort();
    cuts[n++] = t.toPort() + 1;
    for (int i = 0; i < count; i++) {
      cuts[n++] = from[i];
      cuts[n++] = to[i] + 1;
    }
    Arrays.sort(cuts, 0, n);
    int distinct = 1;
    for (int i = 1; i < n; i++) {
      if (cuts[i] != cuts[distinct - 1]) {
        cuts[distinct++] = cuts[i];
      }
    }
    return Arrays.copyOf(cuts, distinct);
  }

  /**
   * The peer's addresses cut at every entry's CIDR bounds: each cell is inside or outside each
   * CIDR. Cell {@code i} is {@code cells[2i]} to {@code cells[2i + 1]}.
   */
  private static long[] addressCells(Ipv4RangeSet addresses, Entry[] entries, int count) {
    long[] cuts = new long[2 * count];
    int n = 0;
    for (int i = 0; i < count; i++) {
      cuts[n++] = entries[i].first;
      cuts[n++] = entries[i].last + 1;
    }
    Arrays.sort(cuts, 0, n);
    long[] cells = new long[2 * (addresses.intervalCount() + n)];
    int c = 0;
    int k = 0;
    for (int i = 0; i < addresses.intervalCount(); i++) {
      long s = addresses.start(i);
      long end = addresses.end(i);
      while (k < n && cuts[k] <= s) {
        k++;
      }
      int j = k;
      while (j < n && cuts[j] <= end) {
        if (cuts[j] > s) {
          if (c + 2 > cells.length) {
            cells = Arrays.copyOf(cells, cells.length * 2);
          }
          cells[c++] = s;
          cells[c++] = cuts[j] - 1;
          s = cuts[j];
        }
        j++;
      }
      if (c + 2 > cells.length) {
        cells = Arrays.copyOf(cells, cells.length * 2);
      }
      cells[c++] = s;
      cells[c++] = end;
    }
    return c == cells.length ? cells : Arrays.copyOf(cells, c);
  }

  /** An IPv4 entry of one direction with its CIDR's bounds and its protocol and ports decoded. */
  private static final class Entry {
    final AclEntry entry;
    final long first;
    final long last;
    final int protocol;
    final int portFrom;
    final int portTo;
    final int icmpFrom;
    final int icmpTo;

    Entry(AclEntry entry, long first, long last) {
      this.entry = entry;
      this.first = first;
      this.last = last;
      this.protocol = Traffic.protocolNumber(entry.protocol());
      this.portFrom = entry.portFrom().orElse(0);
      this.portTo = entry.portTo().orElse(65535);
      int type = entry.icmpType().orElse(-1);
      this.icmpFrom = type == -1 ? 0 : type;
      this.icmpTo = type == -1 ? 65535 : type;
    }
  }

  private record Query(NetworkAcl acl, boolean egress, Traffic traffic, Peer peer) {}
}
