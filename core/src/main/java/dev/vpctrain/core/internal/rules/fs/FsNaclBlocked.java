package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.reach.AclDecision;
import dev.vpctrain.core.internal.reach.FlowAcls;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.NetworkAclEvaluator;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.internal.rules.cluster.Commands;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannel.Endpoints;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannel.FsEndpoint;
import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fs.nacl.blocked}: per job subnet and file-system channel, the stateless network ACLs of the
 * job subnet and of each endpoint's subnet (EFS mount target, FSx interface), both directions, via
 * reach's flow check. EFS: TCP 2049 to the mount target, replies on 1024–65535. Lustre: TCP 988 and
 * 1018–1023 in both directions (servers connect to clients too), and replies to the reserved ports
 * Lustre connects from, so an ACL passing replies only on 1024–65535 blocks it. As for
 * {@code fs.fsx.security-group}, a block of only 1018–1020 is a WARNING. Within one subnet no ACL
 * applies. For EFS without a mount target in the job subnet's AZ every available one is a
 * candidate: all blocked fails, some blocked is UNVERIFIED (which one SageMaker mounts is unknown).
 */
public final class FsNaclBlocked extends FsRule {
  private static final Traffic NFS = Traffic.tcp(FileSystemChannel.NFS_PORT);
  private static final Traffic EPHEMERAL = Traffic.tcp(Traffic.EPHEMERAL_FROM, Traffic.EPHEMERAL_TO);

  public FsNaclBlocked() {
    super("fs.nacl.blocked", Severity.ERROR,
        "The network ACLs pass NFS (EFS) or Lustre (FSx) traffic and its replies between the job and the file system",
        c -> c.isEfs() || c.isLustre(), "The job has no EFS or FSx for Lustre channel.");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> channels) {
    NetworkSnapshot n = ctx.network();
    List<Finding> out = new ArrayList<>();
    for (FileSystemChannel c : channels) {
      if (c.isLustre() && c.fsx().map(f -> !f.isLustre()).orElse(false)) {
        continue; // fs.not-found reports the type
      }
      for (String s : JobSubnets.evaluable(ctx)) {
        Optional<Subnet> subnet = n.subnet(s);
        if (subnet.isEmpty()) {
          out.add(unverified("Job subnet " + s + " is not in the snapshot ("
              + (n.has(Section.SUBNETS) ? "see vpc.resource.not-found" : n.unknownReason(Section.SUBNETS))
              + "), so the network ACLs between it and " + c.label() + " cannot be checked.", null, s, c.fileSystemId()));
          continue;
        }
        Endpoints eps = c.endpointsFor(subnet.get());
        if (!eps.isKnown()) {
          String why = " and " + c.label() + " cannot be checked: " + eps.unknownReason().orElse("") + ".";
          out.add(unverified("The network ACLs between job subnet " + s + why, null, s, c.fileSystemId())
              .withGrouping(Grouping.of(s, "The network ACLs between job subnets " + Grouping.SUBJECTS + why)));
          continue;
        }
        if (eps.endpoints().isEmpty()) {
          continue; // no mount target at all: fs.efs.mount-target.missing
        }
        out.addAll(check(ctx, c, s, eps.endpoints()));
      }
    }
    if (out.isEmpty()) {
      return one(pass("The network ACLs pass the file-system traffic and its replies between every job subnet and the mount "
          + "targets or FSx interfaces it uses (or both are in one subnet).", JobSubnets.ids(ctx).toArray(new String[0])));
    }
    return out;
  }

  private List<Finding> check(RuleContext ctx, FileSystemChannel c, String subnet, List<FsEndpoint> eps) {
    NetworkSnapshot n = ctx.network();
    NetworkAclEvaluator acls = ReachContext.acls(ctx);
    Peer job = ReachContext.jobInstancesIn(ctx, subnet);
    List<EndpointResult> results = new ArrayList<>();
    for (List<FsEndpoint> group : groups(c, eps)) {
      EndpointResult r = new EndpointResult(group);
      Optional<String> epSubnet = group.get(0).subnetId();
      Peer remote = group.size() == 1 ? FsPeers.endpoint(n, group.get(0))
          : FsPeers.endpoints(n, c.fileSystemId() + " (" + String.join(", ", group.stream().map(FsPeers::describe).toList())
              + ")", group, List.of());
      if (c.isEfs()) {
        r.add(acls.flow(subnet, job, epSubnet, remote, NFS, EPHEMERAL), true);
      } else {
        for (LustrePorts p : LustrePorts.values()) {
          // the request to p, and replies to the reserved ports of the same group (Lustre connects from 1023 down)
          r.add(acls.flow(subnet, job, epSubnet, remote, p.traffic(), p.traffic()), p.required);
          if (p == LustrePorts.SERVICE) {
            r.add(acls.flow(subnet, job, epSubnet, remote, p.traffic(), LustrePorts.RESERVED_HIGH.traffic()), true);
          }
          if (epSubnet.isPresent()) {
            r.add(acls.flow(epSubnet.get(), remote, Optional.of(subnet), job, p.traffic(), p.traffic()), p.required);
            if (p == LustrePorts.SERVICE) {
              r.add(acls.flow(epSubnet.get(), remote, Optional.of(subnet), job, p.traffic(),
                  LustrePorts.RESERVED_HIGH.traffic()), true);
            }
          }
        }
      }
      results.add(r);
    }
    return findings(ctx, c, subnet, results);
  }

