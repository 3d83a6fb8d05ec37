package dev.vpctrain.core.internal.rules.subnet;

import dev.vpctrain.core.job.EfaInstanceTypes;
import dev.vpctrain.core.job.InstanceGroup;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.rules.RuleContext;
import java.util.OptionalInt;

/**
 * How many IP addresses a job needs in one subnet (instances × 2, or × 5 for EFA instances) and
 * how many a subnet offers (a subnet not {@code available} offers none).
 */
public final class IpNeed {
  /** IPs per instance without EFA. */
  public static final int PER_INSTANCE = 2;
  /** IPs per EFA instance. */
  public static final int PER_EFA_INSTANCE = 5;

  private IpNeed() {}

  /**
   * The IPs the whole job needs in the subnet SageMaker places it in. Computed in {@code long}, so
   * that no instance count (up to {@link Integer#MAX_VALUE} per group) can wrap it around; no subnet
   * offers more than 2^32 addresses, so the comparison with a subnet's free count stays exact.
   */
  public static long of(TrainingJobSpec job) {
    if (!job.instanceGroups().isEmpty()) {
      long sum = 0;
      for (InstanceGroup g : job.instanceGroups()) {
        boolean efa = job.efa().orElse(EfaInstanceTypes.isEfaCapable(g.instanceType()));
        sum = Math.addExact(sum, Math.multiplyExact((long) Math.max(0, g.instanceCount()),
            efa ? PER_EFA_INSTANCE : PER_INSTANCE));
      }
      return sum;
    }
    return Math.multiplyExact((long) Math.max(1, job.instanceCount().orElse(1)),
        job.isEfa() ? PER_EFA_INSTANCE : PER_INSTANCE);
  }

  /** How the need is made up, for messages: {@code 4 instances × 5 IPs with EFA}. */
  public static String explain(TrainingJobSpec job) {
    if (!job.instanceGroups().isEmpty()) {
      return totalInstances(job) + " instances in " + job.instanceGroups().size() + " instance groups at "
          + PER_INSTANCE + " IPs each (" + PER_EFA_INSTANCE + " with EFA)";
    }
    long n = Math.max(1, job.instanceCount().orElse(1));
    return n + (n == 1 ? " instance" : " instances") + " × " + (job.isEfa() ? PER_EFA_INSTANCE + " IPs with EFA" : PER_INSTANCE + " IPs");
  }

  /** The instances of {@code job}: the sum over its instance groups, exact for any counts. */
  static long totalInstances(TrainingJobSpec job) {
    long sum = 0;
    for (InstanceGroup g : job.instanceGroups()) {
      sum += Math.max(0, g.instanceCount());
    }
    return sum;
  }

  /** Free IPs of {@code subnetId}: 0 when missing or not available, empty when unknown. */
  public static OptionalInt available(RuleContext ctx, String subnetId) {
    if (!ctx.network().has(Section.SUBNETS)) {
      return OptionalInt.empty();
    }
    Subnet s = ctx.network().subnet(subnetId).orElse(null);
    if (s == null) {
      return OptionalInt.of(0);
    }
    if (s.state().isPresent() && !s.isAvailable()) {
      return OptionalInt.of(0);
    }
    if (s.state().isEmpty() || s.availableIpAddressCount().isEmpty()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(s.availableIpAddressCount().get());
  }

  /** For messages: {@code 3 free IPs}, {@code state pending (counts as 0)}, {@code not in the snapshot}. */
  public static String describe(RuleContext ctx, String subnetId) {
    Subnet s = ctx.network().subnet(subnetId).orElse(null);
    if (s == null) {
      return ctx.network().has(Section.SUBNETS) ? "not in the snapshot" : "unknown";
    }
    if (s.state().isPresent() && !s.isAvailable()) {
      return "state " + s.state().get() + " (counts as 0 free IPs)";
    }
    if (s.state().isEmpty()) {
      return "state not captured";
    }
    return s.availableIpAddressCount().map(n -> n + (n == 1 ? " free IP" : " free IPs")).orElse("free IP count not captured");
  }
}
