package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.HostPort;
import dev.vpctrain.core.job.RepositoryAccessMode;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.internal.reach.AclDecision;
import dev.vpctrain.core.internal.reach.EgressPath;
import dev.vpctrain.core.internal.reach.Ipv4RangeSet;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.NatForwarding;
import dev.vpctrain.core.internal.reach.NatHealth;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.cluster.Commands;
import dev.vpctrain.core.internal.rules.request.RegistryHost;
import dev.vpctrain.core.internal.rules.s3.S3Buckets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code egress.nat.nacl-blocked}: network ACLs apply at every subnet boundary, so the ACL of a NAT
 * gateway's own subnet must pass what the gateway forwards for the job — the request in from the
 * job subnet and out to the destination, the replies in from the destination (1024–65535) and out
 * to the job subnet (1024–65535). Checked for everything the job reaches through the NAT gateway:
 * S3 (when its path is the NAT gateway), AWS services without a usable interface endpoint, internet
 * destinations and a registry pulled in {@code Vpc} mode. The verdict itself lives in the reach
 * analysis ({@code NAT_BLOCKED} paths), so every rule that relies on a NAT path sees it.
 */
public final class EgressNatNaclBlocked extends EgressRule {
  private static final Pattern RULE_NUMBER = Pattern.compile("--rule-number (\\d+)");

  public EgressNatNaclBlocked() {
    super("egress.nat.nacl-blocked", Severity.ERROR,
        "The network ACL of each NAT gateway's own subnet passes the traffic it forwards for the job");
  }

  /** One thing the job reaches through a NAT gateway from one subnet. */
  private static final class Need {
    final String what;
    final NatForwarding forwarding;

