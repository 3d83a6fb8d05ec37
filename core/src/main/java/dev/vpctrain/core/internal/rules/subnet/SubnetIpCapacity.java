package dev.vpctrain.core.internal.rules.subnet;

import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code subnet.ip-capacity}: SageMaker places one job's instances in a single subnet, so some job
 * subnet alone must have instances × IPs per instance free (ERROR); each subnet that cannot hold
 * the job while another can is a WARNING.
 */
public final class SubnetIpCapacity extends SubnetRule {
  public SubnetIpCapacity() {
    super("subnet.ip-capacity", Severity.ERROR, "A job subnet alone has enough free IP addresses for the whole job",
        "free IP addresses");
  }

  @Override
  protected List<Finding> evaluate(RuleContext ctx, List<String> ids) {
    long need = IpNeed.of(ctx.job());
    String needText = need + " IPs in one subnet (" + IpNeed.explain(ctx.job()) + ")";
    List<String> holders = new ArrayList<>();
    List<String> short_ = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      OptionalInt free = IpNeed.available(ctx, id);
      if (free.isEmpty()) {
        unknown.add(id);
      } else if (free.getAsInt() >= need) {
        holders.add(id);
      } else {
        short_.add(id);
      }
    }
    String[] all = ids.toArray(new String[0]);
    if (holders.isEmpty()) {
      if (!unknown.isEmpty()) {
        return one(unverified("No job subnet is known to hold the job, which needs " + needText + ": " + states(ctx, short_)
            + (short_.isEmpty() ? "" : "; ") + "the free IPs of " + labels(ctx, unknown) + " are not in the snapshot.", null, all));
      }
      return one(fail("No job subnet can hold the job, which needs " + needText + ": " + states(ctx, short_)
              + ". SageMaker places one job's instances in a single subnet.",
          remediation(ctx, short_, need), all));
    }
    List<Finding> out = new ArrayList<>();
    for (String id : short_) {
      out.add(fail(Severity.WARNING, "Subnet " + JobSubnets.label(ctx, id) + " has " + IpNeed.describe(ctx, id)
              + ", fewer than the " + needText + " the job needs; SageMaker may still pick it, while " + labels(ctx, holders)
              + " can hold the job.",
          "Remove " + id + " from VpcConfig.Subnets, or free addresses in it: list unused network interfaces with "
              + "aws ec2 describe-network-interfaces --filters Name=subnet-id,Values=" + id + " Name=status,Values=available",
          id));
    }
    for (String id : unknown) {
      out.add(finding(Outcome.UNVERIFIED, Severity.WARNING, "Whether subnet " + JobSubnets.label(ctx, id) + " can hold the "
          + needText + " the job needs is unknown: " + IpNeed.describe(ctx, id) + ".", null, id));
    }
    if (out.isEmpty()) {
      return one(pass("Every job subnet can hold the job, which needs " + needText + ".", all));
    }
    return out;
  }

  private static String states(RuleContext ctx, List<String> ids) {
    List<String> parts = new ArrayList<>();
    for (String id : ids) {
      parts.add(JobSubnets.label(ctx, id) + " has " + IpNeed.describe(ctx, id));
    }
    return String.join(", ", parts);
  }

  private static String labels(RuleContext ctx, List<String> ids) {
    List<String> parts = new ArrayList<>();
    for (String id : ids) {
      parts.add(JobSubnets.label(ctx, id));
    }
    return String.join(", ", parts);
  }

  private static String remediation(RuleContext ctx, List<String> ids, long need) {
    String vpc = ids.isEmpty() ? "<vpc-id>" : ctx.network().subnet(ids.get(0)).map(Subnet::vpcId).orElse("<vpc-id>");
    int prefix = 28;
    while (prefix > 16 && (1L << (32 - prefix)) - 5 < need * 2) {
      prefix--;
    }
    return "Use a subnet with at least " + need + " free IPs: create one (aws ec2 create-subnet --vpc-id " + vpc
        + " --availability-zone <zone> --cidr-block <a free /" + prefix + " of the VPC>) and list it in VpcConfig.Subnets, "
        + "or free addresses (aws ec2 describe-network-interfaces --filters Name=subnet-id,Values=" + String.join(",", ids)
        + " Name=status,Values=available lists unused interfaces).";
  }
}
