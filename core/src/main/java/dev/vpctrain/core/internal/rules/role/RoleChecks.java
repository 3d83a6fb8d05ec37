package dev.vpctrain.core.internal.rules.role;

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

  static List<RoleCheck> all(RuleContext ctx) {
    List<RoleCheck> all = new ArrayList<>();
    all.addAll(RoleVpcPermissions.checks(ctx));
    all.addAll(RoleS3Access.checks(ctx));
    all.addAll(RoleKmsAccess.checks(ctx));
    all.addAll(RoleEcrPull.checks(ctx));
    return List.copyOf(all);
  }
}