  /**
   * The endpoints judged together: each EFS mount target alone (a client mounts one); the FSx
   * interfaces by subnet (a Lustre client talks to every server, and one ACL sees them alike).
   */
  private static List<List<FsEndpoint>> groups(FileSystemChannel c, List<FsEndpoint> eps) {
    if (c.isEfs()) {
      return eps.stream().map(List::of).toList();
    }
    Map<Optional<String>, List<FsEndpoint>> bySubnet = new LinkedHashMap<>();
    eps.forEach(ep -> bySubnet.computeIfAbsent(ep.subnetId(), k -> new ArrayList<>()).add(ep));
    return List.copyOf(bySubnet.values());
  }

  private List<Finding> findings(RuleContext ctx, FileSystemChannel c, String subnet, List<EndpointResult> results) {
    Set<String> res = new LinkedHashSet<>(List.of(subnet, c.fileSystemId()));
    List<String> required = new ArrayList<>();
    List<String> optional = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    Fixes fixes = new Fixes(ctx.network(), subnet);
    int blocked = 0;
    for (EndpointResult r : results) {
      if (!r.required.isEmpty()) {
        blocked++;
      }
      for (Denial d : r.required.values()) {
        required.add(d.decision().describe());
        fixes.add(d, r.ep, true);
        r.eps.forEach(e -> res.add(e.id()));
        res.add(d.decision().networkAclId());
      }
      for (Denial d : r.optional.values()) {
        if (!r.required.containsKey(d.decision().describe())) {
          optional.add(d.decision().describe());
          fixes.add(d, r.ep, false);
          r.eps.forEach(e -> res.add(e.id()));
          res.add(d.decision().networkAclId());
        }
      }
      unknown.addAll(r.unknowns);
    }
    String why = c.isEfs()
        ? "network ACLs are stateless: NFS needs TCP 2049 to the mount target and its replies on TCP 1024-65535"
        : "network ACLs are stateless: Lustre needs TCP 988 and 1018-1023 in both directions, and connects from the "
            + "reserved ports below 1024, so its replies go to those ports, not to 1024-65535";
    String[] resources = res.toArray(new String[0]);
    List<Finding> out = new ArrayList<>();
    if (!required.isEmpty()) {
      boolean candidates = c.isEfs() && results.size() > 1;
      if (candidates && blocked < results.size()) {
        out.add(unverified("Job subnet " + subnet + " has no mount target of " + c.label() + " in its Availability Zone, and "
                + "the network ACLs block some of the other candidates: " + String.join("; ", distinct(required))
                + " (" + why + "). Which mount target SageMaker uses is not documented.",
            "Unblock every candidate: " + String.join(" && ", fixes.required()) + ".", resources));
        return out;
      }
      List<String> cmds = new ArrayList<>(fixes.required());
      cmds.addAll(fixes.optional());
      out.add(fail(Severity.ERROR, "The network ACLs block " + c.label() + " from job subnet " + subnet + ": "
              + String.join("; ", distinct(required))
              + (optional.isEmpty() ? "" : "; also " + String.join("; ", distinct(optional))) + " (" + why + ").",
          "Add allow entries before the denying rules: " + String.join(" && ", cmds) + ".", resources));
      return out;
    }
    if (!unknown.isEmpty()) {
      out.add(unverified("Whether the network ACLs pass the traffic between job subnet " + subnet + " and " + c.label()
          + " is unknown: " + String.join("; ", distinct(unknown)) + ".", null, resources));
    }
    if (!optional.isEmpty()) {
      out.add(fail(Severity.WARNING, "The network ACLs block TCP 1018-1020 between job subnet " + subnet + " and "
              + c.label() + ": " + String.join("; ", distinct(optional)) + " (" + why + "). The 2023 FSx guide names 988 and "
              + "1021-1023 only, so this may work today, but the current guide requires 1018-1023.",
          "Add allow entries before the denying rules: " + String.join(" && ", fixes.optional()) + ".", resources));
    }
    return out;
  }

