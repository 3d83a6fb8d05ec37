package dev.vpctrain.aws.internal.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.json.JsonOutput;
import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.InlinePolicy;
import dev.vpctrain.core.iam.ManagedPolicy;
import dev.vpctrain.core.iam.OrganizationPolicy;
import dev.vpctrain.core.network.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one mapping between the IAM output shapes (AWS CLI JSON: {@code get-account-authorization-details},
 * {@code get-role}, {@code list-attached-role-policies}, {@code list-role-policies},
 * {@code get-role-policy}, {@code get-policy}, {@code get-policy-version}; and
 * {@code organizations describe-policy}) and the core model, both ways. The {@code iam} and
 * {@code organizations} SDK modules are not in this build's dependency set, so the CLI shapes are read
 * here directly, checked member by member, instead of through {@code SdkJson}; live discovery (later)
 * is to map the SDK shapes to the same model. Policy documents: {@link PolicyDocumentJson}.
 */
public final class IamMapping {
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/(?:[^/]+/)*[^/]+");
  private static final Pattern POLICY_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}|aws):policy/.+");

  private IamMapping() {}

  // ---- reading ------------------------------------------------------------------------------

  /** The {@code iam} section in either form (a role may appear in only one). */
  public static IamEvidence read(JsonInput iam) {
    iam.requireObject();
    IamEvidence.Builder b = IamEvidence.builder();
    Map<String, JsonInput> roleAt = new HashMap<>();
    Map<String, JsonInput> policyAt = new HashMap<>();
    List<IamRole> roles = new ArrayList<>();
    List<ManagedPolicy> policies = new ArrayList<>();
    Optional<JsonInput> gaad = iam.optObject("GetAccountAuthorizationDetails");
    boolean complete = false;
    if (gaad.isPresent()) {
      JsonInput g = gaad.get();
      complete = !g.optBoolean("IsTruncated").orElse(false);
      g.optString("Marker");
      for (JsonInput r : g.optArray("RoleDetailList").orElse(List.of())) {
        roles.add(unique(roleAt, r, roleDetail(r)));
      }
      for (JsonInput p : g.optArray("Policies").orElse(List.of())) {
        policies.add(unique(policyAt, p, policyDetail(p)));
      }
      if (!g.has("RoleDetailList")) {
        complete = false; // a listing filtered without Role says nothing of the roles
      }
    }
    iam.optObject("roles").ifPresent(rs -> {
      for (String name : rs.memberNames()) {
        JsonInput r = rs.member(name).requireObject();
        roles.add(unique(roleAt, r, scopedRole(name, r)));
      }
    });
    iam.optObject("policies").ifPresent(ps -> {
      for (String arn : ps.memberNames()) {
        JsonInput p = ps.member(arn).requireObject();
        policies.add(unique(policyAt, p, scopedPolicy(arn, p)));
      }
    });
    return b.roles(roles).policies(policies).isComplete(complete).build();
  }

  /** {@code organizations.DescribePolicy}: a list of outputs (an object for one is accepted too). */
  public static List<OrganizationPolicy> organizationPolicies(JsonInput op) {
    List<JsonInput> outputs = op.node().isArray() ? op.elements() : List.of(op.requireObject());
    List<OrganizationPolicy> out = new ArrayList<>();
    for (JsonInput o : outputs) {
      JsonInput p = o.requireObject().object("Policy");
      JsonInput summary = p.object("PolicySummary");
      String type = summary.string("Type");
      String upper = type.toUpperCase(Locale.ROOT);
      if (!upper.equals("SERVICE_CONTROL_POLICY") && !upper.equals("RESOURCE_CONTROL_POLICY")) {
        throw summary.member("Type").error("expected SERVICE_CONTROL_POLICY or RESOURCE_CONTROL_POLICY (only SCPs and "
            + "RCPs count) but was \"" + type + "\"");
      }
      out.add(OrganizationPolicy.builder().policyId(summary.optString("Id")).name(summary.optString("Name"))
          .type(upper).content(PolicyDocumentJson.read(p.member("Content"))).build());
    }
    return out;
  }

  private static <T> T unique(Map<String, JsonInput> seen, JsonInput at, T value) {
    String key = value instanceof IamRole r ? "role " + r.roleName().toLowerCase(Locale.ROOT)
        : "policy " + ((ManagedPolicy) value).arn();
    JsonInput before = seen.putIfAbsent(key, at);
    if (before != null) {
      throw at.error("expected each role and policy once, but " + key + " is also at " + before.path()
          + " (the bundle is ambiguous)");
    }
    return value;
  }

  private static IamRole roleDetail(JsonInput r) {
    r.requireObject();
    IamRole.Builder b = role(r);
    b.trustPolicy(document(r, "AssumeRolePolicyDocument"));
    r.optArray("RolePolicyList").ifPresent(list -> {
      List<InlinePolicy> inline = new ArrayList<>();
      for (JsonInput p : list) {
        p.requireObject();
        inline.add(InlinePolicy.of(p.string("PolicyName"), document(p, "PolicyDocument")));
      }
      b.inlinePolicies(inline);
    });
    if (r.member("AttachedManagedPolicies").isPresent()) {
      b.attachedPolicyArns(attached(r, "AttachedManagedPolicies"));
    }
    return b.build();
  }

  /** Name, ARN, boundary and tags of a {@code RoleDetail} or {@code Role}. */
  private static IamRole.Builder role(JsonInput r) {
    String arn = r.string("Arn");
    if (!ROLE_ARN.matcher(arn).matches()) {
      throw r.member("Arn").error("expected a role ARN such as arn:aws:iam::123456789012:role/Name but was \"" + arn + "\"");
    }
    String name = r.string("RoleName");
    if (!arn.endsWith("/" + name)) {
      throw r.member("RoleName").error("expected the name the ARN ends with (" + arn + ") but was \"" + name + "\"");
    }
    r.optString("Path");
    r.optString("RoleId");
    IamRole.Builder b = IamRole.builder().roleName(name).arn(arn);
    r.optObject("PermissionsBoundary").ifPresent(pb -> b.permissionsBoundaryArn(policyArn(pb, "PermissionsBoundaryArn")));
    for (JsonInput t : r.optArray("Tags").orElse(List.of())) {
      t.requireObject();
      b.addTag(Tag.of(t.string("Key"), t.optString("Value").orElse("")));
    }
    return b;
  }

  private static List<String> attached(JsonInput o, String member) {
    List<String> out = new ArrayList<>();
    for (JsonInput p : o.optArray(member).orElse(List.of())) {
      p.requireObject();
      p.optString("PolicyName");
      out.add(policyArn(p, "PolicyArn"));
    }
    return out;
  }

  private static String policyArn(JsonInput o, String member) {
    String arn = o.string(member);
    if (!POLICY_ARN.matcher(arn).matches()) {
      throw o.member(member).error("expected a policy ARN such as arn:aws:iam::aws:policy/Name but was \"" + arn + "\"");
    }
    return arn;
  }

  private static Optional<String> document(JsonInput o, String member) {
    JsonInput d = o.member(member);
    return d.isPresent() ? Optional.of(PolicyDocumentJson.read(d)) : Optional.empty();
  }

  private static ManagedPolicy policyDetail(JsonInput p) {
    p.requireObject();
    String arn = policyArn(p, "Arn");
    Optional<String> defaultVersion = p.optString("DefaultVersionId");
    Optional<String> document = Optional.empty();
    for (JsonInput v : p.optArray("PolicyVersionList").orElse(List.of())) {
      v.requireObject();
      boolean isDefault = v.optBoolean("IsDefaultVersion").orElse(false)
          || (defaultVersion.isPresent() && defaultVersion.equals(v.optString("VersionId")));
      Optional<String> doc = document(v, "Document");
      if (isDefault) {
        document = doc;
      }
    }
    return ManagedPolicy.builder().arn(arn).policyName(p.optString("PolicyName")).defaultVersionId(defaultVersion)
        .document(document).build();
  }

  private static IamRole scopedRole(String name, JsonInput r) {
    JsonInput role = r.object("GetRole").object("Role");
    IamRole.Builder b = role(role);
    String listed = role.string("RoleName");
    if (!listed.equals(name)) {
      throw role.member("RoleName").error("expected the role the entry is keyed by, " + name + ", but was \""
          + listed + "\" (the bundle is ambiguous)");
    }
    b.trustPolicy(document(role, "AssumeRolePolicyDocument"));
    r.optObject("ListAttachedRolePolicies").ifPresent(l -> b.attachedPolicyArns(attached(l, "AttachedPolicies")));
    Map<String, Optional<String>> docs = new LinkedHashMap<>();
    Map<String, JsonInput> docAt = new HashMap<>();
    for (JsonInput p : r.optArray("GetRolePolicy").orElse(List.of())) {
      p.requireObject();
      p.optString("RoleName").ifPresent(n -> {
        if (!n.equals(name)) {
          throw p.member("RoleName").error("expected " + name + " (the role the entry is keyed by) but was \"" + n + "\"");
        }
      });
      String policyName = p.string("PolicyName");
      if (docAt.putIfAbsent(policyName, p) != null) {
        throw p.member("PolicyName").error("expected each inline policy once, but " + policyName + " is also at "
            + docAt.get(policyName).path());
      }
      docs.put(policyName, document(p, "PolicyDocument"));
    }
    r.optObject("ListRolePolicies").ifPresent(l -> {
      List<String> names = l.strings("PolicyNames");
      for (Map.Entry<String, JsonInput> e : docAt.entrySet()) {
        if (!names.contains(e.getKey())) {
          throw e.getValue().member("PolicyName").error("expected one of the policies ListRolePolicies lists "
              + names + " but was \"" + e.getKey() + "\"");
        }
      }
      List<InlinePolicy> inline = new ArrayList<>();
      names.forEach(n -> inline.add(InlinePolicy.of(n, docs.getOrDefault(n, Optional.empty()))));
      b.inlinePolicies(inline);
    });
    return b.build();
  }

  private static ManagedPolicy scopedPolicy(String arn, JsonInput p) {
    if (!POLICY_ARN.matcher(arn).matches()) {
      throw p.error("expected a policy ARN such as arn:aws:iam::aws:policy/Name as the member name but was \"" + arn + "\"");
    }
    ManagedPolicy.Builder b = ManagedPolicy.builder().arn(arn);
    Optional<String> defaultVersion = Optional.empty();
    Optional<JsonInput> get = p.optObject("GetPolicy");
    if (get.isPresent()) {
      JsonInput policy = get.get().object("Policy");
      String named = policyArn(policy, "Arn");
      if (!named.equals(arn)) {
        throw policy.member("Arn").error("expected the policy the entry is keyed by, " + arn + ", but was \"" + named + "\"");
      }
      defaultVersion = policy.optString("DefaultVersionId");
      b.policyName(policy.optString("PolicyName")).defaultVersionId(defaultVersion);
    }
    Optional<JsonInput> version = p.optObject("GetPolicyVersion");
    if (version.isPresent()) {
      JsonInput v = version.get().object("PolicyVersion");
      Optional<String> id = v.optString("VersionId");
      Optional<Boolean> isDefault = v.optBoolean("IsDefaultVersion");
      Optional<String> doc = document(v, "Document");
      // only the default version counts; a version not known to be it leaves the document unknown
      boolean known = isDefault.orElse(false) || (defaultVersion.isPresent() && defaultVersion.equals(id));
      if (known && !(defaultVersion.isPresent() && id.isPresent() && !defaultVersion.equals(id))) {
        b.document(doc);
      }
    }
    return b.build();
  }

  // ---- writing ------------------------------------------------------------------------------

  /**
   * The section as the bundle holds it: a complete listing as {@code GetAccountAuthorizationDetails}
   * (not truncated), anything else in the scoped form. Documents are written as objects.
   */
  public static ObjectNode write(IamEvidence e) {
    ObjectNode iam = JsonOutput.object();
    if (e.isComplete()) {
      ObjectNode g = iam.putObject("GetAccountAuthorizationDetails");
      ArrayNode roles = g.putArray("RoleDetailList");
      for (IamRole r : e.roles()) {
        ObjectNode o = roleObject(roles.addObject(), r);
        r.inlinePolicies().ifPresent(l -> {
          ArrayNode a = o.putArray("RolePolicyList");
          l.forEach(p -> {
            ObjectNode po = a.addObject().put("PolicyName", p.policyName());
            p.document().ifPresent(d -> po.set("PolicyDocument", PolicyDocumentJson.write(d)));
          });
        });
        r.attachedPolicyArns().ifPresent(l -> attachedArray(o.putArray("AttachedManagedPolicies"), l));
      }
      ArrayNode policies = g.putArray("Policies");
      for (ManagedPolicy p : e.policies()) {
        ObjectNode o = policies.addObject();
        p.policyName().ifPresent(n -> o.put("PolicyName", n));
        o.put("Arn", p.arn());
        p.defaultVersionId().ifPresent(v -> o.put("DefaultVersionId", v));
        p.document().ifPresent(d -> {
          ObjectNode v = o.putArray("PolicyVersionList").addObject();
          v.set("Document", PolicyDocumentJson.write(d));
          p.defaultVersionId().ifPresent(id -> v.put("VersionId", id));
          v.put("IsDefaultVersion", true);
        });
      }
      g.put("IsTruncated", false);
      return iam;
    }
    if (!e.roles().isEmpty()) {
      ObjectNode roles = iam.putObject("roles");
      for (IamRole r : e.roles()) {
        ObjectNode o = roles.putObject(r.roleName());
        roleObject(o.putObject("GetRole").putObject("Role"), r);
        r.attachedPolicyArns().ifPresent(l -> attachedArray(o.putObject("ListAttachedRolePolicies")
            .putArray("AttachedPolicies"), l));
        r.inlinePolicies().ifPresent(l -> {
          ArrayNode names = o.putObject("ListRolePolicies").putArray("PolicyNames");
          l.forEach(p -> names.add(p.policyName()));
          ArrayNode docs = JsonOutput.array();
          l.forEach(p -> p.document().ifPresent(d -> docs.addObject().put("RoleName", r.roleName())
              .put("PolicyName", p.policyName()).set("PolicyDocument", PolicyDocumentJson.write(d))));
          if (!docs.isEmpty()) {
            o.set("GetRolePolicy", docs);
          }
        });
      }
    }
    if (!e.policies().isEmpty()) {
      ObjectNode policies = iam.putObject("policies");
      for (ManagedPolicy p : e.policies()) {
        ObjectNode o = policies.putObject(p.arn());
        ObjectNode policy = o.putObject("GetPolicy").putObject("Policy");
        p.policyName().ifPresent(n -> policy.put("PolicyName", n));
        policy.put("Arn", p.arn());
        p.defaultVersionId().ifPresent(v -> policy.put("DefaultVersionId", v));
        p.document().ifPresent(d -> {
          ObjectNode v = o.putObject("GetPolicyVersion").putObject("PolicyVersion");
          v.set("Document", PolicyDocumentJson.write(d));
          p.defaultVersionId().ifPresent(id -> v.put("VersionId", id));
          v.put("IsDefaultVersion", true);
        });
      }
    }
    return iam;
  }

  /** {@code organizations.DescribePolicy} outputs. */
  public static ArrayNode writeOrganizationPolicies(List<OrganizationPolicy> policies) {
    ArrayNode a = JsonOutput.array();
    for (OrganizationPolicy p : policies) {
      ObjectNode policy = a.addObject().putObject("Policy");
      ObjectNode summary = policy.putObject("PolicySummary");
      p.policyId().ifPresent(id -> summary.put("Id", id));
      p.name().ifPresent(n -> summary.put("Name", n));
      summary.put("Type", p.type());
      // describe-policy returns Content as a JSON string
      policy.put("Content", p.content());
    }
    return a;
  }

  private static ObjectNode roleObject(ObjectNode o, IamRole r) {
    o.put("RoleName", r.roleName());
    o.put("Arn", r.arn());
    r.trustPolicy().ifPresent(d -> o.set("AssumeRolePolicyDocument", PolicyDocumentJson.write(d)));
    r.permissionsBoundaryArn().ifPresent(a -> o.putObject("PermissionsBoundary")
        .put("PermissionsBoundaryType", "Policy").put("PermissionsBoundaryArn", a));
    if (!r.tags().isEmpty()) {
      ArrayNode tags = o.putArray("Tags");
      r.tags().forEach(t -> tags.addObject().put("Key", t.key()).put("Value", t.value()));
    }
    return o;
  }

  private static void attachedArray(ArrayNode a, List<String> arns) {
    arns.forEach(arn -> a.addObject().put("PolicyName", arn.substring(arn.lastIndexOf('/') + 1)).put("PolicyArn", arn));
  }
}
