package dev.vpctrain.core.remediation;

import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.NetworkAclEvaluator;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.SecurityGroupEvaluator;
import dev.vpctrain.core.internal.reach.SgDecision;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannel;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannel.Endpoints;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannel.FsEndpoint;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannels;
import dev.vpctrain.core.internal.rules.fs.FsPeers;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.remediation.Change.GroupRef;
import dev.vpctrain.core.remediation.Change.Rule;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * File-system channels (EFS, FSx for Lustre): the security-group rules and network-ACL entries a
 * job subnet lacks to mount its file system, derived from the snapshot with the same evaluators the
 * {@code fs.*} rules use. Only what is missing is added: a rule or entry that already allows the
 * traffic is never duplicated, and nothing is removed. Security-group rules reference groups, never
 * CIDRs; ACL entries name the other side's subnet CIDR (an ACL knows no groups), see {@link AclFixes}.
 */
final class FileSystemFixes {
  static final String EFS_SG = "fs.efs.security-group";
  static final String FSX_SG = "fs.fsx.security-group";
  static final String NACL = "fs.nacl.blocked";

  static final Traffic NFS = Traffic.tcp(FileSystemChannel.NFS_PORT);
  /** The Lustre ports (FSx guide): the service port and the reserved ports the servers use. */
  static final List<Traffic> LUSTRE = List.of(Traffic.tcp(FileSystemChannel.LUSTRE_PORT), Traffic.tcp(1018, 1023));

  private final PlanContext p;
  private final SecurityGroupEvaluator sgs;
  private final List<String> jobGroups;
  /** Findings something (a change or specific advice) was planned for. */
  private final Set<Finding> acted = new LinkedHashSet<>();

  private FileSystemFixes(PlanContext p) {
    this.p = p;
    this.sgs = ReachContext.securityGroups(p.rules);
    this.jobGroups = JobPeers.groups(p.job);
  }

  static void plan(PlanContext p) {
    if (p.failing(EFS_SG).isEmpty() && p.failing(FSX_SG).isEmpty() && p.failing(NACL).isEmpty()) {
      return;
    }
    new FileSystemFixes(p).run();
  }

  private void run() {
    Optional<String> jobGroup = p.firstJobGroup();
    if (jobGroup.isPresent()) {
      for (Finding f : p.failing(EFS_SG)) {
        for (Target t : targets(f, FileSystemChannel::isEfs)) {
          efs(f, t, jobGroup.get());
        }
      }
      for (Finding f : p.failing(FSX_SG)) {
        for (Target t : targets(f, FileSystemChannel::isLustre)) {
          fsx(f, t, jobGroup.get());
        }
      }
    }
    AclFixes acls = new AclFixes(p);
    for (Finding f : p.failing(NACL)) {
      for (Target t : targets(f, c -> c.isEfs() || c.isLustre())) {
        acls(acls, f, t);
      }
    }
    acted.addAll(acls.plan());
    adviseTheRest();
  }

  // ---- EFS -------------------------------------------------------------------------------------

  /** A mount-target group admits NFS from the job's group; the job's group lets NFS out to the mount target. */
  private void efs(Finding f, Target t, String jobGroup) {
    Peer job = JobPeers.instancesIn(p.job, p.net, t.subnet().subnetId());
    for (FsEndpoint ep : t.endpoints()) {
      Optional<List<String>> groups = ep.groups();
      if (groups.isEmpty() || groups.get().isEmpty()) {
        continue; // unknown groups: the finding is advice
      }
      String mtGroup = groups.get().get(0);
      Peer mountTarget = FsPeers.endpoints(p.net, FsPeers.describe(ep), List.of(ep), groups.get());
      String fs = t.channel().fileSystemId();
      if (sgs.ingress(groups.get(), NFS, job).denied()) {
        add(f, "Let mount-target group " + mtGroup + " of " + fs + " admit NFS (TCP 2049) from " + jobGroup,
            "No security group of mount target " + ep.id() + " admits NFS from the job's instances in "
                + t.subnet().subnetId() + "; the mount times out and the job fails.",
            new Change.AuthorizeIngress(GroupRef.existing(mtGroup), Rule.tcp(2049, Change.Peer.group(GroupRef.existing(jobGroup)))));
      }
      if (sgs.egress(jobGroups, NFS, mountTarget).denied()) {
        add(f, "Let " + jobGroup + " send NFS (TCP 2049) to mount-target group " + mtGroup + " of " + fs,
            "No job security group lets NFS out to mount target " + ep.id() + ".",
            new Change.AuthorizeEgress(GroupRef.existing(jobGroup), Rule.tcp(2049, Change.Peer.group(GroupRef.existing(mtGroup)))));
      }
    }
  }

