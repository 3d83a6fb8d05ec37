package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.IdentityDecision;
import dev.vpctrain.core.iam.RoleRequest;
import dev.vpctrain.core.internal.policy.AuthDecision;
import dev.vpctrain.core.internal.policy.Authorization;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request the ERROR role rules decide for the job's role, in catalogue order: what
 * {@code role.policy.undecidable} reports on and what {@code --simulate} cross-checks. A new ERROR
 * role rule adds its {@code checks(ctx)} here.
 */
public final class RoleChecks {
  private RoleChecks() {}

  /**
   * The requests of {@link #all} decided by the role's identity side alone (identity ∩ boundary),
   * as IAM's simulator decides them; one per (rule, action, resource). Empty when the role is not found.
   */
  public static List<RoleRequest> identitySide(RuleContext ctx) {
    JobRole role = JobRole.of(ctx);
    if (role.state() != JobRole.State.FOUND) {
      return List.of();
    }
    Authorization identity = role.authorization(ctx).identityOnly();
    Map<String, RoleRequest> out = new LinkedHashMap<>();
    for (RoleCheck c : all(ctx)) {
      PolicyRequest r = c.request();
      String resource = r.resource().value() + (r.resource().isPrefix() ? "*" : "");
      AuthDecision d = identity.decide(r);
      Map<String, List<String>> context = new TreeMap<>();
      r.context().declared().forEach((k, v) -> {
        if (v.isPresent()) {
          context.put(k, v.values());
        }
      });
      IdentityDecision decision = d.isAllowed() ? IdentityDecision.ALLOW
          : d.isDenied() ? IdentityDecision.DENY : IdentityDecision.UNKNOWN;
      out.putIfAbsent(c.rule() + "|" + r.action().value() + "|" + resource, RoleRequest.builder().rule(c.rule())
          .action(r.action().value()).resource(resource).context(context).decision(decision).policy(d.policy())
          .statement(d.statement().map(s -> s.label())).build());
    }
    return List.copyOf(out.values());
  }

  static List<RoleCheck> all(RuleContext ctx) {
    List<RoleCheck> all = new ArrayList<>();
    all.addAll(RoleVpcPermissions.checks(ctx));
    all.addAll(RoleS3Access.checks(ctx));
    all.addAll(RoleKmsAccess.checks(ctx));
    all.addAll(RoleEcrPull.checks(ctx));
    return List.copyOf(all);
  }
}
