package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides {@link InterfaceEndpointUse}: name resolution, then TCP 443 through both sides' security groups. */
final class InterfaceEndpointUseCheck {
  private static final Traffic HTTPS = Traffic.tcp(443);

  private InterfaceEndpointUseCheck() {}

  static InterfaceEndpointUse evaluate(NetworkSnapshot network, SecurityGroupEvaluator sgs, List<String> jobGroups,
      VpcEndpoint e, String subnetId) {
    String id = e.vpcEndpointId();
    List<String> problems = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    if (e.state().isEmpty()) {
      unknowns.add("the state of interface endpoint " + id + " was not captured");
    } else if (!e.isAvailable()) {
      problems.add("interface endpoint " + id + " is " + e.state().get() + ", not available");
    }
    if (!e.privateDnsEnabled()) {
      problems.add("the private DNS of interface endpoint " + id + " is off");
    }
    vpcDns(network, e.vpcId(), problems, unknowns);

    List<String> epGroups = e.groupIds();
    Tri ingress;
    String ingressDetail;
    Tri egress;
    String egressDetail;
    if (jobGroups == null) {
      ingress = Tri.UNKNOWN;
      egress = Tri.UNKNOWN;
      ingressDetail = "the job's security groups are not known to this analysis";
      egressDetail = ingressDetail;
    } else {
      String jobList = String.join(", ", jobGroups);
      if (epGroups.isEmpty()) {
        ingress = Tri.UNKNOWN;
        ingressDetail = "the security groups of interface endpoint " + id + " are not in the snapshot";
      } else {
        SgDecision d = sgs.ingress(epGroups, HTTPS, jobIn(network, jobGroups, subnetId));
        ingress = d.result();
        String groups = String.join(", ", epGroups);
        ingressDetail = d.allowed()
            ? "security group " + String.join(", ", d.allowedBy()) + " of interface endpoint " + id + " admits TCP 443 from the job"
            : d.denied()
                ? "the security groups of interface endpoint " + id + " (" + groups + ") do not admit TCP 443 from the job's "
                    + "instances in " + subnetId + " (neither from the job's groups " + jobList + " nor from a CIDR covering "
                    + subnetId + ")"
                : "whether the security groups of interface endpoint " + id + " (" + groups + ") admit TCP 443 from the job's "
                    + "instances in " + subnetId + " is unknown: " + d.unknownReason();
      }
      SgDecision d = sgs.egress(jobGroups, HTTPS, endpointPeer(network, e));
      egress = d.result();
      egressDetail = d.allowed()
          ? "security group " + String.join(", ", d.allowedBy()) + " lets TCP 443 out to interface endpoint " + id
          : d.denied()
              ? "the job's security groups (" + jobList + ") do not let TCP 443 out to interface endpoint " + id
                  + " (neither to its groups " + (epGroups.isEmpty() ? "(unknown)" : String.join(", ", epGroups))
                  + " nor to CIDRs covering its subnets)"
              : "whether the job's security groups (" + jobList + ") let TCP 443 out to interface endpoint " + id
                  + " is unknown: " + d.unknownReason();
    }
    return new InterfaceEndpointUse(e, subnetId, problems, unknowns, ingress, ingressDetail, egress, egressDetail);
  }

  private static void vpcDns(NetworkSnapshot network, String vpcId, List<String> problems, List<String> unknowns) {
    if (!network.has(Section.VPCS)) {
      unknowns.add("the DNS attributes of " + vpcId + " are unknown: " + network.unknownReason(Section.VPCS));
      return;
    }
    Optional<Vpc> vpc = network.vpc(vpcId);
    if (vpc.isEmpty()) {
      unknowns.add("VPC " + vpcId + " is not in the snapshot, so its DNS attributes are unknown");
      return;
    }
    Optional<Boolean> support = vpc.get().enableDnsSupport();
    Optional<Boolean> hostnames = vpc.get().enableDnsHostnames();
    if (support.isPresent() && !support.get()) {
      problems.add(vpcId + " has enableDnsSupport off");
    }
    if (hostnames.isPresent() && !hostnames.get()) {
      problems.add(vpcId + " has enableDnsHostnames off");
    }
    if (support.isEmpty() || hostnames.isEmpty()) {
      unknowns.add((support.isEmpty() && hostnames.isEmpty() ? "enableDnsSupport and enableDnsHostnames"
          : support.isEmpty() ? "enableDnsSupport" : "enableDnsHostnames") + " of " + vpcId + " "
          + (support.isEmpty() && hostnames.isEmpty() ? "are" : "is") + " unknown: " + network.unknownReason(Section.VPC_ATTRIBUTES));
    }
  }

  /** The job's instances in {@code subnetId}: its groups, and every address of the subnet. */
  private static Peer jobIn(NetworkSnapshot network, List<String> jobGroups, String subnetId) {
    Optional<Cidr> c = JobPeers.subnetCidr(network, subnetId);
    Peer.Builder b = Peer.builder("the job's instances in " + subnetId).groups(jobGroups);
    return c.isPresent() ? b.every(Ipv4RangeSet.of(List.of(c.get()))).build() : b.some(Ipv4RangeSet.ALL).build();
  }

  /** The endpoint's interfaces: its groups, and an address somewhere in its subnets. */
  private static Peer endpointPeer(NetworkSnapshot network, VpcEndpoint e) {
    List<Cidr> blocks = new ArrayList<>();
    boolean known = !e.subnetIds().isEmpty();
    for (String s : e.subnetIds()) {
      Optional<Cidr> c = JobPeers.subnetCidr(network, s);
      if (c.isPresent()) {
        blocks.add(c.get());
      } else {
        known = false;
      }
    }
    Peer.Builder b = Peer.builder("S3 interface endpoint " + e.vpcEndpointId()).groups(e.groupIds());
    if (e.groupIds().isEmpty()) {
      b.groupsUnknown();
    }
    return b.some(known ? Ipv4RangeSet.of(blocks) : Ipv4RangeSet.ALL).build();
  }
}
