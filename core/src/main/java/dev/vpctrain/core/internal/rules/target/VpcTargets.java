package dev.vpctrain.core.internal.rules.target;

import dev.vpctrain.core.internal.reach.Ipv4RangeSet;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.internal.rules.target.ResolvedTarget.Status;
import dev.vpctrain.core.internal.rules.vpc.JobVpc;
import dev.vpctrain.core.job.VpcTarget;
import dev.vpctrain.core.network.CaptureFilter;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkInterface;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Resolves the job's declared in-VPC targets ({@code TrainingJobSpec.requiredInVpc()}) against the
 * snapshot, once per evaluation (rules.md "Declared in-VPC targets", resolution): an address to
 * the interfaces holding it ({@code PrivateIpAddresses} or {@code Ipv4Prefixes}), a group to every
 * interface carrying it, an interface to itself, a CIDR block to the parts of it that one route
 * and one subnet govern (every address must be reachable) plus the interfaces inside it. Each
 * interface gives subnet, groups and owner; one without groups has no security-group check.
 */
public final class VpcTargets {
  /** More route or subnet boundaries inside one block than this leave the block undecided. */
  static final int MAX_BLOCK_PARTS = 256;

  private final RuleContext ctx;
  private final NetworkSnapshot net;
  private final Optional<String> vpcId;
  /** Where blocks may be cut, computed once per evaluation. */
  private List<Cidr> boundaries;

  private VpcTargets(RuleContext ctx) {
    this.ctx = ctx;
    this.net = ctx.network();
    this.vpcId = JobVpc.vpcId(ctx);
  }

  /** Every declared target, resolved, in declaration order (cached in {@code ctx}). */
  public static List<ResolvedTarget> of(RuleContext ctx) {
    return ctx.cached(VpcTargets.class, k -> {
      VpcTargets t = new VpcTargets(ctx);
      List<ResolvedTarget> out = new ArrayList<>();
      for (VpcTarget target : ctx.job().requiredInVpc()) {
        out.add(t.resolve(target));
      }
      return List.copyOf(out);
    });
  }

  private ResolvedTarget resolve(VpcTarget t) {
    switch (t.kind()) {
      case NETWORK_INTERFACE:
        return networkInterface(t);
      case SECURITY_GROUP:
        return group(t);
      case ADDRESS:
        return address(t);
      default:
        return block(t);
    }
  }

  private ResolvedTarget networkInterface(VpcTarget t) {
    String id = t.value();
    if (!net.has(Section.NETWORK_INTERFACES)) {
      return new ResolvedTarget(t, Status.UNKNOWN, "where network interface " + id + " is cannot be told: "
          + net.unknownReason(Section.NETWORK_INTERFACES), List.of(), List.of(id));
    }
    Optional<NetworkInterface> eni = net.networkInterface(id);
    if (eni.isPresent()) {
      Optional<TargetEndpoint> e = primary(eni.get(), true);
      if (e.isEmpty()) {
        return new ResolvedTarget(t, Status.UNKNOWN, "network interface " + id + " has no IPv4 address in the snapshot",
            List.of(), List.of(id));
      }
      return new ResolvedTarget(t, Status.FOUND, describe(eni.get()), List.of(e.get()), List.of(id));
    }
    if (listedCompletely(id)) {
      return new ResolvedTarget(t, Status.NOT_FOUND, "network interface " + id + " is not among the network interfaces "
          + "of the snapshot" + vpcId.map(v -> ", which hold every interface of " + v).orElse(""), List.of(),
          resourcesWithVpc(id));
    }
    return new ResolvedTarget(t, Status.UNKNOWN, "network interface " + id + " is not in the snapshot, whose network "
        + "interfaces are " + incompleteness(), List.of(), List.of(id));
  }

