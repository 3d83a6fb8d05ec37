package dev.vpctrain.core.internal.rules.egress;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.internal.reach.EgressPath;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code egress.internet.igw-only}: a job subnet's default route goes to an internet gateway (a
 * public subnet); training ENIs get no public IP, so nothing outside the VPC is reachable through
 * it. ERROR when the job needs something only the default route could give — an internet
 * destination, or an AWS service that no usable interface endpoint provides; INFO (same id) when
 * everything it needs is served by its endpoints: the job works, but the subnet gives it no
 * internet. UNVERIFIED when whether an endpoint serves a required service is unknown.
 */
public final class EgressInternetIgwOnly extends EgressRule {
  public EgressInternetIgwOnly() {
    super("egress.internet.igw-only", Severity.ERROR,
        "No job subnet relies on an internet gateway for what the job needs outside the VPC");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, OutsideAccess oa) {
    List<String> needs = new ArrayList<>();
    oa.internet().forEach(h -> needs.add("internet destination " + h));
    List<String> undecided = new ArrayList<>();
    for (AwsService s : oa.services()) {
      Access endpoint = oa.endpoint(s);
      if (endpoint.isNo()) {
        needs.add(s.endpointName() + (s.hasVpcEndpoint() ? " (no usable interface endpoint)" : " (which has no VPC endpoint)"));
      } else if (endpoint.isUnknown()) {
        undecided.add(s.endpointName() + " (" + endpoint.reason() + ")");
      }
    }
    List<Finding> out = new ArrayList<>();
    for (String subnet : oa.subnets()) {
      EgressPath p = oa.internetPath(subnet);
      if (p.kind() == EgressPath.Kind.IGW) {
        out.add(igw(subnet, p, needs, undecided));
      } else if (p.kind() == EgressPath.Kind.UNKNOWN && p.nat().isEmpty()) {
        Finding f = unverified("Where the default route of " + subnet + " leads is unknown: " + p.detail() + ".", null, subnet);
        out.add(p.routeTable().sharedReason().map(why -> f.withGrouping(Grouping.of(subnet,
            "Where the default routes of " + Grouping.SUBJECTS + " lead is unknown: " + why + "."))).orElse(f));
      }
    }
    if (out.isEmpty()) {
      return one(pass("No job subnet sends its default route to an internet gateway.",
          oa.subnets().toArray(new String[0])));
    }
    return out;
  }

  private Finding igw(String subnet, EgressPath p, List<String> needs, List<String> undecided) {
    String igw = p.target().orElse("");
    String head = "Subnet " + subnet + " is public: its default route goes to internet gateway " + igw + " ("
        + p.routeTable().describe() + "), and training instances get no public IP, so nothing outside the VPC "
        + "is reachable through it";
    String fix = "run the job in private subnets whose default route goes to a NAT gateway placed in this public subnet: "
        + "aws ec2 create-nat-gateway --subnet-id " + subnet + " --allocation-id <eipalloc-id>, then "
        + "aws ec2 create-route --route-table-id <private-route-table-id> --destination-cidr-block 0.0.0.0/0 "
        + "--nat-gateway-id <nat-gateway-id>; list those subnets in VpcConfig.Subnets.";
    String[] res = {subnet, p.routeTableId(), igw};
    if (!needs.isEmpty()) {
      return fail(head + ", yet the job needs " + String.join(", ", needs) + ".", capitalize(fix), res);
    }
    if (!undecided.isEmpty()) {
      return unverified(head + "; whether the job needs it depends on interface endpoints that cannot be checked: "
          + String.join("; ", undecided) + ".", null, res);
    }
    return finding(Outcome.FAIL, Severity.INFO, head + ". The job needs nothing beyond what its endpoints provide, so it "
            + "works, but code that calls anything else (a package index, a model hub, an AWS service without an "
            + "endpoint) will time out.",
        "Nothing is required. If the job may need the internet later, " + fix,
        res);
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
