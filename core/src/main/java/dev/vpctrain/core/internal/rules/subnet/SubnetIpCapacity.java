package dev.vpctrain.core.internal.rules.subnet;

import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    List<Finding> single = single(ctx, ids);
    Optional<ParallelCapacity> parallel = ParallelCapacity.of(ctx);
    boolean noSubnetHoldsOne = single.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.outcome() != Outcome.PASS);
    if (parallel.isEmpty() || noSubnetHoldsOne) {
      return single;
    }
    List<Finding> out = new ArrayList<>(single);
    out.add(parallel(ctx, parallel.get()));
    return out;
  }

  /**
   * A tuning job's parallel training jobs: together the subnets must hold {@code MaxParallelTrainingJobs}
   * of them at once. The finding does not depend on the definition, so the report shows it once.
   */
  private Finding parallel(RuleContext ctx, ParallelCapacity c) {
    String jobs = c.parallel + " training job" + (c.parallel == 1 ? "" : "s");
    String lead = "The tuning job runs up to " + jobs + " at once (MaxParallelTrainingJobs), each in one subnet and needing "
        + c.need() + ": ";
    if (c.least >= c.parallel) {
      return pass(lead + "the job subnets hold " + c.least + " at once: " + c.describe(ctx) + ".", c.subnets());
    }
    if (!c.unknown.isEmpty()) {
      return unverified(lead + "the subnets whose free IPs are known hold " + c.least + " at once, and the free IPs of "
          + String.join(", ", c.unknown) + " are not in the snapshot: " + c.describe(ctx) + ".", null, c.subnets());
    }
    if (c.most >= c.parallel) {
      return unverified(lead + "the job subnets hold " + c.least + " to " + c.most + " at once, depending on which definitions "
          + "run together, which SageMaker does not document: " + c.describe(ctx) + ".", null, c.subnets());
    }
    return fail(lead + "the job subnets hold only " + c.most + " at once: " + c.describe(ctx) + ". The parallel limit "
            + "drives the need: " + c.parallel + " × " + c.maxNeed + " IPs. The training jobs beyond " + c.most + " cannot "
            + "get network interfaces in the subnets, and the tuning job stalls or fails.",
        "Lower HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs to " + Math.max(1, c.most)
            + ", or add subnets with free addresses to the definitions' VpcConfig.Subnets: each further training job needs "
            + c.maxNeed + " free IPs in one subnet.",
        c.subnets());
  }

  private List<Finding> single(RuleContext ctx, List<String> ids) {
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
