package dev.vpctrain.core.internal.rules.target;

import dev.vpctrain.core.job.VpcTargetKind;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code target.not-found}: a declared {@code eni-…} or {@code sg-…} absent from the snapshot, a
 * group no interface carries (a stopped database), or an address inside the VPC that no interface
 * holds — the last only when {@code ec2.DescribeNetworkInterfaces} is complete for the VPC and the
 * VPC is not shared; otherwise UNVERIFIED. An address outside every VPC CIDR is not looked up.
 */
public final class TargetNotFound extends TargetRule {
  public TargetNotFound() {
    super("target.not-found", "Every declared in-VPC target exists");
  }

  @Override
  boolean resolvedOnly() {
    return true;
  }

  @Override
  String passMessage(List<String> checked) {
    return "Every declared in-VPC target was found: " + String.join("; ", checked) + ".";
  }

  @Override
  void evaluate(RuleContext ctx, ResolvedTarget t, List<String> subnets, List<Finding> out, Set<String> notes) {
    List<String> res = new ArrayList<>(List.of(t.name()));
    t.resources().stream().filter(r -> !res.contains(r)).forEach(res::add);
    switch (t.status()) {
      case NOT_FOUND:
        out.add(fail("Declared target " + t.describe() + " does not exist: " + t.detail() + ". The training code's "
            + "connections to it will fail.", fix(t), res.toArray(new String[0])));
        return;
      case UNKNOWN:
        out.add(unverified("Whether declared target " + t.describe() + " exists is unknown: " + t.detail() + ".",
            "Capture ec2.DescribeNetworkInterfaces for the whole VPC (aws ec2 describe-network-interfaces --filters "
                + "Name=vpc-id,Values=<vpc-…>; vpctrain snapshot does), or confirm it by hand and accept it: "
                + "--accept-unverified target.not-found=" + t.name() + ".",
            res.toArray(new String[0])));
        return;
      default:
        notes.add(t.name() + ": " + t.detail());
    }
  }

  private static String fix(ResolvedTarget t) {
    String v = t.target().value();
    if (t.target().kind() == VpcTargetKind.NETWORK_INTERFACE) {
      return "Check the id (aws ec2 describe-network-interfaces --network-interface-ids " + v + "); interfaces of "
          + "managed services change: declare the service's security group instead (--requires "
          + t.name() + "=sg-…:" + t.target().ports() + ").";
    }
    if (t.target().kind() == VpcTargetKind.SECURITY_GROUP) {
      return "Start the resource or attach " + v + " to it (aws ec2 describe-network-interfaces --filters Name=group-id,Values="
          + v + " lists what carries it), or declare the group its interfaces carry.";
    }
    return "Check the address (aws ec2 describe-network-interfaces --filters Name=addresses.private-ip-address,Values=" + v
        + "); database and cache addresses change on failover: declare the resource's security group instead "
        + "(--requires " + t.name() + "=sg-…:" + t.target().ports() + ").";
  }
}