  // ---- FSx for Lustre --------------------------------------------------------------------------

  /**
   * The FSx guide's rules: an FSx group admits and sends the Lustre ports to itself and to the job,
   * the job's group admits and sends them to the FSx group. EFA-enabled: every protocol between the
   * FSx and job groups (by reference: EFA traffic is not IP).
   */
  private void fsx(Finding f, Target t, String jobGroup) {
    Optional<FsxFileSystem> fs = t.channel().fsx();
    if (fs.isEmpty()) {
      return;
    }
    Set<String> g = new LinkedHashSet<>();
    for (FsEndpoint ep : t.endpoints()) {
      if (ep.groups().isEmpty()) {
        return; // an interface's groups are unknown: the finding is advice
      }
      g.addAll(ep.groups().get());
    }
    if (g.isEmpty()) {
      return;
    }
    List<String> fsxGroups = List.copyOf(g);
    String fsxGroup = fsxGroups.get(0);
    String id = fs.get().fileSystemId();
    Optional<String> fsSubnet = fs.get().subnetIds().stream().findFirst();
    Peer self = FsPeers.fileSystemSubnet(p.net, id + "'s own security groups or subnet", fsSubnet, fsxGroups);
    Peer job = JobPeers.instancesIn(p.job, p.net, t.subnet().subnetId());
    Peer servers = FsPeers.endpoints(p.net, id + " (" + String.join(", ", fsxGroups) + ")", t.endpoints(), fsxGroups);
    boolean efa = fs.get().efaEnabled().orElse(false);
    String why = "Lustre needs TCP 988 and 1018-1023 between its clients and the file system in both directions "
        + "(FSx guide); without them the mount times out and the job fails.";
    lustre(f, fsxGroups, true, self, fsxGroup, fsxGroup, "itself", why);
    lustre(f, fsxGroups, false, self, fsxGroup, fsxGroup, "itself", why);
    if (efa) {
      String efaWhy = id + " is EFA-enabled: the FSx and job security groups must allow every protocol both ways "
          + "(EFA traffic is not IP, so only group references count).";
      all(f, fsxGroups, true, Peer.groups(jobGroups), fsxGroup, jobGroup, efaWhy);
      all(f, fsxGroups, false, Peer.groups(jobGroups), fsxGroup, jobGroup, efaWhy);
      all(f, jobGroups, true, Peer.groups(fsxGroups), jobGroup, fsxGroup, efaWhy);
      all(f, jobGroups, false, Peer.groups(fsxGroups), jobGroup, fsxGroup, efaWhy);
      return;
    }
    lustre(f, fsxGroups, true, job, fsxGroup, jobGroup, jobGroup, why);
    lustre(f, fsxGroups, false, job, fsxGroup, jobGroup, jobGroup, why);
    lustre(f, jobGroups, true, servers, jobGroup, fsxGroup, fsxGroup + " (Lustre servers also connect to clients)", why);
    lustre(f, jobGroups, false, servers, jobGroup, fsxGroup, fsxGroup, why);
  }

  /** The Lustre port ranges {@code groups} do not allow from/to {@code peer}, added to {@code group} referencing {@code reference}. */
  private void lustre(Finding f, List<String> groups, boolean ingress, Peer peer, String group, String reference,
      String referenceText, String why) {
    for (Traffic t : LUSTRE) {
      SgDecision d = ingress ? sgs.ingress(groups, t, peer) : sgs.egress(groups, t, peer);
      if (!d.denied()) {
        continue;
      }
      Rule rule = Rule.tcp(t.fromPort(), t.toPort(), Change.Peer.group(GroupRef.existing(reference)));
      add(f, "Let " + group + (ingress ? " admit " : " send ") + t + (ingress ? " from " : " to ") + referenceText
          + " (FSx for Lustre)", why, ingress ? new Change.AuthorizeIngress(GroupRef.existing(group), rule)
          : new Change.AuthorizeEgress(GroupRef.existing(group), rule));
    }
  }

