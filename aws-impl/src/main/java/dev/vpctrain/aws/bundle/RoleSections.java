package dev.vpctrain.aws.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.internal.iam.PolicyDocumentJson;
import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.json.JsonOutput;
import dev.vpctrain.aws.internal.json.SdkJson;
import dev.vpctrain.aws.internal.kms.KmsMapping;
import dev.vpctrain.core.iam.KmsKey;
import dev.vpctrain.core.iam.OrganizationPolicy;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;

/**
 * The execution role's bundle sections: {@code iam} (either form),
 * {@code kms} and {@code organizations}. {@code kms} is checked (key ARNs, alias names), read into
 * the SDK's {@code ListAliasesResponse}, {@code DescribeKeyResponse} and {@code GetKeyPolicyResponse}
 * by {@link SdkJson} (a key policy given as an object is first made the JSON text the API returns)
 * and mapped by {@link KmsMapping}; writing is the reverse. {@code iam} is an {@link IamSection}.
 * {@code organizations} holds user-supplied SCP/RCP documents in the shape of
 * {@code organizations describe-policy}; it is read and written here, member by member, as plain
 * documents (the {@code organizations} SDK module is not a dependency for one string member).
 * Absent sections stay unknown and are not written back. Capture errors of {@code iam:…} and {@code kms:…} calls are applied by
 * {@link NetworkSnapshot#withoutIncomplete()}.
 */
final class RoleSections {
  private static final Pattern KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+");

  private RoleSections() {}

  static void read(JsonInput root, NetworkSnapshot.Builder b) {
    root.optObject("iam").ifPresent(iam -> b.iam(IamSection.read(iam)));
    root.optObject("kms").ifPresent(kms -> {
      kms.optObject("ListAliases").ifPresent(a -> b.kmsAliases(KmsMapping.aliases(aliases(a))));
      kms.optObject("keys").ifPresent(k -> b.putAllKmsKeys(keys(k)));
    });
    root.optObject("organizations").ifPresent(o -> {
      JsonInput op = o.member("DescribePolicy");
      if (op.isPresent()) {
        b.organizationPolicies(organizationPolicies(op));
      }
    });
  }

  /** {@code kms.ListAliases}, each alias name checked. */
  private static ListAliasesResponse aliases(JsonInput op) {
    for (JsonInput a : op.requireObject().array("Aliases")) {
      a.requireObject();
      String name = a.string("AliasName");
      if (!name.startsWith("alias/")) {
        throw a.member("AliasName").error("expected an alias name such as alias/training but was \"" + name + "\"");
      }
    }
    return BundleReader.sdk(ListAliasesResponse::builder, op);
  }

  /** {@code kms.keys}: by key ARN, each {@code DescribeKey} and optionally {@code GetKeyPolicy}. */
  private static Map<String, KmsKey> keys(JsonInput keys) {
    Map<String, KmsKey> out = new LinkedHashMap<>();
    for (String arn : keys.requireObject().memberNames()) {
      JsonInput k = keys.member(arn).requireObject();
      if (!KEY_ARN.matcher(arn).matches()) {
        throw k.error("expected a key ARN such as arn:aws:kms:eu-west-1:123456789012:key/1234abcd-… as the member "
            + "name but was \"" + arn + "\"");
      }
      JsonInput describe = k.object("DescribeKey");
      JsonInput meta = describe.object("KeyMetadata");
      String named = meta.string("Arn");
      if (!named.equals(arn)) {
        throw meta.member("Arn").error("expected the key the entry is keyed by, " + arn + ", but was \"" + named + "\"");
      }
      meta.string("KeyId");
      Optional<GetKeyPolicyResponse> policy = k.optObject("GetKeyPolicy").map(p -> {
        ObjectNode copy = p.node().deepCopy();
        copy.put("Policy", PolicyDocumentJson.read(p.member("Policy")));
        return BundleReader.sdk(GetKeyPolicyResponse::builder, copy, p);
      });
      out.put(arn, KmsMapping.key(BundleReader.sdk(DescribeKeyResponse::builder, describe), policy));
    }
    return out;
  }

  /** {@code organizations.DescribePolicy}: a list of outputs (an object for one is accepted too). */
  private static List<OrganizationPolicy> organizationPolicies(JsonInput op) {
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

  /** {@code organizations.DescribePolicy} outputs. */
  private static ArrayNode writeOrganizationPolicies(List<OrganizationPolicy> policies) {
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

  static void write(NetworkSnapshot s, ObjectNode root, SdkJson.Style style) {
    s.iam().ifPresent(iam -> root.set("iam", IamSection.write(iam, style)));
    if (s.kmsAliases().isPresent() || !s.kmsKeys().isEmpty()) {
      ObjectNode kms = root.putObject("kms");
      s.kmsAliases().ifPresent(l -> kms.set("ListAliases", SdkJson.toJson(KmsMapping.sdkAliases(l), style)));
      if (!s.kmsKeys().isEmpty()) {
        ObjectNode keys = kms.putObject("keys");
        s.kmsKeys().forEach((arn, k) -> {
          ObjectNode o = keys.putObject(arn);
          o.set("DescribeKey", SdkJson.toJson(KmsMapping.sdkDescribeKey(k), style));
          KmsMapping.sdkKeyPolicy(k).ifPresent(p -> o.set("GetKeyPolicy", SdkJson.toJson(p, style)));
        });
      }
    }
    s.organizationPolicies().ifPresent(l ->
        root.putObject("organizations").set("DescribePolicy", writeOrganizationPolicies(l)));
  }
}