  private ResolvedTarget group(VpcTarget t) {
    String id = t.value();
    if (!net.has(Section.SECURITY_GROUPS)) {
      return new ResolvedTarget(t, Status.UNKNOWN, "security group " + id + " cannot be looked up: "
          + net.unknownReason(Section.SECURITY_GROUPS), List.of(), List.of(id));
    }
    Optional<SecurityGroup> sg = net.securityGroup(id);
    if (sg.isEmpty()) {
      return new ResolvedTarget(t, Status.NOT_FOUND, "security group " + id + " is not in the snapshot"
          + vpcId.map(v -> " (the security groups of " + v + ")").orElse(""), List.of(), resourcesWithVpc(id));
    }
    if (!net.has(Section.NETWORK_INTERFACES)) {
      return new ResolvedTarget(t, Status.UNKNOWN, "which network interfaces carry security group " + id + " is unknown: "
          + net.unknownReason(Section.NETWORK_INTERFACES), List.of(), List.of(id));
    }
    List<TargetEndpoint> endpoints = new ArrayList<>();
    List<String> res = new ArrayList<>(List.of(id));
    List<String> enis = new ArrayList<>();
    for (NetworkInterface n : net.networkInterfacesCarrying(id)) {
      Optional<TargetEndpoint> e = primary(n, true);
      if (e.isPresent()) {
        endpoints.add(e.get());
        res.add(n.networkInterfaceId());
        enis.add(describe(n));
      }
    }
    if (!endpoints.isEmpty()) {
      return new ResolvedTarget(t, Status.FOUND, "security group " + id + " is carried by " + String.join(", ", enis),
          endpoints, res);
    }
    String groupVpc = sg.get().vpcId();
    String why = "no network interface in the snapshot carries security group " + id;
    if (net.isNetworkInterfaceListComplete(groupVpc) && notShared(groupVpc, Optional.empty())) {
      res.add(groupVpc);
      return new ResolvedTarget(t, Status.NOT_FOUND, why + ", and the snapshot holds every interface of " + groupVpc
          + " (a stopped database, or a group not attached yet)", List.of(), res);
    }
    return new ResolvedTarget(t, Status.UNKNOWN, why + ", but its network interfaces of " + groupVpc + " are "
        + incompleteness(groupVpc), List.of(), res);
  }

  private ResolvedTarget address(VpcTarget t) {
    int a = Cidr.parseIpv4Address(t.value());
    List<NetworkInterface> holders = net.networkInterfacesHolding(t.value());
    if (!holders.isEmpty()) {
      List<TargetEndpoint> endpoints = new ArrayList<>();
      List<String> res = new ArrayList<>();
      List<String> enis = new ArrayList<>();
      for (NetworkInterface n : holders) {
        endpoints.add(TargetEndpoint.ofInterface(n, a, true));
        res.add(n.networkInterfaceId());
        enis.add(describe(n));
      }
      return new ResolvedTarget(t, Status.FOUND, t.value() + " is held by " + String.join(", ", enis), endpoints, res);
    }
    Optional<String> subnet = subnetOf(a);
    List<TargetEndpoint> unresolved = List.of(TargetEndpoint.ofAddress(a, subnet));
    Optional<List<Cidr>> cidrs = vpcCidrs();
    if (cidrs.isEmpty()) {
      return new ResolvedTarget(t, Status.UNKNOWN, "whether " + t.value() + " lies inside the job's VPC is unknown ("
          + (vpcId.isEmpty() ? JobVpc.whyUnknown(ctx) : "the CIDRs of " + vpcId.get() + " are not in the snapshot") + ")",
          unresolved, List.of());
    }
    if (cidrs.get().stream().noneMatch(c -> c.contains(a))) {
      return new ResolvedTarget(t, Status.OUTSIDE, t.value() + " lies outside every CIDR of " + vpcId.orElseThrow()
          + ", so it is not looked up: the route decides", unresolved, List.of());
    }
    String vpc = vpcId.orElseThrow();
    if (!net.has(Section.NETWORK_INTERFACES)) {
      return new ResolvedTarget(t, Status.UNKNOWN, "which network interface holds " + t.value() + " is unknown: "
          + net.unknownReason(Section.NETWORK_INTERFACES), unresolved, List.of());
    }
    String why = "no network interface in the snapshot holds " + t.value() + ", an address of " + vpc;
    if (net.isNetworkInterfaceListComplete(vpc) && notShared(vpc, subnet)) {
      List<String> res = new ArrayList<>();
      subnet.ifPresent(res::add);
      res.add(vpc);
      return new ResolvedTarget(t, Status.NOT_FOUND, why + ", and the snapshot holds every interface of " + vpc, List.of(),
          res);
    }
    return new ResolvedTarget(t, Status.UNKNOWN, why + ", but " + (net.isNetworkInterfaceListComplete(vpc)
        ? "the VPC is shared (other accounts' interfaces are not listed)"
        : "its network interfaces are " + incompleteness(vpc)), unresolved, List.of());
  }

