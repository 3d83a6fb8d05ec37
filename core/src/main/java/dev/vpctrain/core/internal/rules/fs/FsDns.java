package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.internal.rules.vpc.JobVpc;
import dev.vpctrain.core.internal.rules.vpc.VpcDhcpDnsUnreachable;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code fs.dns}: mounting EFS or FSx by DNS name needs the VPC's {@code enableDnsHostnames} and the
 * Amazon DNS server (EFS and FSx guides). Whether SageMaker mounts by name or by address is not
 * documented, so hostnames off or custom {@code domain-name-servers} are UNVERIFIED, never FAIL.
 */
public final class FsDns extends FsRule {
  public FsDns() {
    super("fs.dns", Severity.ERROR, "The VPC resolves the file systems' DNS names (DNS hostnames on, Amazon DNS)");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> channels) {
    NetworkSnapshot n = ctx.network();
    Optional<String> vpcId = JobVpc.vpcId(ctx);
    String[] fsIds = channels.stream().map(FileSystemChannel::fileSystemId).distinct().toArray(String[]::new);
    String systems = String.join(", ", fsIds);
    if (vpcId.isEmpty()) {
      return one(unverified("Whether the job's VPC resolves the DNS names of " + systems + " is unknown: the VPC is not known ("
          + JobVpc.whyUnknown(ctx) + ").", null, fsIds));
    }
    String id = vpcId.get();
    Optional<Vpc> vpc = n.vpc(id);
    if (vpc.isEmpty() || vpc.get().enableDnsHostnames().isEmpty()) {
      return one(unverified("Whether " + id + " has DNS hostnames enabled, needed to mount " + systems + " by DNS name, is unknown: "
          + (vpc.isEmpty() ? n.unknownReason(Section.VPCS) : n.unknownReason(Section.VPC_ATTRIBUTES)) + ".",
          null, resources(id, fsIds)));
    }
    List<String> problems = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    List<String> res = new ArrayList<>();
    res.add(id);
    if (!vpc.get().enableDnsHostnames().get()) {
      problems.add(id + " has enableDnsHostnames off");
      fixes.add("aws ec2 modify-vpc-attribute --vpc-id " + id + " --enable-dns-hostnames \"{\\\"Value\\\":true}\"");
    }
    Optional<String> dopt = vpc.get().dhcpOptionsId();
    if (dopt.isEmpty()) {
      return one(unverified("The DHCP option set of " + id + " is not in the snapshot, so whether the file systems' DNS names "
          + "resolve is unknown.", null, resources(id, fsIds)));
    }
    if (!dopt.get().equalsIgnoreCase("default")) {
      Optional<DhcpOptions> set = n.dhcpOptionSet(dopt.get());
      if (set.isEmpty()) {
        return one(unverified("The DNS servers of DHCP option set " + dopt.get() + " of " + id + " are not known: "
            + (n.has(Section.DHCP_OPTIONS) ? "the set is not in the snapshot" : n.unknownReason(Section.DHCP_OPTIONS)) + ".",
            null, resources(id, fsIds, dopt.get())));
      }
      List<String> custom = VpcDhcpDnsUnreachable.customServers(VpcDhcpDnsUnreachable.servers(set.get()), vpc.get());
      if (!custom.isEmpty()) {
        res.add(dopt.get());
        problems.add("DHCP option set " + dopt.get() + " names DNS server(s) " + String.join(", ", custom)
            + " other than AmazonProvidedDNS, which may not resolve the file systems' names");
        fixes.add("use AmazonProvidedDNS in the VPC's DHCP options, or have " + String.join(", ", custom)
            + " forward amazonaws.com queries to the VPC resolver (Route 53 Resolver)");
      }
    }
    for (String f : fsIds) {
      res.add(f);
    }
    if (problems.isEmpty()) {
      return one(pass(id + " has DNS hostnames on and uses the Amazon DNS server, so the DNS names of " + systems + " resolve.",
          res.toArray(String[]::new)));
    }
    return one(unverified(String.join("; ", problems) + ". Mounting " + systems + " by DNS name needs both DNS hostnames and "
            + "the Amazon DNS server (EFS and FSx guides); whether SageMaker mounts by DNS name or by address is not documented.",
        "Fix it (" + String.join("; ", fixes) + "), or, if you know the mount works, accept it: --accept-unverified fs.dns="
            + fsIds[0] + ".",
        res.toArray(String[]::new)));
  }

  private static String[] resources(String vpcId, String[] fsIds, String... more) {
    List<String> out = new ArrayList<>();
    out.add(vpcId);
    out.addAll(List.of(more));
    out.addAll(List.of(fsIds));
    return out.toArray(String[]::new);
  }
}
