package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.reach.Ipv4RangeSet;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.SecurityGroupEvaluator;
import dev.vpctrain.core.internal.reach.SgDecision;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.internal.rules.cluster.Commands;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannel.Endpoints;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannel.FsEndpoint;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fs.efs.security-group}: from each job subnet, the candidate mount target (the one in the
 * subnet's Availability Zone, else every available one) must be reachable on TCP 2049: a job
 * security group lets it out to the mount target's address (a CIDR, a reference to a mount-target
 * group, or a prefix list), and a mount-target group admits it from a job group (reference) or from
 * a CIDR covering the whole job subnet. Mount-target egress rules are not used (EFS guide). The
 * mount target's groups come from {@code DescribeMountTargetSecurityGroups}, else from its network
 * interface; neither is UNVERIFIED.
 */
public final class FsEfsSecurityGroup extends EfsChannelRule {
  private static final Traffic NFS = Traffic.tcp(FileSystemChannel.NFS_PORT);

  public FsEfsSecurityGroup() {
    super("fs.efs.security-group", Severity.ERROR,
        "The job's and the EFS mount targets' security groups let NFS (TCP 2049) pass from the job to the mount target");
  }

  /** One candidate mount target from one job subnet: both directions decided. */
  private record Check(FsEndpoint target, Optional<List<String>> groups, Tri ingress, String ingressDetail, Tri egress,
      String egressDetail) {
    Tri result() {
      return ingress.and(egress);
    }
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> channels) {
    NetworkSnapshot n = ctx.network();
    List<Finding> out = new ArrayList<>();
    Set<String> passed = new LinkedHashSet<>();
    Set<String> without = new LinkedHashSet<>();
    for (FileSystemChannel ch : channels) {
      for (String id : jobSubnets(ctx)) {
        Optional<Subnet> s = n.subnet(id);
        if (s.isEmpty()) {
          out.add(unverified("Whether the security groups let TCP 2049 pass from job subnet " + id + " to " + ch.label()
              + " cannot be checked: " + subnetUnknown(n, id) + ".", null, id, ch.fileSystemId()));
          continue;
        }
        Endpoints e = ch.endpointsFor(s.get());
        if (!e.isKnown()) {
          out.add(unverified("Whether the security groups let TCP 2049 pass from job subnet " + id + " to " + ch.label()
              + " cannot be checked: " + e.unknownReason().get() + ".", null, id, ch.fileSystemId()));
          continue;
        }
        if (e.endpoints().isEmpty()) {
          without.add(ch.fileSystemId());
          continue;
        }
        List<Check> checks = new ArrayList<>();
        for (FsEndpoint t : e.endpoints()) {
          checks.add(check(ctx, s.get(), t));
        }
        Finding f = decide(ctx, ch, s.get(), checks);
        if (f == null) {
          e.endpoints().forEach(t -> passed.add(t.id()));
        } else {
          out.add(f);
        }
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    String message = passed.isEmpty() ? "" : "The security groups of the job and of the mount targets it uses ("
        + String.join(", ", passed) + ") let TCP 2049 pass from every job subnet.";
    if (!without.isEmpty()) {
      message += (message.isEmpty() ? "" : " ") + String.join(", ", without)
          + " has no available mount target to check (see fs.efs.mount-target.missing).";
    }
    return one(pass(message));
  }

  private static Check check(RuleContext ctx, Subnet s, FsEndpoint t) {
    NetworkSnapshot n = ctx.network();
    SecurityGroupEvaluator sgs = ReachContext.securityGroups(ctx);
    List<String> jobGroups = JobPeers.groups(ctx.job());
    Tri ingress;
    String ingressDetail;
    if (t.groups().isEmpty()) {
      ingress = Tri.UNKNOWN;
      ingressDetail = "the security groups of mount target " + t.id() + " are not known: "
          + groupsUnknown(n, t);
    } else {
      List<String> groups = t.groups().get();
      SgDecision d = sgs.ingress(groups, NFS, ReachContext.jobInstancesIn(ctx, s.subnetId()));
      ingress = d.result();
      ingressDetail = d.allowed()
          ? "security group " + String.join(", ", d.allowedBy()) + " of mount target " + t.id() + " admits TCP 2049 from the job"
          : d.denied()
              ? "the security groups of mount target " + t.id() + " (" + String.join(", ", groups) + ") do not admit TCP 2049 "
                  + "from the job's instances in " + s.subnetId() + ", neither from the job's groups "
                  + String.join(", ", jobGroups) + " nor from a CIDR covering " + s.subnetId()
              : "whether the security groups of mount target " + t.id() + " (" + String.join(", ", groups)
                  + ") admit TCP 2049 from the job's instances in " + s.subnetId() + " is unknown: " + d.unknownReason();
    }
    SgDecision d = sgs.egress(jobGroups, NFS, targetPeer(n, t));
    String at = t.id() + t.address().map(a -> " (" + a + ")").orElse("");
    String egressDetail = d.allowed()
        ? "security group " + String.join(", ", d.allowedBy()) + " lets TCP 2049 out to mount target " + at
        : d.denied()
            ? "the job's security groups (" + String.join(", ", jobGroups) + ") do not let TCP 2049 out to mount target " + at
                + " (neither to its address nor to its groups " + t.groups().map(g -> String.join(", ", g)).orElse("(unknown)") + ")"
            : "whether the job's security groups (" + String.join(", ", jobGroups) + ") let TCP 2049 out to mount target "
                + at + " is unknown: " + d.unknownReason();
    return new Check(t, t.groups(), ingress, ingressDetail, d.result(), egressDetail);
  }

  /** Why a mount target's groups are unknown: neither call has them. */
  private static String groupsUnknown(NetworkSnapshot n, FsEndpoint t) {
    String efs = n.errorFor(Section.EFS_MOUNT_TARGET_SECURITY_GROUPS, t.id())
        .map(e -> Section.EFS_MOUNT_TARGET_SECURITY_GROUPS.operation() + " failed for it (" + e.code() + ": " + e.message() + ")")
        .orElse(Section.EFS_MOUNT_TARGET_SECURITY_GROUPS.operation() + " has no entry for it");
    String eni = t.networkInterfaceId()
        .map(id -> "its network interface " + id + " is not in " + Section.NETWORK_INTERFACES.operation()
            + (n.has(Section.NETWORK_INTERFACES) ? "" : " (" + n.unknownReason(Section.NETWORK_INTERFACES) + ")"))
        .orElse("its network interface is not known");
    return efs + ", and " + eni;
  }

  /** The mount target as a peer of the job's egress: its address (else its subnet), and its groups when known. */
  private static Peer targetPeer(NetworkSnapshot n, FsEndpoint t) {
    Peer.Builder b = Peer.builder("mount target " + t.id());
    if (t.groups().isPresent()) {
      b.groups(t.groups().get());
    } else {
      b.groupsUnknown();
    }
    Optional<Cidr> host = t.address().flatMap(a -> Cidr.tryParseIpv4(a + "/32"));
    if (host.isPresent()) {
      return b.every(Ipv4RangeSet.of(List.of(host.get()))).build();
    }
    Optional<Cidr> subnet = t.subnetId().flatMap(id -> JobPeers.subnetCidr(n, id));
    return b.some(subnet.map(c -> Ipv4RangeSet.of(List.of(c))).orElse(Ipv4RangeSet.ALL)).build();
  }

  /** Null when every candidate passes; else the FAIL (every candidate blocked) or UNVERIFIED finding. */
  private Finding decide(RuleContext ctx, FileSystemChannel ch, Subnet s, List<Check> checks) {
    boolean allYes = checks.stream().allMatch(c -> c.result() == Tri.YES);
    if (allYes) {
      return null;
    }
    boolean allNo = checks.stream().allMatch(c -> c.result() == Tri.NO);
    String fs = ch.fileSystemId();
    List<String> jobGroups = JobPeers.groups(ctx.job());
    Set<String> res = new LinkedHashSet<>();
    res.add(s.subnetId());
    res.add(fs);
    checks.forEach(c -> res.add(c.target().id()));
    String via = checks.size() == 1
        ? "mount target " + checks.get(0).target().id() + " (the one in its Availability Zone"
            + checks.get(0).target().address().map(a -> ", " + a).orElse("") + ")"
        : "one of mount targets " + String.join(", ", checks.stream().map(c -> c.target().id()).toList())
            + " (none is in its Availability Zone)";
    if (allNo) {
      List<String> problems = new ArrayList<>();
      Set<String> cmds = new LinkedHashSet<>();
      for (Check c : checks) {
        String mtGroup = c.groups().filter(g -> !g.isEmpty()).map(g -> g.get(0)).orElse("<mount-target-sg>");
        if (c.ingress() == Tri.NO) {
          problems.add(c.ingressDetail());
          res.addAll(c.groups().orElse(List.of()));
          if (!jobGroups.isEmpty()) {
            cmds.add(Commands.tcpIngressFromGroup(mtGroup, FileSystemChannel.NFS_PORT, jobGroups.get(0)));
          }
        }
        if (c.egress() == Tri.NO) {
          problems.add(c.egressDetail());
          res.addAll(jobGroups);
          if (!jobGroups.isEmpty()) {
            cmds.add(Commands.tcpEgressToGroup(jobGroups.get(0), FileSystemChannel.NFS_PORT, mtGroup));
          }
        }
      }
      Finding f = fail("From job subnet " + s.subnetId() + ", " + ch.label() + " is mounted through " + via + ", but "
              + String.join("; and ", problems) + ": the NFS connection times out and SageMaker fails the job with "
              + TIMEOUT_TEXT + ".",
          "Let TCP 2049 pass from the job's security group to the mount target's: "
              + (cmds.isEmpty() ? "admit TCP 2049 from the job's group on the mount target's group, and allow it out on "
                  + "the job's group" : String.join(" && ", cmds)) + ".",
          res.toArray(new String[0]));
      return checks.size() == 1 ? grouped(f, ch, s, checks.get(0), jobGroups) : f;
    }
    List<String> details = new ArrayList<>();
    for (Check c : checks) {
      if (c.ingress() != Tri.YES) {
        details.add(c.ingressDetail());
      }
      if (c.egress() != Tri.YES) {
        details.add(c.egressDetail());
      }
    }
    boolean mixed = checks.stream().anyMatch(c -> c.result() == Tri.YES) && checks.stream().anyMatch(c -> c.result() == Tri.NO);
    return unverified("Whether the security groups let TCP 2049 pass from job subnet " + s.subnetId() + " to " + ch.label()
            + " through " + via + " cannot be decided: " + String.join("; ", details)
            + (mixed ? " (some mount targets are reachable and some are not, and which one SageMaker mounts is not known)" : "")
            + ".",
        "Make the security groups decide it: admit TCP 2049 from the job's group on the mount targets' groups, and allow "
            + "it out to them on the job's group; once verified, accept it (--accept-unverified fs.efs.security-group="
            + s.subnetId() + ").",
        res.toArray(new String[0]));
  }

  /**
   * {@code f}, the FAIL of one subnet that mounts through the mount target of its own Availability
   * Zone, grouped with the other subnets' whose mount targets fail alike: the same security groups,
   * the same direction blocked, the same fix. The cause is the security groups, not the subnet.
   */
  private static Finding grouped(Finding f, FileSystemChannel ch, Subnet s, Check c, List<String> jobGroups) {
    String subject = s.subnetId() + " through " + c.target().id() + c.target().address().map(a -> " at " + a).orElse("");
    List<String> problems = new ArrayList<>();
    if (c.ingress() == Tri.NO) {
      problems.add("the security groups of these mount targets, " + String.join(", ", c.groups().orElse(List.of()))
          + ", do not admit TCP 2049 from the job's instances, neither from the job's groups "
          + String.join(", ", jobGroups) + " nor from a CIDR covering their subnets");
    }
    if (c.egress() == Tri.NO) {
      problems.add("the job's security groups " + String.join(", ", jobGroups) + " do not let TCP 2049 out to these "
          + "mount targets, neither to their addresses nor to their groups");
    }
    return f.withGrouping(Grouping.of(subject, "From job subnets " + Grouping.SUBJECTS + ", " + ch.label()
        + " is mounted through the mount target of each subnet's Availability Zone, but " + String.join("; and ", problems)
        + ": the NFS connection times out and SageMaker fails the job with " + TIMEOUT_TEXT + "."));
  }
}