  private ResolvedTarget block(VpcTarget t) {
    Optional<Cidr> parsed = Cidr.tryParseIpv4(t.value());
    if (parsed.isEmpty()) {
      return new ResolvedTarget(t, Status.UNKNOWN, t.value() + " is not an IPv4 CIDR block", List.of(), List.of());
    }
    Cidr block = parsed.get();
    long first = Ipv4RangeSet.first(block);
    long last = Ipv4RangeSet.last(block);
    TreeSet<Long> cuts = new TreeSet<>();
    cuts.add(first);
    cuts.add(last + 1);
    List<Cidr> bounds = new ArrayList<>(boundaries());
    bounds.addAll(net.subnetCidrsOverlapping(block));
    for (Cidr c : bounds) {
      for (long cut : new long[] {Ipv4RangeSet.first(c), Ipv4RangeSet.last(c) + 1}) {
        if (cut > first && cut <= last) {
          cuts.add(cut);
        }
      }
    }
    if (cuts.size() - 1 > MAX_BLOCK_PARTS) {
      return new ResolvedTarget(t, Status.UNKNOWN, "routes and subnets cut " + t.value() + " into more than "
          + MAX_BLOCK_PARTS + " parts; name narrower blocks", List.of(), List.of());
    }
    List<TargetEndpoint> endpoints = new ArrayList<>();
    Long lo = null;
    for (long cut : cuts) {
      if (lo != null) {
        long hi = cut - 1;
        Ipv4RangeSet part = range(lo, hi);
        String text = lo == first && hi == last ? t.value()
            : Cidr.formatIpv4((int) (long) lo) + "-" + Cidr.formatIpv4((int) hi) + " of " + t.value();
        endpoints.add(TargetEndpoint.ofBlock((int) (long) lo, part, text, t.value(), subnetOf((int) (long) lo)));
      }
      lo = cut;
    }
    List<String> res = new ArrayList<>();
    List<String> inside = new ArrayList<>();
    for (NetworkInterface n : net.networkInterfacesWithin(block)) {
      Optional<Integer> a = firstAddressIn(n, block);
      if (a.isPresent()) {
        endpoints.add(TargetEndpoint.ofInterface(n, a.get(), false));
        res.add(n.networkInterfaceId());
        inside.add(describe(n));
      }
    }
    String detail = "every address of " + t.value() + (endpoints.size() - inside.size() > 1
        ? " (" + (endpoints.size() - inside.size()) + " parts with different routes or subnets)" : "")
        + (inside.isEmpty() ? "" : "; interfaces inside it: " + String.join(", ", inside));
    return new ResolvedTarget(t, Status.BLOCK, detail, endpoints, res);
  }

  /** True when every interface that may hold an address of {@code block} is in the snapshot with its groups. */
  boolean interfacesKnown(Cidr block) {
    Optional<List<Cidr>> cidrs = vpcCidrs();
    if (cidrs.isEmpty() || vpcId.isEmpty()) {
      return false;
    }
    Ipv4RangeSet vpc = Ipv4RangeSet.of(cidrs.get());
    return vpc.containsAll(Ipv4RangeSet.of(List.of(block))) && net.isNetworkInterfaceListComplete(vpcId.get())
        && notShared(vpcId.get(), Optional.empty());
  }

  /** As {@link #interfacesKnown(Cidr)} for the context's job. */
  static boolean interfacesKnown(RuleContext ctx, Cidr block) {
    return new VpcTargets(ctx).interfacesKnown(block);
  }

  /** The interface at its primary address (else the first address of its first prefix). */
  private static Optional<TargetEndpoint> primary(NetworkInterface n, boolean routed) {
    for (String a : n.privateIpAddresses()) {
      if (Cidr.isIpv4Address(a)) {
        return Optional.of(TargetEndpoint.ofInterface(n, Cidr.parseIpv4Address(a), routed));
      }
    }
    for (Cidr p : n.ipv4Prefixes()) {
      return Optional.of(TargetEndpoint.ofInterface(n, p.ipv4Network(), routed));
    }
    return Optional.empty();
  }

  private static Optional<Integer> firstAddressIn(NetworkInterface n, Cidr block) {
    for (String a : n.privateIpAddresses()) {
      if (Cidr.isIpv4Address(a) && block.contains(Cidr.parseIpv4Address(a))) {
        return Optional.of(Cidr.parseIpv4Address(a));
      }
    }
    for (Cidr p : n.ipv4Prefixes()) {
      if (p.overlaps(block)) {
        return Optional.of(block.covers(p) ? p.ipv4Network() : block.ipv4Network());
      }
    }
    return Optional.empty();
  }

  /** {@code eni-… (subnet-…, sg-…)}. */
  static String describe(NetworkInterface n) {
    return n.networkInterfaceId() + " (" + n.subnetId()
        + (n.groupIds().isEmpty() ? ", no security groups" : ", " + String.join(", ", n.groupIds())) + ")";
  }

  private List<String> resourcesWithVpc(String id) {
    List<String> out = new ArrayList<>(List.of(id));
    vpcId.ifPresent(out::add);
    return out;
  }

  /** True when the interface list holds {@code eniId} if it exists: complete for the job's VPC, or filtered by that id. */
  private boolean listedCompletely(String eniId) {
    if (vpcId.isPresent() && net.isNetworkInterfaceListComplete(vpcId.get())) {
      return true;
    }
    List<CaptureFilter> filters = net.captureFiltersOf(Section.NETWORK_INTERFACES);
    return net.errorFor(Section.NETWORK_INTERFACES).isEmpty() && !filters.isEmpty()
        && filters.stream().allMatch(f -> f.name().equalsIgnoreCase("network-interface-id") && f.values().contains(eniId));
  }

