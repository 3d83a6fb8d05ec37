package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.remediation.Change;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.PortRange;
import software.amazon.awssdk.services.ec2.model.RuleAction;

/**
 * Network-ACL entries: {@code CreateNetworkAclEntry} on the number the plan chose, undone with
 * {@code DeleteNetworkAclEntry}. The ACL is read first: an equal entry on that number counts as
 * done; a different entry there (the ACL changed since the plan) fails the step rather than
 * replacing anything.
 */
final class AclSteps {
  static final String CREATE = "ec2:CreateNetworkAclEntry";
  static final String DELETE = "ec2:DeleteNetworkAclEntry";

  private AclSteps() {}

  static StepOutcome create(ApplyContext ctx, Change.CreateNetworkAclEntry c) {
    Optional<NetworkAclEntry> taken = entry(ctx, c);
    if (taken.isPresent()) {
      if (same(taken.get(), c)) {
        return StepOutcome.already(c.networkAclId() + " already has rule " + c.ruleNumber() + ": " + c.describe());
      }
      throw new StepFailure(CREATE, "NetworkAclEntryAlreadyExists", "rule " + c.ruleNumber() + " of " + c.networkAclId()
          + " (" + (c.egress() ? "outbound" : "inbound") + ") is taken by another entry since the plan was made; "
          + "run plan again to choose a free number");
    }
    AwsCalls.Answer<?> a = AwsCalls.write(CREATE, Set.of(), () -> ctx.ec2.createNetworkAclEntry(b -> {
      b.networkAclId(c.networkAclId()).ruleNumber(c.ruleNumber()).egress(c.egress()).protocol(c.protocolNumber())
          .cidrBlock(c.cidrBlock()).ruleAction(c.allow() ? RuleAction.ALLOW : RuleAction.DENY).dryRun(ctx.dryRunFlag());
      if (c.hasPorts()) {
        b.portRange(PortRange.builder().from(c.fromPort()).to(c.toPort()).build());
      }
    }));
    if (a.dryRunPassed()) {
      return StepOutcome.wouldSucceed("would " + c.describe());
    }
    ctx.aclEntryCreated(c);
    return StepOutcome.done("added: " + c.describe());
  }

  /** Removes an entry this run added (after a later step failed). */
  static void delete(ApplyContext ctx, Change.CreateNetworkAclEntry c) {
    AwsCalls.call(DELETE, () -> ctx.ec2.deleteNetworkAclEntry(b -> b.networkAclId(c.networkAclId())
        .ruleNumber(c.ruleNumber()).egress(c.egress())));
  }

  /** The AWS CLI command that removes {@code c}'s entry. */
  static String deleteCommand(Change.CreateNetworkAclEntry c) {
    return "aws ec2 delete-network-acl-entry --network-acl-id " + c.networkAclId() + (c.egress() ? " --egress" : " --ingress")
        + " --rule-number " + c.ruleNumber();
  }

  private static Optional<NetworkAclEntry> entry(ApplyContext ctx, Change.CreateNetworkAclEntry c) {
    DescribeNetworkAclsResponse r = AwsCalls.call("ec2:DescribeNetworkAcls",
        () -> ctx.ec2.describeNetworkAcls(b -> b.networkAclIds(c.networkAclId())));
    NetworkAcl acl = r.networkAcls().stream().filter(x -> c.networkAclId().equals(x.networkAclId())).findFirst()
        .orElseThrow(() -> new StepFailure("ec2:DescribeNetworkAcls", "InvalidNetworkAclID.NotFound",
            "The networkAcl ID '" + c.networkAclId() + "' does not exist"));
    return acl.entries().stream()
        .filter(e -> Boolean.valueOf(c.egress()).equals(e.egress()) && Integer.valueOf(c.ruleNumber()).equals(e.ruleNumber()))
        .findFirst();
  }

  /** True when {@code e} is the entry {@code c} would add. */
  static boolean same(NetworkAclEntry e, Change.CreateNetworkAclEntry c) {
    if (!c.protocolNumber().equals(protocol(e.protocol())) || !c.cidrBlock().equals(e.cidrBlock())
        || (e.ruleAction() == RuleAction.ALLOW) != c.allow()) {
      return false;
    }
    if (!c.hasPorts()) {
      return true;
    }
    PortRange p = e.portRange();
    return p != null && Objects.equals(p.from(), c.fromPort()) && Objects.equals(p.to(), c.toPort());
  }

  private static String protocol(String p) {
    if (p == null) {
      return "";
    }
    switch (p.toLowerCase(Locale.ROOT)) {
      case "tcp":
        return "6";
      case "udp":
        return "17";
      case "all":
        return "-1";
      default:
        return p;
    }
  }
}