  private static List<String> distinct(List<String> l) {
    return List.copyOf(new LinkedHashSet<>(l));
  }

  /** What the ACLs do to the flows of one endpoint (or of the FSx interfaces of one subnet): the denials (required, optional) and the unknowns. */
  private static final class EndpointResult {
    final List<FsEndpoint> eps;
    final FsEndpoint ep;
    final Map<String, Denial> required = new LinkedHashMap<>();
    final Map<String, Denial> optional = new LinkedHashMap<>();
    final List<String> unknowns = new ArrayList<>();

    EndpointResult(List<FsEndpoint> eps) {
      this.eps = eps;
      this.ep = eps.get(0);
    }

    void add(FlowAcls flow, boolean isRequired) {
      if (flow.result() == Tri.YES) {
        return;
      }
      for (FlowAcls.Side side : sides(flow)) {
        side.unknownReason().ifPresent(unknowns::add);
        for (AclDecision d : List.of(side.request(), side.replies()).stream().flatMap(Optional::stream).toList()) {
          if (d.denied()) {
            (isRequired ? required : optional).putIfAbsent(d.describe(), new Denial(d, side.acl().orElseThrow(),
                side.subnetId().orElse("")));
          } else if (d.result() == Tri.UNKNOWN) {
            unknowns.add(d.describe());
          }
        }
      }
    }

    private static List<FlowAcls.Side> sides(FlowAcls flow) {
      List<FlowAcls.Side> out = new ArrayList<>();
      flow.source().ifPresent(out::add);
      flow.destination().ifPresent(out::add);
      return out;
    }
  }

  /** One denying direction of one ACL. */
  private record Denial(AclDecision decision, NetworkAcl acl, String subnetId) {
    /** The remote end's CIDR as this ACL sees it: the file system subnet's (else the address), or the job subnet's. */
    String remoteCidr(NetworkSnapshot n, String jobSubnet, FsEndpoint ep) {
      if (subnetId.equals(jobSubnet)) {
        return ep.subnetId().flatMap(s -> JobPeers.subnetCidr(n, s)).map(Cidr::toString)
            .or(() -> ep.address().map(a -> a + "/32")).orElse("<file system subnet CIDR>");
      }
      return JobPeers.subnetCidr(n, jobSubnet).map(Cidr::toString).orElse("<job subnet CIDR>");
    }
  }

  /**
   * The allow entries of one finding: one per ACL, direction, ports and CIDR, each numbered before
   * the entry that denies and apart from the entries proposed before it.
   */
  private static final class Fixes {
    private final NetworkSnapshot network;
    private final String jobSubnet;
    private final Map<String, NetworkAcl> working = new HashMap<>();
    private final Map<String, String> required = new LinkedHashMap<>();
    private final Map<String, String> optional = new LinkedHashMap<>();

    Fixes(NetworkSnapshot network, String jobSubnet) {
      this.network = network;
      this.jobSubnet = jobSubnet;
    }

    void add(Denial d, FsEndpoint ep, boolean isRequired) {
      String cidr = d.remoteCidr(network, jobSubnet, ep);
      AclDecision decision = d.decision();
      String key = d.acl().networkAclId() + " " + decision.egress() + " " + decision.traffic() + " " + cidr;
      if (required.containsKey(key) || optional.containsKey(key)) {
        return;
      }
      NetworkAcl acl = working.getOrDefault(d.acl().networkAclId(), d.acl());
      int before = decision.denyingEntry().map(AclEntry::ruleNumber).orElse(32767);
      int number = Commands.freeRuleNumber(acl, decision.egress(), before);
      (isRequired ? required : optional).put(key, Commands.aclAllow(acl, decision.egress(), before, decision.traffic(), cidr));
      List<AclEntry> entries = new ArrayList<>(acl.entries());
      AclEntry.Builder e = AclEntry.builder().ruleNumber(number).egress(decision.egress()).allow(true).cidrBlock(cidr)
          .protocol(Integer.toString(decision.traffic().protocol()));
      if (decision.traffic().hasPorts()) {
        e.portFrom(decision.traffic().fromPort()).portTo(decision.traffic().toPort());
      }
      entries.add(e.build());
      working.put(acl.networkAclId(), acl.withEntries(entries));
    }

    Collection<String> required() {
      return required.values();
    }

    Collection<String> optional() {
      return optional.values();
    }
  }
}