  private String incompleteness() {
    return vpcId.map(this::incompleteness).orElse("not known to be complete");
  }

  private String incompleteness(String vpc) {
    if (net.errorFor(Section.NETWORK_INTERFACES).isPresent()) {
      return "incomplete (" + net.unknownReason(Section.NETWORK_INTERFACES) + ")";
    }
    List<String> filters = new ArrayList<>();
    for (CaptureFilter f : net.captureFiltersOf(Section.NETWORK_INTERFACES)) {
      filters.add(f.name() + "=" + String.join(",", f.values()));
    }
    return filters.isEmpty() ? "complete" : "captured with the filter " + String.join(" and ", filters)
        + ", which does not select every interface of " + vpc;
  }

  /**
   * True when {@code vpc} (and {@code subnet}, when given) is known to belong to the bundle's
   * account: in a shared VPC, DescribeNetworkInterfaces does not list other accounts' interfaces.
   */
  private boolean notShared(String vpc, Optional<String> subnet) {
    Optional<String> account = net.accountId();
    if (account.isEmpty()) {
      return false;
    }
    Optional<String> vpcOwner = net.vpc(vpc).flatMap(Vpc::ownerId);
    if (vpcOwner.isEmpty() || !vpcOwner.get().equals(account.get())) {
      return false;
    }
    Optional<String> subnetOwner = subnet.flatMap(net::subnet).flatMap(Subnet::ownerId);
    return subnetOwner.map(account.get()::equals).orElse(true);
  }

  /** The IPv4 CIDRs of the job's VPC, primary and secondary. */
  private Optional<List<Cidr>> vpcCidrs() {
    Optional<Vpc> vpc = vpcId.flatMap(net::vpc);
    if (vpc.isEmpty()) {
      return Optional.empty();
    }
    List<Cidr> out = new ArrayList<>();
    vpc.get().cidrBlocks().forEach(c -> Cidr.tryParseIpv4(c).ifPresent(out::add));
    vpc.get().cidrBlock().flatMap(Cidr::tryParseIpv4).filter(c -> !out.contains(c)).ifPresent(out::add);
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  /** The subnet of the snapshot whose CIDR holds {@code address}, the job's VPC first. */
  private Optional<String> subnetOf(int address) {
    Optional<String> other = Optional.empty();
    for (Subnet s : net.subnetsHolding(address)) {
      if (vpcId.map(s.vpcId()::equals).orElse(true)) {
        return Optional.of(s.subnetId());
      }
      other = other.or(() -> Optional.of(s.subnetId()));
    }
    return other;
  }

  /**
   * Where a block's route may change: the destinations of the job subnets' routes (and their prefix
   * lists' CIDRs) and every VPC CIDR; {@link #block} adds the subnet CIDRs overlapping the block.
   */
  private List<Cidr> boundaries() {
    if (boundaries == null) {
      boundaries = computeBoundaries();
    }
    return boundaries;
  }

  private List<Cidr> computeBoundaries() {
    List<Cidr> out = new ArrayList<>();
    for (String s : JobPeers.subnets(ctx.job())) {
      ReachContext.of(ctx).routeTableOf(s).table().ifPresent(rt -> {
        for (Route r : rt.routes()) {
          r.destinationCidrBlock().flatMap(Cidr::tryParseIpv4).ifPresent(out::add);
          r.destinationPrefixListId().flatMap(net::prefixList)
              .ifPresent(pl -> pl.cidrs().forEach(c -> Cidr.tryParseIpv4(c).ifPresent(out::add)));
        }
      });
    }
    for (Vpc v : net.vpcs().orElse(List.of())) {
      v.cidrBlocks().forEach(c -> Cidr.tryParseIpv4(c).ifPresent(out::add));
      v.cidrBlock().flatMap(Cidr::tryParseIpv4).ifPresent(out::add);
    }
    return out;
  }

  /** The addresses {@code lo}..{@code hi} as a range set (split into aligned CIDR blocks). */
  static Ipv4RangeSet range(long lo, long hi) {
    List<Cidr> blocks = new ArrayList<>();
    long a = lo;
    while (a <= hi) {
      int len = 32;
      while (len > 0) {
        long size = 1L << (32 - (len - 1));
        if (a % size != 0 || a + size - 1 > hi) {
          break;
        }
        len--;
      }
      blocks.add(Cidr.ipv4((int) a, len));
      a += 1L << (32 - len);
    }
    return Ipv4RangeSet.of(blocks);
  }
}
