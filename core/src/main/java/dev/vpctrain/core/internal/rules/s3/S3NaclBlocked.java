package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.internal.reach.AclDecision;
import dev.vpctrain.core.internal.reach.NetworkAclEvaluator;
import dev.vpctrain.core.internal.reach.Peer;
import dev.vpctrain.core.internal.reach.Reach;
import dev.vpctrain.core.internal.reach.Traffic;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.internal.rules.ReachContext;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import dev.vpctrain.core.internal.rules.vpc.JobVpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code s3.nacl.blocked}: a job subnet's network ACL must let TCP 443 out to S3's addresses and
 * the return traffic (TCP 1024–65535) back in; entries are matched against the S3 prefix list's
 * CIDRs, or against "any public address" when those are unknown.
 */
public final class S3NaclBlocked extends S3PathRule {
  public S3NaclBlocked() {
    super("s3.nacl.blocked", Severity.ERROR, "The job subnets' network ACLs let HTTPS to S3 and its replies through");
  }

  @Override
  List<Finding> evaluatePaths(RuleContext ctx) {
    List<String> subnets = JobSubnets.evaluable(ctx);
    if (subnets.isEmpty()) {
      return one(unverified("None of the job's subnets is in the snapshot, so their network ACLs are unknown.", null,
          JobSubnets.ids(ctx).toArray(new String[0])));
    }
    Reach reach = ReachContext.of(ctx);
    NetworkAclEvaluator acls = ReachContext.acls(ctx);
    String vpcId = JobVpc.vpcId(ctx).orElse("");
    List<Finding> out = new ArrayList<>();
    for (String subnet : subnets) {
      String label = JobSubnets.label(ctx, subnet);
      Optional<NetworkAcl> acl = acls.aclOf(subnet);
      if (acl.isEmpty()) {
        out.add(unverified("The network ACL of subnet " + label + " is unknown: " + acls.whyNoAcl(subnet) + ".", null, subnet));
        continue;
      }
      String aclId = acl.get().networkAclId();
      for (Peer peer : S3Destinations.from(ctx, reach, vpcId, subnet, false)) {
        if (peer.mode() == Peer.AddressMode.NONE) {
          continue; // an interface endpoint with an interface in this subnet: the traffic does not cross the ACL
        }
        AclDecision d = acls.request(acl.get(), Traffic.tcp(443), peer);
        List<String> res = new ArrayList<>(List.of(subnet, aclId));
        peer.prefixListId().ifPresent(res::add);
        if (d.denied()) {
          out.add(fail("Subnet " + label + " cannot reach " + peer.description() + ": " + d.describe()
                  + " (network ACLs are stateless: HTTPS needs TCP 443 out and TCP 1024-65535 back in).",
              remediation(aclId, d, peer), res.toArray(new String[0])));
        } else if (!d.allowed()) {
          out.add(unverified("Whether network ACL " + aclId + " of subnet " + label + " lets HTTPS to " + peer.description()
              + " through cannot be decided: " + d.unknownReason().orElse(d.describe()) + ".", null, res.toArray(new String[0])));
        }
      }
    }
    if (out.isEmpty()) {
      return one(pass("The network ACLs of every job subnet let TCP 443 to S3 and its replies through.", subnets.toArray(new String[0])));
    }
    return out;
  }

  private static String remediation(String aclId, AclDecision d, Peer peer) {
    String before = d.denyingRule().filter(r -> !r.equals("*")).map(r -> " numbered below " + r).orElse("");
    String cidr = peer.prefixListId().isPresent() && peer.mode() == Peer.AddressMode.EVERY
        ? "<each CIDR of " + peer.prefixListId().get() + ": aws ec2 describe-prefix-lists --prefix-list-ids "
            + peer.prefixListId().get() + ">"
        : "0.0.0.0/0";
    String dir = d.egress() ? "--egress --port-range From=443,To=443" : "--ingress --port-range From=1024,To=65535";
    return "Add an allow entry" + before + " to " + aclId + ": aws ec2 create-network-acl-entry --network-acl-id " + aclId + " " + dir
        + " --protocol tcp --rule-action allow --rule-number <n> --cidr-block " + cidr
        + (d.egress() ? " (the return traffic needs --ingress --port-range From=1024,To=65535 as well)" : "");
  }
}
