package dev.vpctrain.core.internal.rules.target;

import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * {@code target.unmodeled}: the route from a job subnet to a declared target (or back) goes through
 * a hop the snapshot cannot see beyond — a peering connection, transit gateway, VPN or virtual
 * private gateway, Direct Connect, or a middlebox inside the VPC. UNVERIFIED naming the hop; the
 * far side's route, the target's security groups and its network ACL are part of what it leaves
 * open. {@code --accept-unverified target.unmodeled=LABEL} accepts it.
 */
public final class TargetUnmodeled extends TargetRule {
  public TargetUnmodeled() {
    super("target.unmodeled", "The way to each declared in-VPC target stays inside what the snapshot shows");
  }

  private static final String HOP_TAIL = " through a hop the snapshot cannot see beyond, so the route on the far side, "
      + "the way back and the target's security groups and network ACL are not checked:";

  @Override
  String passMessage(List<String> checked) {
    return "The routes to " + String.join("; ", checked) + " cross no peering connection, transit gateway, VPN or "
        + "appliance.";
  }

  @Override
  void evaluate(RuleContext ctx, ResolvedTarget t, List<String> subnets, List<Finding> out, Set<String> notes) {
    perSubnet(ctx, t, subnets, out, notes,
        (c, subnet, e, traffic, r) -> e.routed() ? TargetChecks.hops(e, r) : new TargetChecks.Check(),
        new Lead("", ""), "",
        new Lead("Job subnet {subnet} reaches declared target " + t.describe() + HOP_TAIL,
            "Job subnets " + Grouping.SUBJECTS + " reach declared target " + t.describe() + HOP_TAIL));
  }

  @Override
  String unknownFix(ResolvedTarget t) {
    return "Confirm that " + t.name() + " answers " + t.traffic() + " from the job subnets across the hop (the route back "
        + "to the job subnets, the target's security groups and network ACL), then accept it: --accept-unverified "
        + "target.unmodeled=" + t.name() + ".";
  }
}