  private void all(Finding f, List<String> groups, boolean ingress, Peer peer, String group, String reference, String why) {
    SgDecision d = ingress ? sgs.ingress(groups, Traffic.allProtocols(), peer) : sgs.egress(groups, Traffic.allProtocols(), peer);
    if (!d.denied()) {
      return;
    }
    Rule rule = Rule.allTraffic(Change.Peer.group(GroupRef.existing(reference)));
    add(f, "Let " + group + (ingress ? " admit all traffic from " : " send all traffic to ") + reference + " (EFA-enabled FSx)",
        why, ingress ? new Change.AuthorizeIngress(GroupRef.existing(group), rule)
            : new Change.AuthorizeEgress(GroupRef.existing(group), rule));
  }

  // ---- network ACLs ----------------------------------------------------------------------------

  /**
   * The flows of a mount, both ACLs, both directions: EFS TCP 2049 from the job with replies on
   * 1024-65535; Lustre TCP 988 and 1018-1023 each way (servers connect to clients too) with replies
   * to the reserved ports 512-1023.
   */
  private void acls(AclFixes acls, Finding f, Target t) {
    NetworkAclEvaluator eval = ReachContext.acls(p.rules);
    String jobSubnet = t.subnet().subnetId();
    Peer job = JobPeers.instancesIn(p.job, p.net, jobSubnet);
    for (FsEndpoint ep : t.endpoints()) {
      if (ep.subnetId().isEmpty()) {
        continue;
      }
      Peer server = FsPeers.endpoints(p.net, FsPeers.describe(ep), List.of(ep), ep.groups().orElse(List.of()));
      if (t.channel().isEfs()) {
        acls.need(f, eval.flow(jobSubnet, job, ep.subnetId(), server, NFS, NFS.returnTraffic()));
        continue;
      }
      for (Traffic lustre : LUSTRE) {
        acls.need(f, eval.flow(jobSubnet, job, ep.subnetId(), server, lustre, AclFixes.LUSTRE_REPLIES));
        acls.need(f, eval.flow(ep.subnetId().get(), server, Optional.of(jobSubnet), job, lustre, AclFixes.LUSTRE_REPLIES));
      }
    }
  }

  // ---- shared ----------------------------------------------------------------------------------

  private void add(Finding f, String title, String why, Change change) {
    p.add(f.severity(), List.of(f.ruleId()), title, why, change);
    acted.add(f);
  }

  /**
   * Findings nothing could be planned for (groups or ACLs unknown, no job group) get their own
   * remediation as advice when another finding of the same rule got a change (else the general
   * advice covers them).
   */
  private void adviseTheRest() {
    for (String rule : List.of(EFS_SG, FSX_SG, NACL)) {
      for (Finding f : p.failing(rule)) {
        if (acted.contains(f) || !p.handled.contains(rule)) {
          continue;
        }
        p.add(f.severity(), List.of(rule), "Fix " + rule + " (" + String.join(", ", f.resources()) + ")",
            f.message() + " vpctrain could not derive the exact change from the snapshot.",
            new Change.Advice(f.remediation().orElse("See " + f.doc() + ".")));
      }
    }
  }

  /**
   * The job subnets and channels a finding concerns: those its resources name (a finding names its
   * job subnet and file system), else every job subnet and every channel of the type.
   */
  private List<Target> targets(Finding f, Predicate<FileSystemChannel> type) {
    List<FileSystemChannel> channels = FileSystemChannels.of(p.rules).stream().filter(type).toList();
    List<FileSystemChannel> named = channels.stream().filter(c -> f.resources().contains(c.fileSystemId())).toList();
    List<String> subnets = JobPeers.subnets(p.job);
    List<String> namedSubnets = subnets.stream().filter(f.resources()::contains).toList();
    List<Target> out = new ArrayList<>();
    for (String s : namedSubnets.isEmpty() ? subnets : namedSubnets) {
      Optional<Subnet> subnet = p.net.subnet(s);
      if (subnet.isEmpty()) {
        continue;
      }
      for (FileSystemChannel c : named.isEmpty() ? channels : named) {
        Endpoints eps = c.endpointsFor(subnet.get());
        if (eps.isKnown()) {
          out.add(new Target(subnet.get(), c, eps.endpoints()));
        }
      }
    }
    return out;
  }

  /** One job subnet, one channel and the endpoints the subnet mounts. */
  private record Target(Subnet subnet, FileSystemChannel channel, List<FsEndpoint> endpoints) {}
}
