package dev.vpctrain.core.internal.rules.cluster;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.internal.reach.AclDecision;
import dev.vpctrain.core.internal.reach.Ipv4RangeSet;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.NetworkAclEvaluator;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code nacl.cluster.blocked}: for a distributed job, the network ACLs of the job subnets must
 * let all traffic (every protocol and port: the cluster uses many) pass between every two
 * different job subnets, both ways (ACLs are
 * stateless: the sender's outbound and the receiver's inbound entries both apply, for requests
 * and replies alike). Traffic inside one subnet never passes an ACL.
 */
public final class NaclClusterBlocked extends BaseRule {
  public NaclClusterBlocked() {
    super("nacl.cluster.blocked", Severity.WARNING,
        "The job subnets' network ACLs let traffic pass between different job subnets (distributed jobs)");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job does not run in a VPC."));
    }
    if (!ctx.job().isDistributed()) {
      return one(pass("The job runs on a single instance: no traffic flows between instances."));
    }
    List<String> subnets = JobPeers.subnets(ctx.job());
    if (subnets.size() < 2) {
      return one(pass("The job has one subnet: traffic inside a subnet never passes a network ACL.",
          subnets.toArray(new String[0])));
    }
    NetworkAclEvaluator acls = ReachContext.acls(ctx);
    Map<String, NetworkAcl> aclOf = new LinkedHashMap<>();
    Map<String, Peer> peerOf = new LinkedHashMap<>();
    Map<String, Cidr> cidrOf = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String s : subnets) {
      Optional<NetworkAcl> acl = acls.aclOf(s);
      Optional<Cidr> cidr = JobPeers.subnetCidr(ctx.network(), s);
      if (acl.isEmpty()) {
        unknown.add(acls.whyNoAcl(s));
      } else {
        aclOf.put(s, acl.get());
      }
      if (cidr.isEmpty()) {
        unknown.add(ctx.network().has(Section.SUBNETS)
            ? "the CIDR block of subnet " + s + " is not in the snapshot"
            : "the CIDR block of subnet " + s + " is unknown: " + ctx.network().unknownReason(Section.SUBNETS));
      } else {
        cidrOf.put(s, cidr.get());
        peerOf.put(s, Peer.addresses(s + " (" + cidr.get() + ")", Ipv4RangeSet.of(List.of(cidr.get()))));
      }
    }
    // Fast path: a subnet whose ACL passes all traffic to and from every other job subnet at once
    // needs no pairwise check in that direction.
    Map<String, Boolean> outOk = new LinkedHashMap<>();
    Map<String, Boolean> inOk = new LinkedHashMap<>();
    for (String s : subnets) {
      if (!aclOf.containsKey(s) || !cidrOf.containsKey(s)) {
        continue;
      }
      List<Cidr> others = new ArrayList<>();
      cidrOf.forEach((o, c) -> {
        if (!o.equals(s)) {
          others.add(c);
        }
      });
      if (others.isEmpty()) {
        continue;
      }
      Peer rest = Peer.addresses("the other job subnets", Ipv4RangeSet.of(others));
      outOk.put(s, acls.outbound(aclOf.get(s), Traffic.allProtocols(), rest).allowed());
      inOk.put(s, acls.inbound(aclOf.get(s), Traffic.allProtocols(), rest).allowed());
    }
    List<Finding> fails = new ArrayList<>();
    for (int i = 0; i < subnets.size(); i++) {
      for (int j = 0; j < subnets.size(); j++) {
        String from = subnets.get(i);
        String to = subnets.get(j);
        if (i == j || !aclOf.containsKey(from) || !aclOf.containsKey(to)
            || !peerOf.containsKey(from) || !peerOf.containsKey(to)) {
          continue;
        }
        NetworkAcl out = aclOf.get(from);
        NetworkAcl in = aclOf.get(to);
        if (outOk.getOrDefault(from, false) && inOk.getOrDefault(to, false)) {
          continue;
        }
        AclDecision sent = acls.outbound(out, Traffic.allProtocols(), peerOf.get(to));
        AclDecision received = acls.inbound(in, Traffic.allProtocols(), peerOf.get(from));
        AclDecision d = NetworkAclEvaluator.both(sent, received);
        if (d.result() == Tri.NO) {
          fails.add(blocked(from, to, d, d == sent ? out : in, d == sent ? cidrOf.get(to) : cidrOf.get(from)));
        } else if (d.result() == Tri.UNKNOWN) {
          unknown.add(d.describe());
        }
      }
    }
    if (!fails.isEmpty()) {
      return fails;
    }
    if (!unknown.isEmpty()) {
      return one(unverified("Whether the network ACLs let traffic pass between the job subnets is unknown: "
          + String.join("; ", unknown) + ".", null, subnets.toArray(new String[0])));
    }
    List<String> res = new ArrayList<>(subnets);
    aclOf.values().stream().map(NetworkAcl::networkAclId).distinct().forEach(res::add);
    return one(pass("The network ACLs of the job subnets let all traffic pass between them in both directions.",
        res.toArray(new String[0])));
  }

  private Finding blocked(String from, String to, AclDecision d, NetworkAcl acl, Cidr remote) {
    String rule = d.denyingRule().orElse("*");
    int before = rule.equals("*") ? 32767 : Integer.parseInt(rule);
    return fail("Traffic from " + from + " to " + to + " is blocked: " + d.describe() + ". SageMaker is reported to "
            + "place a job in one subnet (where no ACL applies), but if it spreads the instances over these subnets "
            + "the cluster cannot form.",
        "Allow all traffic between the job subnets in " + acl.networkAclId() + ": "
            + Commands.aclAllow(acl, d.egress(), before, Traffic.allProtocols(), remote.toString()) + ".",
        from, to, acl.networkAclId());
  }
}