    Need(String what, NatForwarding forwarding) {
      this.what = what;
      this.forwarding = forwarding;
    }
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, OutsideAccess oa) {
    Map<String, List<Need>> blockedByNat = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    Set<String> unknownRes = new LinkedHashSet<>();
    Set<String> passed = new LinkedHashSet<>();
    for (String subnet : oa.subnets()) {
      EgressPath def = oa.internetPath(subnet);
      if (def.nat().isEmpty() || def.nat().get().status() == NatHealth.Status.UNHEALTHY) {
        continue; // no NAT gateway, or one egress.nat.misplaced reports
      }
      for (Need n : needs(ctx, oa, subnet)) {
        switch (n.forwarding.result()) {
          case NO:
            blockedByNat.computeIfAbsent(n.forwarding.natGatewayId(), k -> new ArrayList<>()).add(n);
            break;
          case UNKNOWN:
            unknown.add(n.what + " from " + subnet + ": " + n.forwarding.describe());
            unknownRes.add(subnet);
            unknownRes.add(n.forwarding.natGatewayId());
            break;
          default:
            passed.add(n.forwarding.natGatewayId());
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    blockedByNat.forEach((nat, needs) -> out.add(failure(ctx, nat, needs)));
    if (!unknown.isEmpty()) {
      out.add(unverified("Whether the network ACL of a NAT gateway's subnet passes what it forwards for the job is unknown: "
          + String.join("; ", unknown) + ".", null, unknownRes.toArray(new String[0])));
    }
    if (out.isEmpty()) {
      return one(pass(passed.isEmpty()
          ? "The job reaches nothing through a working NAT gateway, so no NAT subnet's network ACL is on its path."
          : "The network ACLs of the subnets of " + String.join(", ", passed) + " pass what the NAT gateway"
              + (passed.size() == 1 ? "" : "s") + " forward for the job, and the replies.",
          oa.subnets().toArray(new String[0])));
    }
    return out;
  }

  /** What the job reaches through the NAT gateway of {@code subnet}'s default route, with the ACL's verdict. */
  private static List<Need> needs(RuleContext ctx, OutsideAccess oa, String subnet) {
    List<Need> out = new ArrayList<>();
    if (!ctx.job().s3Accesses().isEmpty()) {
      Set<String> regions = new LinkedHashSet<>();
      for (String b : ctx.job().buckets()) {
        regions.add(S3Buckets.region(ctx, b).orElse(ctx.region()));
      }
      for (String region : regions) {
        S3Path p = oa.reach().s3Path(subnet, region);
        if (p.natForwarding().isPresent()) {
          out.add(new Need("S3" + (region.equals(ctx.region()) ? "" : " in " + region) + " (TCP 443)", p.natForwarding().get()));
        }
      }
    }
    List<String> services = new ArrayList<>();
    for (AwsService s : oa.services()) {
      if (!oa.endpoint(s).isYes()) {
        services.add(s.endpointName());
      }
    }
    if (!services.isEmpty()) {
      oa.servicePath(subnet).natForwarding()
          .ifPresent(f -> out.add(new Need("AWS service" + (services.size() == 1 ? " " : "s ") + String.join(", ", services)
              + " (TCP 443)", f)));
    }
    for (HostPort h : oa.internet()) {
      oa.internetPath(subnet, h).natForwarding().ifPresent(f -> out.add(new Need(h + " (TCP " + h.port() + ")", f)));
    }
    registry(ctx, oa, subnet).ifPresent(out::add);
    return out;
  }

  /** The training image's registry when it is pulled through the job subnets from a public address. */
  private static Optional<Need> registry(RuleContext ctx, OutsideAccess oa, String subnet) {
    boolean vpcMode = ctx.job().repositoryAccessMode().map(m -> m == RepositoryAccessMode.VPC).orElse(false);
    if (!vpcMode || ctx.job().trainingImage().map(String::isBlank).orElse(true)) {
      return Optional.empty();
    }
    RegistryHost r = RegistryHost.of(ctx.job().trainingImage().get());
    if (r.isEcr() || r.isPrivateName()) {
      return Optional.empty();
    }
    Traffic t = Traffic.tcp(r.port());
    EgressPath p;
    if (r.isAddress()) {
      int address = Cidr.parseIpv4Address(r.host());
      p = oa.reach().pathTo(subnet, address, t,
          Peer.addresses("registry " + r, Ipv4RangeSet.of(List.of(Cidr.ipv4Host(address)))));
    } else {
      p = oa.reach().internetPath(subnet, t, Peer.internetHost(r.host()));
    }
    return p.natForwarding().map(f -> new Need("registry " + r + " (TCP " + r.port() + ")", f));
  }

  private Finding failure(RuleContext ctx, String nat, List<Need> needs) {
    NatForwarding first = needs.get(0).forwarding;
    String natSubnet = first.natSubnetId().orElse("?");
    String aclId = first.networkAclId().orElse("?");
    Set<String> res = new LinkedHashSet<>(List.of(nat, natSubnet, aclId));
    List<String> parts = new ArrayList<>();
    Set<String> fixes = new LinkedHashSet<>();
    Optional<NetworkAcl> found = ReachContext.acls(ctx).aclOf(natSubnet);
    NetworkAcl acl = found.orElse(null);
    for (Need n : needs) {
      NatForwarding f = n.forwarding;
      res.add(f.sourceSubnetId());
      List<String> why = new ArrayList<>();
      for (AclDecision d : f.denials()) {
        why.add(d.describe());
        if (acl != null) {
          String cmd = fix(ctx, acl, f, d);
          if (fixes.add(cmd)) {
            acl = withEntryOf(acl, cmd, d);
          }
        }
      }
      parts.add(n.what + " from " + f.sourceSubnetId() + ": " + String.join("; ", why));
    }
    return fail("Network ACL " + aclId + " of subnet " + natSubnet + ", where NAT gateway " + nat + " sits, blocks what the "
            + "gateway forwards for the job (ACLs apply at every subnet boundary the packets cross, so this is no NAT path): "
            + String.join(" | ", parts) + ".",
        "Let the NAT gateway's subnet pass the forwarded traffic and its replies: " + String.join("; ", fixes)
            + ". (Or give the job subnets a path that avoids the NAT gateway, such as an S3 gateway endpoint or interface endpoints.)",
        res.toArray(new String[0]));
  }

  /** {@code acl} with the entry {@code command} adds, so that the next command picks another rule number. */
  private static NetworkAcl withEntryOf(NetworkAcl acl, String command, AclDecision d) {
    Matcher m = RULE_NUMBER.matcher(command);
    if (!m.find()) {
      return acl;
    }
    AclEntry added = AclEntry.builder().ruleNumber(Integer.parseInt(m.group(1))).egress(d.egress()).protocol("6").allow(true)
        .cidrBlock("255.255.255.255/32").build();
    return NetworkAcl.builder().from(acl).addEntries(added).build();
  }

  /** The allow entry that lets {@code d}'s packets through, ahead of the entry that denies them. */
  private static String fix(RuleContext ctx, NetworkAcl acl, NatForwarding f, AclDecision d) {
    boolean request = d.traffic().equals(f.traffic());
    boolean jobSide = request != d.egress(); // request in from the job, or replies out to the job
    String cidr = "0.0.0.0/0";
    if (jobSide) {
      cidr = JobPeers.subnetCidr(ctx.network(), f.sourceSubnetId()).map(Cidr::toString).orElse("<" + f.sourceSubnetId() + " CIDR>");
    }
    int before = d.denyingEntry().map(AclEntry::ruleNumber).orElse(32767);
    return Commands.aclAllow(acl, d.egress(), before, d.traffic(), cidr);
  }
}
