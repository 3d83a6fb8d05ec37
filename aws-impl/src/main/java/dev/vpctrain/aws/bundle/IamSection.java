package dev.vpctrain.aws.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.internal.iam.IamMapping;
import dev.vpctrain.aws.internal.iam.PolicyDocumentJson;
import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.json.JsonOutput;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.ManagedPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The {@code iam} bundle section in either form: {@code GetAccountAuthorizationDetails},
 * or the scoped {@code roles} (by name) and {@code policies} (by ARN). Each output is checked (ARNs,
 * names, each role and policy once), its policy documents (objects, or strings of JSON or URL-encoded
 * JSON) made JSON text by {@link PolicyDocumentJson}, then read into the SDK's response shape by
 * {@link SdkJson} (timestamps as epoch seconds or ISO-8601, as the AWS CLI prints them) and mapped by
 * {@link IamMapping}. Writing is the reverse, documents written as objects as the CLI prints them.
 */
final class IamSection {
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/(?:[^/]+/)*[^/]+");
  private static final Pattern POLICY_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}|aws):policy/.+");
  /** The members of the IAM shapes that hold a policy document. */
  private static final Set<String> DOCUMENTS = Set.of("AssumeRolePolicyDocument", "PolicyDocument", "Document");

  private IamSection() {}

  // ---- reading ------------------------------------------------------------------------------

  static IamEvidence read(JsonInput iam) {
    iam.requireObject();
    Map<String, JsonInput> roleAt = new HashMap<>();
    Map<String, JsonInput> policyAt = new HashMap<>();
    List<IamRole> roles = new ArrayList<>();
    List<ManagedPolicy> policies = new ArrayList<>();
    boolean complete = false;
    Optional<JsonInput> gaad = iam.optObject("GetAccountAuthorizationDetails");
    if (gaad.isPresent()) {
      JsonInput g = gaad.get();
      List<JsonInput> roleAts = g.optArray("RoleDetailList").orElse(List.of());
      List<JsonInput> policyAts = g.optArray("Policies").orElse(List.of());
      roleAts.forEach(IamSection::checkRoleDetail);
      policyAts.forEach(p -> policyArn(p.requireObject(), "Arn"));
      ObjectNode copy = documentsAsText(g);
      // users and groups are not part of the model
      copy.remove("UserDetailList");
      copy.remove("GroupDetailList");
      GetAccountAuthorizationDetailsResponse r = sdk(GetAccountAuthorizationDetailsResponse::builder, copy, g);
      complete = IamMapping.isComplete(r);
      for (int i = 0; i < roleAts.size(); i++) {
        roles.add(unique(roleAt, roleAts.get(i), IamMapping.role(r.roleDetailList().get(i))));
      }
      for (int i = 0; i < policyAts.size(); i++) {
        policies.add(unique(policyAt, policyAts.get(i), IamMapping.policy(r.policies().get(i))));
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
    return IamEvidence.builder().roles(roles).policies(policies).isComplete(complete).build();
  }

  private static void checkRoleDetail(JsonInput r) {
    checkRole(r.requireObject());
    r.optArray("RolePolicyList").ifPresent(list -> list.forEach(p -> p.requireObject().string("PolicyName")));
    attached(r, "AttachedManagedPolicies");
  }

  /** Name, ARN, boundary and tags of a {@code RoleDetail} or {@code Role}. */
  private static void checkRole(JsonInput r) {
    String arn = r.string("Arn");
    if (!ROLE_ARN.matcher(arn).matches()) {
      throw r.member("Arn").error("expected a role ARN such as arn:aws:iam::123456789012:role/Name but was \"" + arn + "\"");
    }
    String name = r.string("RoleName");
    if (!arn.endsWith("/" + name)) {
      throw r.member("RoleName").error("expected the name the ARN ends with (" + arn + ") but was \"" + name + "\"");
    }
    r.optObject("PermissionsBoundary").ifPresent(pb -> policyArn(pb, "PermissionsBoundaryArn"));
    for (JsonInput t : r.optArray("Tags").orElse(List.of())) {
      t.requireObject().string("Key");
    }
  }

  private static void attached(JsonInput o, String member) {
    for (JsonInput p : o.optArray(member).orElse(List.of())) {
      policyArn(p.requireObject(), "PolicyArn");
    }
  }

  private static String policyArn(JsonInput o, String member) {
    String arn = o.string(member);
    if (!POLICY_ARN.matcher(arn).matches()) {
      throw o.member(member).error("expected a policy ARN such as arn:aws:iam::aws:policy/Name but was \"" + arn + "\"");
    }
    return arn;
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

  private static IamRole scopedRole(String name, JsonInput r) {
    JsonInput get = r.object("GetRole");
    JsonInput role = get.object("Role");
    checkRole(role);
    String listed = role.string("RoleName");
    if (!listed.equals(name)) {
      throw role.member("RoleName").error("expected the role the entry is keyed by, " + name + ", but was \""
          + listed + "\" (the bundle is ambiguous)");
    }
    Optional<ListAttachedRolePoliciesResponse> attached = r.optObject("ListAttachedRolePolicies").map(l -> {
      attached(l, "AttachedPolicies");
      return sdk(ListAttachedRolePoliciesResponse::builder, l.node(), l);
    });
    Map<String, JsonInput> docAt = new HashMap<>();
    List<GetRolePolicyResponse> documents = new ArrayList<>();
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
      documents.add(sdk(GetRolePolicyResponse::builder, documentsAsText(p), p));
    }
    Optional<ListRolePoliciesResponse> inline = r.optObject("ListRolePolicies").map(l -> {
      List<String> names = l.strings("PolicyNames");
      for (Map.Entry<String, JsonInput> e : docAt.entrySet()) {
        if (!names.contains(e.getKey())) {
          throw e.getValue().member("PolicyName").error("expected one of the policies ListRolePolicies lists "
              + names + " but was \"" + e.getKey() + "\"");
        }
      }
      return sdk(ListRolePoliciesResponse::builder, l.node(), l);
    });
    GetRoleResponse getRole = sdk(GetRoleResponse::builder, documentsAsText(get), get);
    return IamMapping.role(getRole, attached, inline, documents);
  }

  private static ManagedPolicy scopedPolicy(String arn, JsonInput p) {
    if (!POLICY_ARN.matcher(arn).matches()) {
      throw p.error("expected a policy ARN such as arn:aws:iam::aws:policy/Name as the member name but was \"" + arn + "\"");
    }
    Optional<GetPolicyResponse> get = p.optObject("GetPolicy").map(g -> {
      JsonInput policy = g.object("Policy");
      String named = policyArn(policy, "Arn");
      if (!named.equals(arn)) {
        throw policy.member("Arn").error("expected the policy the entry is keyed by, " + arn + ", but was \"" + named + "\"");
      }
      return sdk(GetPolicyResponse::builder, g.node(), g);
    });
    Optional<GetPolicyVersionResponse> version = p.optObject("GetPolicyVersion").map(v -> {
      v.object("PolicyVersion");
      return sdk(GetPolicyVersionResponse::builder, documentsAsText(v), v);
    });
    return IamMapping.policy(arn, get, version);
  }

  private static <R> R sdk(Supplier<? extends SdkBuilder<?, ? extends R>> shape, JsonNode node, JsonInput at) {
    return BundleReader.sdk(shape, node, at);
  }

  /** A copy of the object at {@code at} with every policy document in it (any depth) as JSON text. */
  private static ObjectNode documentsAsText(JsonInput at) {
    return (ObjectNode) documentsAsText(at, at.node());
  }

  private static JsonNode documentsAsText(JsonInput at, JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonOutput.object();
      for (String name : at.memberNames()) {
        JsonInput m = at.member(name);
        if (DOCUMENTS.contains(name) && m.isPresent()) {
          copy.put(name, PolicyDocumentJson.read(m));
        } else {
          copy.set(name, documentsAsText(m, m.node()));
        }
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonOutput.array();
      for (JsonInput e : at.elements()) {
        copy.add(documentsAsText(e, e.node()));
      }
      return copy;
    }
    return node;
  }

  // ---- writing ------------------------------------------------------------------------------

  /**
   * The section as the bundle holds it: a complete listing as {@code GetAccountAuthorizationDetails}
   * (not truncated), anything else in the scoped form. Documents are written as objects.
   */
  static ObjectNode write(IamEvidence e, SdkJson.Style style) {
    ObjectNode iam = JsonOutput.object();
    if (e.isComplete()) {
      iam.set("GetAccountAuthorizationDetails",
          documentsAsObjects(SdkJson.toJson(IamMapping.sdkAccountDetails(e.roles(), e.policies()), style)));
      return iam;
    }
    if (!e.roles().isEmpty()) {
      ObjectNode roles = iam.putObject("roles");
      for (IamRole r : e.roles()) {
        ObjectNode o = roles.putObject(r.roleName());
        o.set("GetRole", documentsAsObjects(SdkJson.toJson(IamMapping.sdkGetRole(r), style)));
        IamMapping.sdkAttachedPolicies(r).ifPresent(l -> o.set("ListAttachedRolePolicies", SdkJson.toJson(l, style)));
        IamMapping.sdkRolePolicyNames(r).ifPresent(l -> o.set("ListRolePolicies", SdkJson.toJson(l, style)));
        List<GetRolePolicyResponse> docs = IamMapping.sdkRolePolicies(r);
        if (!docs.isEmpty()) {
          ArrayNode a = o.putArray("GetRolePolicy");
          docs.forEach(d -> a.add(documentsAsObjects(SdkJson.toJson(d, style))));
        }
      }
    }
    if (!e.policies().isEmpty()) {
      ObjectNode policies = iam.putObject("policies");
      for (ManagedPolicy p : e.policies()) {
        ObjectNode o = policies.putObject(p.arn());
        o.set("GetPolicy", SdkJson.toJson(IamMapping.sdkGetPolicy(p), style));
        IamMapping.sdkDefaultPolicyVersion(p).ifPresent(v ->
            o.set("GetPolicyVersion", documentsAsObjects(SdkJson.toJson(v, style))));
      }
    }
    return iam;
  }

  /** {@code node} with every policy document in it (any depth) as an object, in place. */
  private static ObjectNode documentsAsObjects(ObjectNode node) {
    documentsAsObjectsIn(node);
    return node;
  }

  private static void documentsAsObjectsIn(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (String name : memberNames(o)) {
        JsonNode v = o.get(name);
        if (DOCUMENTS.contains(name) && v.isTextual()) {
          o.set(name, PolicyDocumentJson.write(v.textValue()));
        } else {
          documentsAsObjectsIn(v);
        }
      }
    } else if (node.isArray()) {
      node.forEach(IamSection::documentsAsObjectsIn);
    }
  }

  private static List<String> memberNames(ObjectNode o) {
    List<String> names = new ArrayList<>();
    o.properties().forEach(e -> names.add(e.getKey()));
    return names;
  }
}
