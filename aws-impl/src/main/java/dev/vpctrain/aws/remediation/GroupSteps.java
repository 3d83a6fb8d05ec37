package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.remediation.Change;
import dev.vpctrain.core.remediation.Change.Peer;
import dev.vpctrain.core.remediation.Change.Rule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** Security-group changes: create the endpoint group, authorize ingress and egress rules. */
final class GroupSteps {
  private static final String CREATE = "ec2:CreateSecurityGroup";
  private static final Set<String> DUPLICATE_RULE = Set.of("InvalidPermission.Duplicate");

  private GroupSteps() {}

  static StepOutcome create(ApplyContext ctx, Change.CreateSecurityGroup c) {
    Change.NewSecurityGroup g = c.group();
    Optional<SecurityGroup> found = ctx.lookups.groupByName(g.vpcId(), g.name());
    if (found.isPresent()) {
      ctx.groupCreated(g, found.get().groupId());
      return StepOutcome.already("group " + g.name() + " exists in " + g.vpcId() + " as " + found.get().groupId());
    }
    AwsCalls.Answer<CreateSecurityGroupResponse> a = AwsCalls.write(CREATE, Set.of("InvalidGroup.Duplicate"),
        () -> ctx.ec2.createSecurityGroup(b -> b.vpcId(g.vpcId()).groupName(g.name()).description(g.description())
            .dryRun(ctx.dryRunFlag())));
    if (a.dryRunPassed()) {
      return StepOutcome.wouldSucceed("would create group " + g.name() + " in " + g.vpcId());
    }
    if (a.code().isPresent()) {
      String id = ctx.resolve(Change.GroupRef.created(g)).orElseThrow(() ->
          new StepFailure("ec2:DescribeSecurityGroups", "InvalidGroup.NotFound",
              "CreateSecurityGroup said " + g.name() + " exists in " + g.vpcId() + " but it cannot be found"));
      return StepOutcome.already("group " + g.name() + " exists in " + g.vpcId() + " as " + id);
    }
    String id = a.response().map(CreateSecurityGroupResponse::groupId)
        .orElseThrow(() -> new StepFailure(CREATE, "MissingGroupId", "the response names no group"));
    ctx.groupCreated(g, id);
    return StepOutcome.done("created group " + g.name() + " as " + id, id);
  }

  static StepOutcome authorize(ApplyContext ctx, Change.GroupRef ref, Rule rule, boolean ingress) {
    String operation = ingress ? "ec2:AuthorizeSecurityGroupIngress" : "ec2:AuthorizeSecurityGroupEgress";
    String what = rule.describe(ingress ? "from" : "to");
    Optional<String> groupId = ctx.resolve(ref);
    Optional<String> peerGroup = rule.peer().group().flatMap(ctx::resolve);
    if (groupId.isEmpty() || (rule.peer().group().isPresent() && peerGroup.isEmpty())) {
      return StepOutcome.wouldRun("would allow " + what + " on " + ref.display() + " once the groups exist "
          + "(created by an earlier step)");
    }
    what = rule.peer().group().isPresent()
        ? new Rule(rule.protocol(), rule.fromPort(), rule.toPort(), Peer.group(Change.GroupRef.existing(peerGroup.get())))
            .describe(ingress ? "from" : "to")
        : what;
    SecurityGroup current = ctx.lookups.group(groupId.get());
    List<IpPermission> rules = ingress ? current.ipPermissions() : current.ipPermissionsEgress();
    IpPermission wanted = permission(rule, peerGroup.orElse(null));
    if (rules.stream().anyMatch(p -> covers(p, wanted))) {
      return StepOutcome.already(groupId.get() + " already allows " + what);
    }
    AwsCalls.Answer<?> a = AwsCalls.write(operation, DUPLICATE_RULE, () -> ingress
        ? ctx.ec2.authorizeSecurityGroupIngress(b -> b.groupId(groupId.get()).ipPermissions(wanted).dryRun(ctx.dryRunFlag()))
        : ctx.ec2.authorizeSecurityGroupEgress(b -> b.groupId(groupId.get()).ipPermissions(wanted).dryRun(ctx.dryRunFlag())));
    if (a.dryRunPassed()) {
      return StepOutcome.wouldSucceed(groupId.get() + " would allow " + what);
    }
    if (a.code().isPresent()) {
      return StepOutcome.already(groupId.get() + " already allows " + what + " (" + a.code().get() + ")");
    }
    return StepOutcome.done(groupId.get() + " now allows " + what);
  }

  /** The SDK permission for {@code rule}, with a group peer resolved to {@code peerGroupId}. */
  static IpPermission permission(Rule rule, String peerGroupId) {
    IpPermission.Builder b = IpPermission.builder().ipProtocol(rule.protocol());
    rule.fromPort().ifPresent(b::fromPort);
    rule.toPort().ifPresent(b::toPort);
    Peer peer = rule.peer();
    if (peer.group().isPresent()) {
      b.userIdGroupPairs(UserIdGroupPair.builder().groupId(peerGroupId).build());
    }
    peer.prefixListId().ifPresent(p -> b.prefixListIds(PrefixListId.builder().prefixListId(p).build()));
    peer.cidr().ifPresent(c -> b.ipRanges(IpRange.builder().cidrIp(c).build()));
    return b.build();
  }

  /** True when {@code existing} is the same rule as {@code wanted} (protocol, ports) and names its peer. */
  static boolean covers(IpPermission existing, IpPermission wanted) {
    if (!protocol(existing.ipProtocol()).equals(protocol(wanted.ipProtocol()))) {
      return false;
    }
    if (!protocol(wanted.ipProtocol()).equals("-1")
        && !(Objects.equals(existing.fromPort(), wanted.fromPort()) && Objects.equals(existing.toPort(), wanted.toPort()))) {
      return false;
    }
    for (UserIdGroupPair p : wanted.userIdGroupPairs()) {
      if (existing.userIdGroupPairs().stream().noneMatch(e -> p.groupId().equals(e.groupId()))) {
        return false;
      }
    }
    for (PrefixListId p : wanted.prefixListIds()) {
      if (existing.prefixListIds().stream().noneMatch(e -> p.prefixListId().equals(e.prefixListId()))) {
        return false;
      }
    }
    for (IpRange r : wanted.ipRanges()) {
      if (existing.ipRanges().stream().noneMatch(e -> r.cidrIp().equals(e.cidrIp()))) {
        return false;
      }
    }
    return true;
  }

  private static String protocol(String p) {
    return p == null || p.equalsIgnoreCase("all") ? "-1" : p.toLowerCase(java.util.Locale.ROOT);
  }
}
