package dev.vpctrain.core.internal.rules.subnet;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code subnet.ip-headroom}: the best job subnet holds the job but with less than twice its need. */
public final class SubnetIpHeadroom extends SubnetRule {
  public SubnetIpHeadroom() {
    super("subnet.ip-headroom", Severity.WARNING, "The best job subnet has at least twice the job's IP need free",
        "free IP addresses");
  }

  @Override
  protected List<Finding> evaluate(RuleContext ctx, List<String> ids) {
    List<Finding> single = single(ctx, ids);
    Optional<ParallelCapacity> parallel = ParallelCapacity.of(ctx);
    if (parallel.isEmpty()) {
      return single;
    }
    List<Finding> out = new ArrayList<>(single);
    out.add(parallel(parallel.get()));
    return out;
  }

  /** A tuning job: the subnets hold its parallel training jobs, but with less than twice their need. */
  private Finding parallel(ParallelCapacity c) {
    long need = 2L * c.parallel;
    if (c.least >= need) {
      return pass("The job subnets hold " + c.least + " of the tuning job's training jobs at once, at least twice its "
          + c.parallel + " parallel ones.", c.subnets());
    }
    if (c.least < c.parallel) {
      return pass("The job subnets do not surely hold the tuning job's " + c.parallel + " parallel training jobs; "
          + "subnet.ip-capacity reports it.", c.subnets());
    }
    return fail("The job subnets hold " + c.least + " of the tuning job's training jobs at once: enough for its " + c.parallel
            + " parallel ones (MaxParallelTrainingJobs) but less than twice that. Retries, warm pools, other jobs and "
            + "endpoint network interfaces draw from the same addresses.",
        "Add subnets with free addresses to the definitions' VpcConfig.Subnets, or lower "
            + "HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs.",
        c.subnets());
  }

  private List<Finding> single(RuleContext ctx, List<String> ids) {
    String[] all = ids.toArray(new String[0]);
    long need = IpNeed.of(ctx.job());
    String best = null;
    int bestFree = -1;
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      OptionalInt free = IpNeed.available(ctx, id);
      if (free.isEmpty()) {
        unknown.add(id);
      } else if (free.getAsInt() > bestFree) {
        bestFree = free.getAsInt();
        best = id;
      }
    }
    if (bestFree >= 2 * need) {
      return one(pass("Subnet " + JobSubnets.label(ctx, best) + " has " + bestFree + " free IPs, at least twice the job's "
          + need + ".", best));
    }
    if (!unknown.isEmpty()) {
      return one(unverified("The free IPs of " + String.join(", ", unknown) + " are not in the snapshot, so the job's headroom is unknown.",
          null, all));
    }
    if (bestFree < need) {
      return one(pass("No job subnet holds the job at all; subnet.ip-capacity reports it.", all));
    }
    return one(fail("The best job subnet, " + JobSubnets.label(ctx, best) + ", has " + bestFree + " free IPs: enough for the job's "
            + need + " (" + IpNeed.explain(ctx.job()) + ") but less than twice that. Retries, warm pools, parallel "
            + "hyperparameter-tuning jobs and endpoint network interfaces draw from the same pool.",
        "Add a larger subnet to VpcConfig.Subnets (aws ec2 create-subnet --vpc-id "
            + ctx.network().subnet(best).map(s -> s.vpcId()).orElse("<vpc-id>")
            + " --availability-zone <zone> --cidr-block <a free block of the VPC>), or free unused interfaces in " + best
            + " (aws ec2 describe-network-interfaces --filters Name=subnet-id,Values=" + best + " Name=status,Values=available).",
        best));
  }
}
