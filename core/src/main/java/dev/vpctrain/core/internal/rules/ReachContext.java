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
  private static final Object KEY = new Object() {
    @Override
    public String toString() {
      return "Reach";
    }
  };

  private ReachContext() {}

  /** The {@link Reach} of {@code ctx}'s network for its job's security groups, cached in {@code ctx}. */
  public static Reach of(RuleContext ctx) {
    return ctx.cached(KEY, k -> Reach.of(ctx.network(), JobPeers.groups(ctx.job())));
  }

  /** The security-group evaluator of {@code ctx}'s network, one per preflight. */
  public static SecurityGroupEvaluator securityGroups(RuleContext ctx) {
    return ctx.cached(SecurityGroupEvaluator.class, k -> SecurityGroupEvaluator.of(ctx.network()));
  }

  /** The job's instances in {@code subnet} ({@link JobPeers#instancesIn}), one per subnet and preflight. */
  public static Peer jobInstancesIn(RuleContext ctx, String subnet) {
    return ctx.cached(new JobInstancesKey(subnet), k -> JobPeers.instancesIn(ctx.job(), ctx.network(), subnet));
  }

  private record JobInstancesKey(String subnet) {}

  /** The network-ACL evaluator of {@code ctx}'s network, one per preflight. */
  public static NetworkAclEvaluator acls(RuleContext ctx) {
    return ctx.cached(NetworkAclEvaluator.class, k -> NetworkAclEvaluator.of(ctx.network()));
  }
}
