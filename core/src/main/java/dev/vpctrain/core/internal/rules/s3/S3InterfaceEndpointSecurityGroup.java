package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.internal.reach.InterfaceEndpointUse;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.S3Path;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.cluster.Commands;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code s3.interface-endpoint.security-group}: a subnet's S3 path is an S3 interface endpoint
 * whose security groups do not admit TCP 443 from the job (its groups, or a CIDR covering the
 * subnet), or the job's security groups do not let TCP 443 out to it. When S3's names resolve to
 * the endpoint it is the path whatever the routes say, so a NAT route does not help.
 */
public final class S3InterfaceEndpointSecurityGroup extends S3InterfaceEndpointRule {
  public S3InterfaceEndpointSecurityGroup() {
    super("s3.interface-endpoint.security-group",
        "The S3 interface endpoint a job subnet depends on and the job's security groups let TCP 443 pass");
  }

  @Override
  Tri condition(InterfaceEndpointUse use) {
    return use.securityGroups();
  }

  @Override
  String detail(InterfaceEndpointUse use) {
    return use.securityGroupDetail();
  }

  @Override
  Finding failure(RuleContext ctx, List<InterfaceEndpointUse> uses, List<S3Path> paths) {
    InterfaceEndpointUse u = uses.get(0);
    List<String> jobGroups = JobPeers.groups(ctx.job());
    List<String> epGroups = u.endpoint().groupIds();
    Set<String> res = new LinkedHashSet<>();
    res.add(u.endpointId());
    List<String> problems = new ArrayList<>();
    List<String> cmds = new ArrayList<>();
    boolean ingress = uses.stream().anyMatch(x -> x.ingress() == Tri.NO);
    boolean egress = uses.stream().anyMatch(x -> x.egress() == Tri.NO);
    List<String> ingressSubnets = new ArrayList<>();
    for (InterfaceEndpointUse x : uses) {
      res.add(x.subnetId());
      if (x.ingress() == Tri.NO) {
        ingressSubnets.add(x.subnetId());
      }
    }
    if (ingress) {
      res.addAll(epGroups);
      problems.add("its security groups (" + String.join(", ", epGroups) + ") do not admit TCP 443 from the job's instances in "
          + String.join(", ", ingressSubnets) + " (neither from the job's groups " + String.join(", ", jobGroups)
          + " nor from a CIDR covering the subnet)");
      if (!epGroups.isEmpty() && !jobGroups.isEmpty()) {
        cmds.add(Commands.tcpIngressFromGroup(epGroups.get(0), 443, jobGroups.get(0)));
      }
    }
    if (egress) {
      res.addAll(jobGroups);
      problems.add("the job's security groups (" + String.join(", ", jobGroups) + ") do not let TCP 443 out to it");
      if (!epGroups.isEmpty() && !jobGroups.isEmpty()) {
        cmds.add(Commands.tcpEgressToGroup(jobGroups.get(0), 443, epGroups.get(0)));
      }
    }
    boolean resolves = u.dns() == Tri.YES;
    return fail("S3 interface endpoint " + u.endpointId() + " is the S3 path of " + subnets(ctx, uses)
            + (resolves ? " (S3's names resolve to it, so no route serves S3 instead)" : " (nothing else carries S3)")
            + ", but " + String.join(", and ", problems) + ": SageMaker cannot read or write the job's S3 data.",
        "Let HTTPS pass between the job and the endpoint: " + (cmds.isEmpty() ? "allow TCP 443 from the job's groups on the "
            + "endpoint's groups, and to the endpoint's groups on the job's groups" : String.join(" && ", cmds)) + ".",
        res.toArray(new String[0]));
  }

  @Override
  String passMessage(List<String> endpoints) {
    return "The S3 interface endpoint" + (endpoints.size() == 1 ? " " : "s ") + String.join(", ", endpoints)
        + " and the job's security groups let TCP 443 pass between them.";
  }
}
