package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.internal.policy.Statement;
import dev.vpctrain.core.report.Finding;
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
 * {@code role.policy.undecidable}: a statement of the role's policies (identity, boundary,
 * organisation policies) decides one of the requests the ERROR role rules need ({@link RoleChecks})
 * only through a condition key whose value the snapshot cannot show ({@code ec2:AuthorizedService},
 * {@code aws:SourceVpce}, {@code aws:PrincipalTag/…}). Those rules leave such requests to this one.
 * The outcome is UNVERIFIED, never FAIL: one finding per policy, statement and set of keys, naming
 * the requests and the rules that needed them.
 */
public final class RolePolicyUndecidable extends BaseRule {
  public RolePolicyUndecidable() {
    super("role.policy.undecidable", Severity.ERROR, "The role's policies can be decided from the snapshot");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    JobRole r = JobRole.of(ctx);
    if (!r.isAsked()) {
      return one(pass(r.reason()));
    }
    if (r.role().isEmpty()) {
      return one(pass("Nothing to decide: role " + r.arn() + " is not judged (" + r.reason()
          + "); the role rules report it."));
    }
    IamRole role = r.role().get();
    Map<List<Object>, List<RoleCheck>> groups = new LinkedHashMap<>();
    for (RoleCheck c : RoleChecks.all(ctx)) {
      if (c.isUndecidable()) {
        groups.computeIfAbsent(key(c), k -> new ArrayList<>()).add(c);
      }
    }
    if (groups.isEmpty()) {
      return one(pass("Every request the role rules evaluated for role " + role.roleName()
          + " is decided by what the snapshot shows.", role.arn()));
    }
    List<Finding> out = new ArrayList<>();
    groups.values().forEach(list -> out.add(finding(role, list)));
    return out;
  }

  private static List<Object> key(RoleCheck c) {
    return List.of(c.decision().policy().orElse(""), c.decision().statement().map(Statement::index).orElse(-1),
        c.decision().unknownKeys());
  }

  private Finding finding(IamRole role, List<RoleCheck> list) {
    RoleCheck first = list.get(0);
    String policy = first.decision().policy().orElse("a policy of role " + role.roleName());
    Optional<Statement> st = first.decision().statement();
    String statement = st.map(s -> s.label() + " (" + s.effect().apiName() + ")").orElse("a statement");
    List<String> keys = first.decision().unknownKeys();
    String keyText = String.join(", ", keys);
    // one line per rule: "ec2:A, ec2:B on R1, R2 (role.vpc.permissions)"
    Map<String, Set<String>> actions = new LinkedHashMap<>();
    Map<String, Set<String>> resources = new LinkedHashMap<>();
    for (RoleCheck c : list) {
      actions.computeIfAbsent(c.rule(), k -> new LinkedHashSet<>()).add(c.action());
      resources.computeIfAbsent(c.rule(), k -> new LinkedHashSet<>()).add(c.resource());
    }
    List<String> lines = new ArrayList<>();
    actions.forEach((rule, a) -> lines.add(String.join(", ", a) + " on " + String.join(", ", resources.get(rule))
        + " (needed by " + rule + ")"));
    boolean deny = st.map(s -> s.effect().apiName().equals("Deny")).orElse(false);
    String message = "Whether " + policy + " " + (deny ? "denies" : "allows") + " requests role " + role.roleName()
        + " makes for the job depends on " + keyText + " in " + statement + ", whose value cannot be known from the "
        + "snapshot: " + String.join("; ", lines) + ".";
    List<String> hints = new ArrayList<>();
    for (String k : keys) {
      hints.add(hint(role, k));
    }
    Optional<String> policyId = policyId(policy);
    String fix = "Check by hand that " + statement + " of " + policy + " " + (deny ? "does not deny" : "allows")
        + " these requests: " + String.join(" ", hints) + " A one-instance test job with the same role, image, "
        + "subnets and data settles it. Once verified, accept it for this job (--accept-unverified "
        + "role.policy.undecidable=" + role.roleName() + policyId.map(p -> ", or =" + p + " for this policy only")
        .orElse("") + "), or change the statement so that it does not hang on " + keyText + ".";
    List<String> res = new ArrayList<>(List.of(role.roleName(), role.arn()));
    policyId.ifPresent(res::add);
    return unverified(message, fix, res.toArray(String[]::new));
  }

  /**
   * The id an acceptance names a policy by: the ARN of a managed policy or boundary, the name of an
   * inline policy, the id of an SCP or RCP (as {@link JobRole} names the policy sources).
   */
  static Optional<String> policyId(String policyName) {
    for (String prefix : List.of("managed policy ", "permissions boundary ", "SCP ", "RCP ")) {
      if (policyName.startsWith(prefix)) {
        return Optional.of(policyName.substring(prefix.length()));
      }
    }
    if (policyName.startsWith("inline policy \"")) {
      int end = policyName.indexOf('"', "inline policy \"".length());
      if (end > 0) {
        return Optional.of(policyName.substring("inline policy \"".length(), end));
      }
    }
    return Optional.empty();
  }

  private static String hint(IamRole role, String key) {
    String k = key.toLowerCase(Locale.ROOT);
    switch (k) {
      case "ec2:authorizedservice":
      case "ec2:authorizeduser":
      case "ec2:permission":
        return "The " + key + " value SageMaker uses when it grants itself access to the job's network interfaces "
            + "is not documented (CloudTrail shows the CreateNetworkInterfacePermission calls of a test job).";
      case "aws:sourcevpc":
      case "aws:sourcevpce":
      case "aws:sourceip":
      case "aws:calledvia":
      case "aws:calledviafirst":
      case "aws:calledvialast":
      case "aws:viaawsservice":
        return key + " is not known for the calls SageMaker makes as the role: SageMaker calls from its own "
            + "network, not from the job's VPC (CloudTrail shows the sourceIPAddress and vpcEndpointId of a test "
            + "job's calls).";
      case "kms:viaservice":
        return "kms:ViaService for the volume key's CreateGrant is not known (the service SageMaker calls KMS "
            + "through is not documented).";
      default:
        if (k.startsWith("aws:principaltag/")) {
          return key + " is a tag of the role (aws iam list-role-tags --role-name " + role.roleName() + ").";
        }
        if (k.startsWith("aws:resourcetag/") || k.startsWith("ecr:resourcetag/")) {
          return key + " is a tag of the resource, which the snapshot does not hold (aws ecr list-tags-for-resource "
              + "for a repository).";
        }
        return "vpctrain cannot know " + key + " before launch.";
    }
  }
}
