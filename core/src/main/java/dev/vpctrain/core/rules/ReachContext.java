package dev.vpctrain.core.rules;

import dev.vpctrain.core.reach.JobPeers;
import dev.vpctrain.core.reach.Reach;

/** The route-resolution analysis of a preflight, computed once and shared by every rule. */
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
}
