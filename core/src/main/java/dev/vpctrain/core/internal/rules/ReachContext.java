package dev.vpctrain.core.internal.rules;

import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.internal.reach.NetworkAclEvaluator;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.SecurityGroupEvaluator;
import dev.vpctrain.core.rules.RuleContext;

/**
 * The analyses of a preflight (route resolution, security-group and network-ACL evaluation),
 * computed once and shared by every rule. {@code reach} takes what it evaluates; this class ties
 * it to the rules' context.
 */
public final class ReachContext {
  private ReachContext() {}

  /** The {@link Reach} of {@code ctx}'s network for its job's security groups, cached in {@code ctx}. */
  public static Reach of(RuleContext ctx) {
    // looked up once per context by a constant key; on a miss, shared by the contexts of one tuning job
    return ctx.cached(ReachKey.class, c -> ctx.cachedForNetwork(new ReachKey(JobPeers.groups(ctx.job())),
        k -> Reach.of(ctx.network(), k.groups())));
  }

  /** The security-group evaluator of {@code ctx}'s network, one per preflight. */
  public static SecurityGroupEvaluator securityGroups(RuleContext ctx) {
    return ctx.cachedForNetwork(SecurityGroupEvaluator.class, k -> SecurityGroupEvaluator.of(ctx.network()));
  }

  /** The job's instances in {@code subnet} ({@link JobPeers#instancesIn}), one per subnet and preflight. */
  public static Peer jobInstancesIn(RuleContext ctx, String subnet) {
    return ctx.cached(new JobInstancesKey(subnet), k -> JobPeers.instancesIn(ctx.job(), ctx.network(), subnet));
  }

  private record JobInstancesKey(String subnet) {}

  /** {@link Reach} depends on the network and the job's security groups alone. */
  private record ReachKey(java.util.List<String> groups) {}

  /** The network-ACL evaluator of {@code ctx}'s network, one per preflight. */
  public static NetworkAclEvaluator acls(RuleContext ctx) {
    return ctx.cachedForNetwork(NetworkAclEvaluator.class, k -> NetworkAclEvaluator.of(ctx.network()));
  }
}
