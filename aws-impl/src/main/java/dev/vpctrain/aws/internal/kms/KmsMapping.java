package dev.vpctrain.aws.internal.kms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.internal.iam.PolicyDocumentJson;
import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.json.JsonOutput;
import dev.vpctrain.core.iam.KmsAlias;
import dev.vpctrain.core.iam.KmsKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one mapping between the KMS output shapes ({@code list-aliases}, {@code describe-key},
 * {@code get-key-policy}, AWS CLI JSON) and the core model, both ways. The {@code kms} SDK module is
 * not in this build's dependency set, so the shapes are read here directly, member by member.
 */
public final class KmsMapping {
  private static final Pattern KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+");

  private KmsMapping() {}

  /** {@code kms.ListAliases}. */
  public static List<KmsAlias> aliases(JsonInput op) {
    List<KmsAlias> out = new ArrayList<>();
    for (JsonInput a : op.requireObject().array("Aliases")) {
      a.requireObject();
      String name = a.string("AliasName");
      if (!name.startsWith("alias/")) {
        throw a.member("AliasName").error("expected an alias name such as alias/training but was \"" + name + "\"");
      }
      out.add(KmsAlias.builder().aliasName(name).aliasArn(a.optString("AliasArn"))
          .targetKeyId(a.optString("TargetKeyId")).build());
    }
    return out;
  }

  /** {@code kms.keys}: by key ARN, each {@code DescribeKey} and optionally {@code GetKeyPolicy}. */
  public static Map<String, KmsKey> keys(JsonInput keys) {
    Map<String, KmsKey> out = new LinkedHashMap<>();
    for (String arn : keys.requireObject().memberNames()) {
      JsonInput k = keys.member(arn).requireObject();
      if (!KEY_ARN.matcher(arn).matches()) {
        throw k.error("expected a key ARN such as arn:aws:kms:eu-west-1:123456789012:key/1234abcd-… as the member "
            + "name but was \"" + arn + "\"");
      }
      JsonInput meta = k.object("DescribeKey").object("KeyMetadata");
      String named = meta.string("Arn");
      if (!named.equals(arn)) {
        throw meta.member("Arn").error("expected the key the entry is keyed by, " + arn + ", but was \"" + named + "\"");
      }
      KmsKey.Builder b = KmsKey.builder().arn(arn).keyId(meta.string("KeyId")).keyState(meta.optString("KeyState"))
          .keyManager(meta.optString("KeyManager"));
      Optional<JsonInput> policy = k.optObject("GetKeyPolicy");
      policy.ifPresent(p -> {
        p.optString("PolicyName");
        b.policy(PolicyDocumentJson.read(p.member("Policy")));
      });
      out.put(arn, b.build());
    }
    return out;
  }

  /** The {@code kms} section: aliases when known, keys when any. Null when there is nothing to write. */
  public static ObjectNode write(Optional<List<KmsAlias>> aliases, Map<String, KmsKey> keys) {
    if (aliases.isEmpty() && keys.isEmpty()) {
      return null;
    }
    ObjectNode kms = JsonOutput.object();
    aliases.ifPresent(l -> {
      ArrayNode a = kms.putObject("ListAliases").putArray("Aliases");
      l.forEach(x -> {
        ObjectNode o = a.addObject().put("AliasName", x.aliasName());
        x.aliasArn().ifPresent(v -> o.put("AliasArn", v));
        x.targetKeyId().ifPresent(v -> o.put("TargetKeyId", v));
      });
    });
    if (!keys.isEmpty()) {
      ObjectNode out = kms.putObject("keys");
      keys.forEach((arn, k) -> {
        ObjectNode o = out.putObject(arn);
        ObjectNode meta = o.putObject("DescribeKey").putObject("KeyMetadata");
        meta.put("KeyId", k.keyId()).put("Arn", k.arn());
        k.keyState().ifPresent(v -> meta.put("KeyState", v));
        k.keyManager().ifPresent(v -> meta.put("KeyManager", v));
        // get-key-policy returns the policy as a JSON string
        k.policy().ifPresent(p -> o.putObject("GetKeyPolicy").put("Policy", p).put("PolicyName", "default"));
      });
    }
    return kms;
  }
}
