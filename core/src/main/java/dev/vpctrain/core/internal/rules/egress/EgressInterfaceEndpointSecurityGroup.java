package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.internal.reach.Ipv4RangeSet;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.SecurityGroupEvaluator;
import dev.vpctrain.core.internal.reach.SgDecision;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.cluster.Commands;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code egress.interface-endpoint.security-group}: the security groups of the interface endpoint
 * a required service is reached through must admit TCP 443 from the job's instances in every job
 * subnet, and the job's security groups must let TCP 443 out to the endpoint's interfaces.
 */
public final class EgressInterfaceEndpointSecurityGroup extends EgressRule {
  private static final Traffic HTTPS = Traffic.tcp(443);

  public EgressInterfaceEndpointSecurityGroup() {
    super("egress.interface-endpoint.security-group", Severity.ERROR,
        "Interface endpoints and the job's security groups let TCP 443 pass between them");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, OutsideAccess oa) {
    SecurityGroupEvaluator sgs = ReachContext.securityGroups(ctx);
    List<Finding> out = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (AwsService s : oa.services()) {
      Access use = oa.endpoint(s);
      if (use.isUnknown()) {
        out.add(unverified("Whether the job reaches " + oa.serviceName(s) + " through an interface endpoint, and so "
            + "whether its security groups matter, is unknown: " + use.reason() + ".", null));
        continue;
      }
      Optional<VpcEndpoint> found = oa.usableEndpoint(s);
      if (found.isEmpty()) {
        continue;
      }
      VpcEndpoint e = found.get();
      checked.add(e.vpcEndpointId());
      List<String> epGroups = e.groupIds();
      if (epGroups.isEmpty()) {
        out.add(unverified("The security groups of interface endpoint " + e.vpcEndpointId()
            + " are not in the snapshot.", null, e.vpcEndpointId()));
        continue;
      }
      out.addAll(ingress(ctx, oa, sgs, e, epGroups));
      out.addAll(egress(ctx, oa, sgs, e, epGroups));
    }
    if (out.isEmpty()) {
      return one(pass(checked.isEmpty()
          ? "No required service is reached through an interface endpoint."
          : "The interface endpoints (" + String.join(", ", checked) + ") and the job's security groups let TCP 443 "
              + "pass between them.", checked.toArray(new String[0])));
    }
    return out;
  }

  private List<Finding> ingress(RuleContext ctx, OutsideAccess oa, SecurityGroupEvaluator sgs, VpcEndpoint e,
      List<String> epGroups) {
    if (sgs.ingress(epGroups, HTTPS, JobPeers.instances(ctx.job(), ctx.network())).allowed()) {
      return List.of();
    }
    List<String> denied = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String subnet : oa.subnets()) {
      SgDecision d = sgs.ingress(epGroups, HTTPS, JobPeers.instancesIn(ctx.job(), ctx.network(), subnet));
      if (d.denied()) {
        denied.add(subnet);
      } else if (d.result().isUnknown()) {
        unknown.add(subnet + ": " + d.unknownReason());
      }
    }
    String groups = String.join(", ", epGroups);
    if (!denied.isEmpty()) {
      Set<String> res = new LinkedHashSet<>(List.of(e.vpcEndpointId()));
      res.addAll(epGroups);
      res.addAll(denied);
      return List.of(fail("The security groups of interface endpoint " + e.vpcEndpointId() + " (" + groups
              + ") do not admit TCP 443 from the job's instances in " + String.join(", ", denied)
              + " (neither from the job's groups " + String.join(", ", oa.groups()) + " nor from the subnets' CIDRs).",
          "Admit HTTPS from the job's group: "
              + Commands.tcpIngressFromGroup(epGroups.get(0), 443, oa.groups().get(0)) + ".",
          res.toArray(new String[0])));
    }
    if (!unknown.isEmpty()) {
      return List.of(unverified("Whether the security groups of interface endpoint " + e.vpcEndpointId() + " (" + groups
          + ") admit TCP 443 from the job is unknown: " + String.join("; ", unknown) + ".", null, e.vpcEndpointId()));
    }
    return List.of();
  }

  private List<Finding> egress(RuleContext ctx, OutsideAccess oa, SecurityGroupEvaluator sgs, VpcEndpoint e,
      List<String> epGroups) {
    SgDecision d = sgs.egress(oa.groups(), HTTPS, endpointPeer(ctx, e, epGroups));
    String jobGroups = String.join(", ", oa.groups());
    if (d.denied()) {
      Set<String> res = new LinkedHashSet<>(oa.groups());
      res.add(e.vpcEndpointId());
      return List.of(fail("The job's security groups (" + jobGroups + ") do not let TCP 443 out to interface endpoint "
              + e.vpcEndpointId() + " (neither to its groups " + String.join(", ", epGroups)
              + " nor to CIDRs covering its subnets).",
          "Allow HTTPS to the endpoint's group: " + Commands.tcpEgressToGroup(oa.groups().get(0), 443, epGroups.get(0)) + ".",
          res.toArray(new String[0])));
    }
    if (d.result().isUnknown()) {
      return List.of(unverified("Whether the job's security groups (" + jobGroups + ") let TCP 443 out to interface "
          + "endpoint " + e.vpcEndpointId() + " is unknown: " + d.unknownReason() + ".", null, e.vpcEndpointId()));
    }
    return List.of();
  }

  /** The endpoint's interfaces: its groups, and an address somewhere in its subnets. */
  private static Peer endpointPeer(RuleContext ctx, VpcEndpoint e, List<String> epGroups) {
    List<Cidr> blocks = new ArrayList<>();
    boolean known = !e.subnetIds().isEmpty();
    for (String s : e.subnetIds()) {
      Optional<Cidr> c = JobPeers.subnetCidr(ctx.network(), s);
      if (c.isPresent()) {
        blocks.add(c.get());
      } else {
        known = false;
      }
    }
    Ipv4RangeSet where = known ? Ipv4RangeSet.of(blocks) : Ipv4RangeSet.ALL;
    return Peer.builder("interface endpoint " + e.vpcEndpointId()).groups(epGroups).some(where).build();
  }
}
