package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.SecurityGroupEvaluator;
import dev.vpctrain.core.internal.reach.SgDecision;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.internal.rules.cluster.Commands;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannel.Endpoints;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannel.FsEndpoint;
import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fs.fsx.security-group}: per job subnet and FSx for Lustre channel, the security groups
 * of the file system (the {@code Groups} of its network interfaces: FSx does not list them) and of
 * the job must let Lustre traffic flow both ways (FSx guide):
 * <ul>
 *   <li>an FSx group admits TCP 988 and 1018–1023 from itself (or the file system subnet's CIDR) and
 *       from a job group (or a CIDR covering the job subnet);</li>
 *   <li>the FSx groups' egress allows the same ports to themselves and to the job;</li>
 *   <li>a job group admits those ports from the FSx groups (Lustre servers connect to clients) and
 *       lets them out to the FSx groups or addresses.</li>
 * </ul>
 * A block of 988 or 1021–1023 is an ERROR; of 1018–1020 only, a WARNING of the same id (the 2023 FSx
 * guide named 1021–1023 only). With {@code EfaEnabled: true} the FSx groups and the job groups must
 * also allow all protocols both ways by group reference, as for {@code sg.efa.self-traffic}.
 */
public final class FsFsxSecurityGroup extends FsRule {
  public FsFsxSecurityGroup() {
    super("fs.fsx.security-group", Severity.ERROR,
        "The FSx for Lustre and job security groups allow TCP 988 and 1018-1023 both ways",
        FileSystemChannel::isLustre, "The job has no FSx for Lustre channel.");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> lustre) {
    List<String> jobGroups = JobPeers.groups(ctx.job());
    if (jobGroups.isEmpty()) {
      return one(unverified("The job names no security group, so the Lustre ports between the job and its file systems "
          + "cannot be checked (request.vpc-config.partial reports the request).", null));
    }
    NetworkSnapshot n = ctx.network();
    List<Finding> out = new ArrayList<>();
    List<String> passed = new ArrayList<>();
    for (FileSystemChannel c : lustre) {
      Optional<FsxFileSystem> fs = c.fsx();
      if (fs.isEmpty()) {
        out.add(unverified("The security groups of " + c.label() + " are unknown: "
            + (n.has(Section.FSX_FILE_SYSTEMS) ? "fsx.DescribeFileSystems does not list it (see fs.not-found)"
                : n.unknownReason(Section.FSX_FILE_SYSTEMS)) + ".", null, c.fileSystemId()));
        continue;
      }
      if (!fs.get().isLustre()) {
        continue; // fs.not-found reports the type
      }
      for (String s : JobSubnets.evaluable(ctx)) {
        Optional<Subnet> subnet = n.subnet(s);
        if (subnet.isEmpty()) {
          out.add(unverified("Job subnet " + s + " is not in the snapshot ("
              + (n.has(Section.SUBNETS) ? "see vpc.resource.not-found" : n.unknownReason(Section.SUBNETS))
              + "), so the Lustre ports from it to " + c.label() + " cannot be checked.", null, s, c.fileSystemId()));
          continue;
        }
        Endpoints eps = c.endpointsFor(subnet.get());
        if (!eps.isKnown()) {
          List<String> res = new ArrayList<>(List.of(s, c.fileSystemId()));
          res.addAll(fs.get().networkInterfaceIds());
          out.add(unverified("The security groups of " + c.label() + " are unknown: " + eps.unknownReason().orElse("")
                  + " (FSx lists its network interfaces, not its security groups: they are the Groups of those "
                  + "interfaces in ec2.DescribeNetworkInterfaces).",
              "Capture the file system's interfaces: aws ec2 describe-network-interfaces --network-interface-ids "
                  + String.join(" ", fs.get().networkInterfaceIds()),
              res.toArray(new String[0])));
          continue;
        }
        Check check = new Check(ctx, c, fs.get(), s, eps.endpoints(), jobGroups);
        List<Finding> found = check.findings();
        if (found.isEmpty()) {
          passed.add(s + " and " + c.fileSystemId() + " (" + String.join(", ", check.fsxGroups) + ")");
        }
        out.addAll(found);
      }
    }
    if (out.isEmpty()) {
      return one(pass("The security groups let Lustre traffic (TCP 988 and 1018-1023) flow both ways between every job "
          + "subnet and its FSx for Lustre file system: " + String.join("; ", passed) + ".",
          JobSubnets.ids(ctx).toArray(new String[0])));
    }
    return out;
  }

  /** One job subnet and one file system: every requirement, per Lustre port group. */
  private final class Check {
    final List<String> fsxGroups;
    final List<String> jobGroups;
    final String subnet;
    final FileSystemChannel channel;
    final List<Missing> missing = new ArrayList<>();
    final List<String> unknownRequired = new ArrayList<>();
    final List<String> unknownOptional = new ArrayList<>();
    final Set<String> resources = new LinkedHashSet<>();

    Check(RuleContext ctx, FileSystemChannel c, FsxFileSystem fs, String subnet, List<FsEndpoint> eps, List<String> jobGroups) {
      this.channel = c;
      this.subnet = subnet;
      this.jobGroups = jobGroups;
      Set<String> g = new LinkedHashSet<>();
      eps.forEach(ep -> ep.groups().ifPresent(g::addAll));
      this.fsxGroups = List.copyOf(g);
      resources.add(subnet);
      resources.add(c.fileSystemId());
      NetworkSnapshot n = ctx.network();
      SecurityGroupEvaluator sgs = ReachContext.securityGroups(ctx);
      String fsxList = fsxGroups.isEmpty() ? "none" : String.join(", ", fsxGroups);
      String jobList = String.join(", ", jobGroups);
      String fsxSg = fsxGroups.isEmpty() ? "<sg-… of " + c.fileSystemId() + ">" : fsxGroups.get(0);
      String jobSg = jobGroups.get(0);
      Optional<String> fsSubnet = fs.subnetIds().stream().findFirst();
      Peer self = FsPeers.fileSystemSubnet(n, c.fileSystemId() + "'s own security groups or subnet "
          + fsSubnet.orElse("(unknown)"), fsSubnet, fsxGroups);
      Peer job = ReachContext.jobInstancesIn(ctx, subnet);
      Peer servers = FsPeers.endpoints(n, c.fileSystemId() + " (" + fsxList + ")", eps, fsxGroups);
      String fsxDesc = "the FSx security groups (" + fsxList + ")";
      String jobDesc = "the job's security groups (" + jobList + ")";
      Side fsx = new Side(fsxGroups, fsxSg);
      Side client = new Side(jobGroups, jobSg);
      tcp(sgs, fsxDesc + " admit no inbound %s from themselves or the file system's subnet CIDR", fsx, true, fsxSg, self);
      tcp(sgs, fsxDesc + " admit no inbound %s from a job security group or a CIDR covering " + AT, fsx, true, jobSg, job);
      tcp(sgs, fsxDesc + " allow no outbound %s to themselves or the file system's subnet CIDR", fsx, false, fsxSg, self);
      tcp(sgs, fsxDesc + " allow no outbound %s to the job's instances in " + AT, fsx, false, jobSg, job);
      tcp(sgs, jobDesc + " admit no inbound %s from the FSx security groups or addresses (Lustre servers connect to "
          + "clients too)", client, true, fsxSg, servers);
      tcp(sgs, jobDesc + " allow no outbound %s to the FSx security groups or addresses", client, false, fsxSg, servers);
      if (fs.efaEnabled().orElse(false)) {
        Peer jobRefs = Peer.groups(jobGroups);
        Peer fsxRefs = Peer.groups(fsxGroups);
        String efa = " (the file system is EFA-enabled: EFA traffic is not IP, so only group references count)";
        all(sgs, fsxDesc + " admit no inbound all traffic from a job security group" + efa, fsx, true, jobSg, jobRefs);
        all(sgs, fsxDesc + " allow no outbound all traffic to a job security group" + efa, fsx, false, jobSg, jobRefs);
        all(sgs, jobDesc + " admit no inbound all traffic from an FSx security group" + efa, client, true, fsxSg, fsxRefs);
        all(sgs, jobDesc + " allow no outbound all traffic to an FSx security group" + efa, client, false, fsxSg, fsxRefs);
      }
    }

    /** One requirement over the three Lustre port groups. */
    private void tcp(SecurityGroupEvaluator sgs, String text, Side side, boolean ingress, String reference, Peer peer) {
      List<String> groups = side.groups();
      List<LustrePorts> blocked = new ArrayList<>();
      List<LustrePorts> unknown = new ArrayList<>();
      Set<String> reasons = new LinkedHashSet<>();
      for (LustrePorts p : LustrePorts.values()) {
        SgDecision d = ingress ? sgs.ingress(groups, p.traffic(), peer) : sgs.egress(groups, p.traffic(), peer);
        if (d.denied()) {
          blocked.add(p);
        } else if (d.result() == Tri.UNKNOWN) {
          unknown.add(p);
          reasons.addAll(d.unknowns());
        }
      }
      if (!unknown.isEmpty()) {
        boolean anyRequired = unknown.stream().anyMatch(p -> p.required);
        (anyRequired ? unknownRequired : unknownOptional).add("whether " + String.format(text, LustrePorts.describe(unknown))
            .replaceFirst(" (admit|allow) no ", " $1 ") + " is unknown: " + String.join("; ", reasons));
      }
      if (!blocked.isEmpty()) {
        missing.add(new Missing(text, side.first(), ingress, reference, blocked, false));
      }
    }

    /** One all-protocols requirement of an EFA-enabled file system (required). */
    private void all(SecurityGroupEvaluator sgs, String text, Side side, boolean ingress, String reference, Peer peer) {
      List<String> groups = side.groups();
      SgDecision d = ingress ? sgs.ingress(groups, Traffic.allProtocols(), peer) : sgs.egress(groups, Traffic.allProtocols(), peer);
      if (d.denied()) {
        missing.add(new Missing(text, side.first(), ingress, reference, List.of(), true));
      } else if (d.result() == Tri.UNKNOWN) {
        unknownRequired.add("whether " + text.replaceFirst(" (admit|allow) no ", " $1 ") + " is unknown: " + d.unknownReason());
      }
    }

    List<Finding> findings() {
      List<Missing> required = missing.stream().filter(Missing::required).toList();
      List<Finding> out = new ArrayList<>();
      if (!required.isEmpty()) {
        out.add(grouped(fail(Severity.ERROR, "", remediation(missing, false), res()), message(missing, unknownRequired)));
        return out;
      }
      if (!unknownRequired.isEmpty()) {
        List<String> all = new ArrayList<>(unknownRequired);
        all.addAll(unknownOptional);
        out.add(grouped(unverified("", null, res()), "Whether " + channel.label() + " can be mounted from job " + SUBJECT
            + " is unknown: " + String.join("; ", all) + "."));
      }
      if (!missing.isEmpty()) {
        List<String> parts = new ArrayList<>();
        missing.forEach(m -> parts.add(String.format(m.text, LustrePorts.describe(m.ports))));
        out.add(grouped(fail(Severity.WARNING, "", remediation(missing, true), res()), channel.label()
            + " lacks TCP 1018-1020 from job " + SUBJECT + ": " + String.join("; ", parts) + ". The current FSx guide "
            + "requires TCP 988 and 1018-1023; the 2023 guide named 988 and 1021-1023 only, so the mount may work today, "
            + "but file systems that use 1018-1020 will time out."));
      } else if (!unknownOptional.isEmpty() && unknownRequired.isEmpty()) {
        out.add(grouped(finding(Outcome.UNVERIFIED, Severity.WARNING, "", null, res()), "Whether " + channel.label()
            + " gets TCP 1018-1020 from job " + SUBJECT + " is unknown: " + String.join("; ", unknownOptional) + "."));
      }
      return out;
    }

    /**
     * {@code f} with the message {@code text} for this subnet, and grouped with the other job subnets'
     * findings of the same text: the security groups are the cause, the same for every subnet, and the
     * remediation references groups, not the subnet. {@code text} names the subnet with
     * {@link #SUBJECT} and {@link #AT}; a text whose reasons name the subnet otherwise stays alone.
     */
    private Finding grouped(Finding f, String text) {
      String own = text.replace(SUBJECT, "subnet " + subnet).replace(AT, subnet);
      String group = text.replace(SUBJECT, "subnets " + Grouping.SUBJECTS).replace(AT, "each of them");
      return f.withMessage(own).withGrouping(Grouping.of(subnet, group));
    }

    private String message(List<Missing> all, List<String> unknowns) {
      List<String> parts = new ArrayList<>();
      for (Missing m : all) {
        parts.add(m.efa ? m.text : String.format(m.text, LustrePorts.describe(m.ports)));
      }
      String more = unknowns.isEmpty() ? "" : " Also unknown: " + String.join("; ", unknowns) + ".";
      return channel.label() + " cannot be mounted from job " + SUBJECT + ": " + String.join("; ", parts)
          + ". Lustre needs TCP 988 and 1018-1023 between its clients and the file system in both directions, as the FSx "
          + "guide says; without them the mount times out and the job fails." + more;
    }

    private String remediation(List<Missing> all, boolean optionalOnly) {
      List<String> cmds = new ArrayList<>();
      for (Missing m : all) {
        if (m.efa) {
          cmds.add(m.ingress ? Commands.ingressFromGroup(m.group, m.reference) : Commands.egressToGroup(m.group, m.reference));
          continue;
        }
        List<LustrePorts> ports = optionalOnly ? m.ports.stream().filter(p -> !p.required).toList() : m.ports;
        List<int[]> ranges = LustrePorts.ranges(ports);
        cmds.add(m.ingress ? FsCommands.tcpIngressFromGroup(m.group, ranges, m.reference)
            : FsCommands.tcpEgressToGroup(m.group, ranges, m.reference));
      }
      return "Add the missing rules, referencing the groups rather than CIDRs: " + String.join(" && ", cmds) + ".";
    }

    private String[] res() {
      Set<String> r = new LinkedHashSet<>(resources);
      for (Missing m : missing) {
        r.add(m.group);
        r.add(m.reference);
      }
      if (missing.isEmpty()) {
        r.addAll(fsxGroups);
        r.addAll(jobGroups);
      }
      return r.toArray(new String[0]);
    }
  }

  /** Where a finding's text names the job subnet as the subject of its sentence ({@code subnet …}). */
  private static final String SUBJECT = "{job-subnet}";

  /** Where a finding's text names the job subnet inside a requirement ({@code a CIDR covering …}). */
  private static final String AT = "{at-subnet}";

  /** The groups of one end and the one a remediation adds rules to. */
  private record Side(List<String> groups, String first) {}

  /** A requirement some of whose ports (or, for EFA, whose all-traffic rule) are not allowed. */
  private record Missing(String text, String group, boolean ingress, String reference, List<LustrePorts> ports, boolean efa) {
    boolean required() {
      return efa || ports.stream().anyMatch(p -> p.required);
    }
  }
}
