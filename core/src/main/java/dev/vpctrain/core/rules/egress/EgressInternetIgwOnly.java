package dev.vpctrain.core.rules.egress;

import dev.vpctrain.core.reach.EgressPath;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code egress.internet.igw-only}: a job subnet's default route goes to an internet gateway (a
 * public subnet); training ENIs get no public IP, so nothing outside the VPC is reachable through
 * it — AWS services without an interface endpoint, internet destinations, anything the training
 * code calls unannounced.
 */
public final class EgressInternetIgwOnly extends BaseRule {
  public EgressInternetIgwOnly() {
    super("egress.internet.igw-only", Severity.ERROR,
        "No job subnet relies on an internet gateway for outbound access");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    Optional<Finding> skip = EgressScope.check(this, ctx);
    if (skip.isPresent()) {
      return one(skip.get());
    }
    OutsideAccess oa = OutsideAccess.of(ctx);
    List<String> needs = oa.defaultRouteNeeds();
    List<Finding> out = new ArrayList<>();
    for (String subnet : oa.subnets()) {
      EgressPath p = oa.internetPath(subnet);
      if (p.kind() == EgressPath.Kind.IGW) {
        String igw = p.target().orElse("");
        out.add(fail("Subnet " + subnet + " is public: its default route goes to internet gateway " + igw + " ("
                + p.routeTable().describe() + "), and training instances get no public IP, so nothing outside the VPC "
                + "is reachable through it" + (needs.isEmpty() ? "" : " (the job needs " + String.join(", ", needs) + ")")
                + ".",
            "Run the job in private subnets whose default route goes to a NAT gateway placed in this public subnet: "
                + "aws ec2 create-nat-gateway --subnet-id " + subnet + " --allocation-id <eipalloc-id>, then "
                + "aws ec2 create-route --route-table-id <private-route-table-id> --destination-cidr-block 0.0.0.0/0 "
                + "--nat-gateway-id <nat-gateway-id>; list those subnets in VpcConfig.Subnets.",
            subnet, p.routeTableId(), igw));
      } else if (p.kind() == EgressPath.Kind.UNKNOWN && p.nat().isEmpty()) {
        out.add(unverified("Where the default route of " + subnet + " leads is unknown: " + p.detail() + ".", null, subnet));
      }
    }
    if (out.isEmpty()) {
      return one(pass("No job subnet sends its default route to an internet gateway.",
          oa.subnets().toArray(new String[0])));
    }
    return out;
  }
}
