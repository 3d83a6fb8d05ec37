package dev.vpctrain.core.internal.rules.policy;

import dev.vpctrain.core.internal.policy.Caller;
import dev.vpctrain.core.rules.RuleContext;

/** The caller of the job's requests: a session of its execution role. */
public final class JobCaller {
  private JobCaller() {}

  /** A session of the job's role, or an unknown caller when the role ARN is missing or malformed (once per preflight). */
  public static Caller of(RuleContext ctx) {
    return ctx.cached(JobCaller.class,
        k -> ctx.job().roleArn().filter(Caller::isRoleArn).map(Caller::assumedRole).orElse(Caller.unknown()));
  }

  /** The role for messages: its ARN, or "the job's role (unknown)". */
  public static String describe(RuleContext ctx) {
    return ctx.job().roleArn().orElse("the job's role (not given)");
  }
}
