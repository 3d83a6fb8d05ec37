package dev.vpctrain.core.internal.rules.vpc;

import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.rules.RuleContext;
import java.util.Optional;

/** Finds the job's VPC from its subnets (else its security groups) in the snapshot. */
public final class JobVpc {
  private JobVpc() {}

  /** The VPC of the first job subnet (or group) found in the snapshot. */
  public static Optional<String> vpcId(RuleContext ctx) {
    if (ctx.job().vpc().isEmpty()) {
      return Optional.empty();
    }
    for (String id : ctx.job().vpc().get().subnets()) {
      Optional<Subnet> s = ctx.network().subnet(id);
      if (s.isPresent()) {
        return Optional.of(s.get().vpcId());
      }
    }
    for (String id : ctx.job().vpc().get().securityGroups()) {
      Optional<SecurityGroup> g = ctx.network().securityGroup(id);
      if (g.isPresent()) {
        return Optional.of(g.get().vpcId());
      }
    }
    return Optional.empty();
  }

  /** Why {@link #vpcId} found nothing. */
  public static String whyUnknown(RuleContext ctx) {
    if (!ctx.network().has(Section.SUBNETS) && !ctx.network().has(Section.SECURITY_GROUPS)) {
      return ctx.network().unknownReason(Section.SUBNETS);
    }
    return "none of the job's subnets or security groups is in the snapshot";
  }
}
