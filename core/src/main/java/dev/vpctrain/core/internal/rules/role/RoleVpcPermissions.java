package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.internal.policy.AuthDecision;
import dev.vpctrain.core.internal.policy.Authorization;
import dev.vpctrain.core.internal.policy.Condition;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.PolicySource;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.policy.Statement;
import dev.vpctrain.core.internal.policy.Target;
import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Tag;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Grouping;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code role.vpc.permissions}: the role may create, describe and delete the job's network
 * interfaces. {@code Describe*} actions are evaluated on {@code "*"}; {@code CreateNetworkInterface}
 * on each resource it is authorised on (the new interface, the job subnet, each job SG) with their
 * condition keys; the permission and delete actions on {@code network-interface/*}. One finding per
 * job subnet that the role cannot use.
 */
public final class RoleVpcPermissions extends BaseRule {
  static final List<String> DESCRIBE = List.of("ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs",
      "ec2:DescribeDhcpOptions", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups");
  static final String CREATE = "ec2:CreateNetworkInterface";
  static final List<String> ON_INTERFACES = List.of("ec2:CreateNetworkInterfacePermission",
      "ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission");

  public RoleVpcPermissions() {
    super("role.vpc.permissions", Severity.ERROR, "The execution role may create the job's network interfaces");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    JobRole r = JobRole.of(ctx);
    if (ctx.job().vpc().isEmpty()) {
      return one(pass("The job does not run in a VPC: SageMaker creates no network interface as the role."));
    }
    if (!r.isAsked()) {
      return one(pass(r.reason()));
    }
    if (r.role().isEmpty()) {
      return one(unverified("Whether role " + r.arn() + " may create the job's network interfaces is not known: "
          + r.reason() + ".", JobRole.captureAdvice(r), r.arn()));
    }
    IamRole role = r.role().get();
    VpcSpec vpc = ctx.job().vpc().get();
    Analysis a = analysis(ctx);
    List<Finding> out = new ArrayList<>();
    List<Miss> describe = misses(a.describe());
    if (!describe.isEmpty()) {
      out.add(finding(role, describe, "the job's VPC", null, List.of(role.arn())));
    }
    boolean undecidable = a.all().stream().anyMatch(RoleCheck::isUndecidable);
    for (Map.Entry<String, List<RoleCheck>> e : a.subnets().entrySet()) {
      String subnetId = e.getKey();
      List<Miss> misses = misses(e.getValue());
      List<String> resources = new ArrayList<>(List.of(subnetId));
      for (Map.Entry<String, List<RoleCheck>> g : a.groups().entrySet()) {
        List<Miss> onGroup = misses(g.getValue());
        if (!onGroup.isEmpty()) {
          misses.addAll(onGroup);
          resources.add(g.getKey());
        }
      }
      if (!misses.isEmpty()) {
        resources.add(role.arn());
        out.add(finding(role, misses, "subnet " + subnetId, subnetId, resources));
      }
    }
    if (out.isEmpty()) {
      return one(pass("Role " + role.roleName() + " may create, describe and delete the job's network interfaces in "
          + "its " + vpc.subnets().size() + " subnet(s) with its " + vpc.securityGroups().size()
          + " security group(s)" + (undecidable ? ", except where a condition cannot be decided from the snapshot "
          + "(see role.policy.undecidable)" : "") + ". (Whether SageMaker also tags them, needing ec2:CreateTags, "
          + "is not verified.)", role.arn()));
    }
    return out;
  }

  /**
   * Every request this rule decides for the job's role (empty when the job has no VPC or the role is
   * not in the snapshot), in a stable order: the Describe calls, then per job subnet the calls on
   * the new interface and the subnet, then per job SG its part of {@code CreateNetworkInterface}.
   */
  static List<RoleCheck> checks(RuleContext ctx) {
    return analysis(ctx).all();
  }

  /** The decided requests, by what they are for. */
  private record Analysis(List<RoleCheck> describe, Map<String, List<RoleCheck>> subnets,
      Map<String, List<RoleCheck>> groups) {
    static final Analysis NONE = new Analysis(List.of(), Map.of(), Map.of());

    List<RoleCheck> all() {
      List<RoleCheck> all = new ArrayList<>(describe);
      subnets.values().forEach(all::addAll);
      groups.values().forEach(all::addAll);
      return all;
    }
  }

  private static Analysis analysis(RuleContext ctx) {
    return ctx.cached(Analysis.class, k -> analyse(ctx));
  }

  private static Analysis analyse(RuleContext ctx) {
    JobRole r = JobRole.of(ctx);
    if (ctx.job().vpc().isEmpty() || r.role().isEmpty()) {
      return Analysis.NONE;
    }
    IamRole role = r.role().get();
    VpcSpec vpc = ctx.job().vpc().get();
    Authorization auth = r.authorization(ctx);
    Set<String> tagKeys = tagKeys(auth);
    List<RoleCheck> describe = new ArrayList<>();
    for (String action : DESCRIBE) {
      describe.add(check(role, auth, action, Target.exact("*"), base(ctx).build(), "*", "describing the job's VPC"));
    }
    // the groups' part of CreateNetworkInterface does not depend on the subnet: decided once per group
    Map<String, List<RoleCheck>> groups = new LinkedHashMap<>();
    for (String groupId : vpc.securityGroups()) {
      Optional<SecurityGroup> g = ctx.network().securityGroup(groupId);
      String groupArn = arn(ctx, g.flatMap(SecurityGroup::ownerId).orElse(role.accountId()), "security-group/" + groupId);
      RequestContext.Builder onGroup = base(ctx).absent("ec2:Subnet", "ec2:AvailabilityZone");
      g.ifPresent(sg -> {
        onGroup.put("ec2:Vpc", arn(ctx, sg.ownerId().orElse(role.accountId()), "vpc/" + sg.vpcId()));
        tags(onGroup, sg.tags(), tagKeys);
      });
      groups.putIfAbsent(groupId, List.of(check(role, auth, CREATE, Target.exact(groupArn), onGroup.build(), groupArn,
          "creating the job's network interfaces with security group " + groupId)));
    }
    Map<String, List<RoleCheck>> subnets = new LinkedHashMap<>();
    for (String subnetId : vpc.subnets()) {
      List<RoleCheck> checks = new ArrayList<>();
      String purpose = "creating the job's network interfaces in subnet " + subnetId;
      Optional<Subnet> subnet = ctx.network().subnet(subnetId);
      String account = role.accountId();
      String subnetArn = arn(ctx, subnet.flatMap(Subnet::ownerId).orElse(account), "subnet/" + subnetId);
      RequestContext.Builder eni = base(ctx).put("ec2:Subnet", subnetArn);
      subnet.ifPresent(s -> {
        eni.put("ec2:Vpc", vpcArn(ctx, s, account));
        s.availabilityZone().ifPresent(az -> eni.put("ec2:AvailabilityZone", az));
      });
      String eniArn = arn(ctx, account, "network-interface/");
      RequestContext onEni = eni.build();
      checks.add(check(role, auth, CREATE, Target.startingWith(eniArn), onEni, eniArn + "*", purpose));
      // keys the Service Authorization Reference does not list for a resource are not in its context
      RequestContext.Builder onSubnet = base(ctx).absent("ec2:Subnet");
      subnet.ifPresent(s -> {
        onSubnet.put("ec2:Vpc", vpcArn(ctx, s, account));
        s.availabilityZone().ifPresent(az -> onSubnet.put("ec2:AvailabilityZone", az));
        tags(onSubnet, s.tags(), tagKeys);
      });
      checks.add(check(role, auth, CREATE, Target.exact(subnetArn), onSubnet.build(), subnetArn, purpose));
      for (String action : ON_INTERFACES) {
        checks.add(check(role, auth, action, Target.startingWith(eniArn), onEni, eniArn + "*", purpose));
      }
      subnets.putIfAbsent(subnetId, List.copyOf(checks));
    }
    return new Analysis(List.copyOf(describe), subnets, groups);
  }

  /** The checks this rule reports itself: not allowed, and not left to role.policy.undecidable. */
  private static List<Miss> misses(List<RoleCheck> checks) {
    List<Miss> out = new ArrayList<>();
    for (RoleCheck c : checks) {
      if (!c.decision().isAllowed() && !c.isUndecidable()) {
        out.add(new Miss(c.action(), c.resource(), c.decision()));
      }
    }
    return out;
  }

  /** One action on one resource the role is not (or not known to be) allowed. */
  private record Miss(String action, String resource, AuthDecision decision) {}

  private static RoleCheck check(IamRole role, Authorization auth, String action, Target resource,
      RequestContext c, String shown, String purpose) {
    PolicyRequest request = request(role, action, resource, c);
    return new RoleCheck("role.vpc.permissions", action, shown, purpose, request, auth.decide(request));
  }

  /**
   * The finding of {@code misses} at {@code where}; with a {@code subnet}, grouped with the other
   * subnets' findings of the same misses and fix (one finding naming every subnet the role cannot use).
   */
  private Finding finding(IamRole role, List<Miss> misses, String where, String subnet, List<String> resources) {
    Finding f = finding(role, misses, where, resources);
    if (subnet == null) {
      return f;
    }
    String subnets = "subnets " + Grouping.SUBJECTS;
    return f.withGrouping(Grouping.of(subnet, finding(role, misses, subnets, resources).message()));
  }

  private Finding finding(IamRole role, List<Miss> misses, String where, List<String> resources) {
    List<Miss> denied = misses.stream().filter(m -> m.decision().isDenied()).toList();
    // one line per resource and reason: "ec2:A, ec2:B on R: not allowed: …"
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    for (Miss m : denied.isEmpty() ? misses : denied) {
      grouped.computeIfAbsent(m.resource() + "\u0000" + m.decision().explanation(), k -> new ArrayList<>())
          .add(m.action());
    }
    List<String> lines = new ArrayList<>();
    grouped.forEach((k, actions) -> {
      int cut = k.indexOf('\u0000');
      lines.add(String.join(", ", actions) + " on " + k.substring(0, cut) + ": " + k.substring(cut + 1));
    });
    String fix = fix(role, denied.isEmpty() ? misses : denied);
    String[] res = resources.toArray(String[]::new);
    if (denied.isEmpty()) {
      return unverified("Whether role " + role.roleName() + " may use " + where + " is not known: "
          + String.join("; ", lines) + ".", "If it may not, SageMaker cannot create the job's network interfaces. "
          + fix, res);
    }
    return fail("Role " + role.roleName() + " may not create the network interfaces of the job in " + where + ": "
        + String.join("; ", lines) + ". SageMaker needs these calls to attach the job to its VPC.", fix, res);
  }

  /** The minimal inline policy granting the missing actions, and the command that attaches it. */
  static String fix(IamRole role, List<Miss> misses) {
    Set<String> onAll = new LinkedHashSet<>();
    Set<String> actions = new LinkedHashSet<>();
    Set<String> resources = new LinkedHashSet<>();
    boolean explicit = false;
    for (Miss m : misses) {
      explicit |= m.decision().type() == dev.vpctrain.core.internal.policy.DecisionType.EXPLICIT_DENY;
      if (m.resource().equals("*")) {
        onAll.add(m.action());
      } else {
        actions.add(m.action());
        resources.add(m.resource());
      }
    }
    List<Map<String, Object>> statements = new ArrayList<>();
    if (!onAll.isEmpty()) {
      statements.add(RoleFix.allow("SageMakerVpcDescribe", List.copyOf(onAll), List.of("*")));
    }
    if (!actions.isEmpty()) {
      statements.add(RoleFix.allow("SageMakerVpcNetworkInterfaces", List.copyOf(actions), List.copyOf(resources)));
    }
    return RoleFix.attach(role, "vpctrain-sagemaker-vpc", explicit, statements);
  }

  private static PolicyRequest request(IamRole role, String action, Target resource, RequestContext c) {
    return PolicyRequest.builder().roleSession(role.arn()).action(action).resource(resource).context(c).build();
  }

  /** The keys every EC2 call by the job's role carries: the region (others, such as aws:SourceVpc, unknown). */
  private static RequestContext.Builder base(RuleContext ctx) {
    return RequestContext.builder().put("aws:RequestedRegion", ctx.region()).put("ec2:Region", ctx.region());
  }

  private static String arn(RuleContext ctx, String account, String resource) {
    return "arn:" + ctx.partition() + ":ec2:" + ctx.region() + ":" + account + ":" + resource;
  }

  private static String vpcArn(RuleContext ctx, Subnet s, String account) {
    return arn(ctx, s.ownerId().orElse(account), "vpc/" + s.vpcId());
  }

  /** Declares each tag key the policies test on a resource: its value when the resource has the tag, else absent. */
  private static void tags(RequestContext.Builder b, List<Tag> tags, Set<String> keys) {
    for (String key : keys) {
      String tagKey = key.substring(key.indexOf('/') + 1);
      Optional<Tag> t = tags.stream().filter(x -> x.key().equals(tagKey)).findFirst();
      if (t.isPresent()) {
        b.put(key, t.get().value());
      } else {
        b.absent(key);
      }
    }
  }

  /** The {@code ec2:ResourceTag/…} and {@code aws:ResourceTag/…} keys the role's policies test. */
  private static Set<String> tagKeys(Authorization auth) {
    Set<String> keys = new LinkedHashSet<>();
    List<PolicySource> all = new ArrayList<>(auth.identityPolicies());
    auth.boundary().ifPresent(all::add);
    for (PolicySource p : all) {
      p.policy().ifPresent(policy -> {
        for (Statement s : policy.statements()) {
          for (Condition c : s.conditions()) {
            String k = c.key().toLowerCase(Locale.ROOT);
            if (k.startsWith("ec2:resourcetag/") || k.startsWith("aws:resourcetag/")) {
              keys.add(c.key());
            }
          }
        }
      });
    }
    return keys;
  }
}
