package dev.vpctrain.core.internal.rules.vpc;

import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.subnet.SubnetRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** {@code vpc.subnets.single-az}: all job subnets in one AZ leave no fallback on InsufficientCapacity. */
public final class VpcSubnetsSingleAz extends SubnetRule {
  public VpcSubnetsSingleAz() {
    super("vpc.subnets.single-az", Severity.WARNING, "The job's subnets span more than one Availability Zone",
        "Availability Zones");
  }

  @Override
  protected List<Finding> evaluate(RuleContext ctx, List<String> ids) {
    TreeSet<String> zones = new TreeSet<>();
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      Optional<Subnet> s = ctx.network().subnet(id);
      Optional<String> az = s.flatMap(Subnet::availabilityZone).or(() -> s.flatMap(Subnet::availabilityZoneId));
      if (az.isPresent()) {
        zones.add(az.get());
      } else {
        unknown.add(id);
      }
    }
    String[] resources = ids.toArray(new String[0]);
    if (zones.size() > 1) {
      return one(pass("The job's subnets span " + zones.size() + " Availability Zones (" + String.join(", ", zones) + ").", resources));
    }
    if (!unknown.isEmpty()) {
      return one(unverified("The Availability Zone of " + String.join(", ", unknown)
          + " is not in the snapshot, so whether the job's subnets span more than one zone is unknown.", null, resources));
    }
    String az = zones.first();
    String vpc = ctx.network().subnet(ids.get(0)).map(Subnet::vpcId).orElse("<vpc-id>");
    return one(fail("All job subnets (" + String.join(", ", ids) + ") are in " + az
            + ": an InsufficientCapacity error there has no fallback zone.",
        "Add a subnet of another Availability Zone to VpcConfig.Subnets; list candidates with: aws ec2 describe-subnets "
            + "--filters Name=vpc-id,Values=" + vpc + " --query \"Subnets[?AvailabilityZone!='" + az
            + "'].[SubnetId,AvailabilityZone,AvailableIpAddressCount]\" --output table",
        resources));
  }
}
