package dev.vpctrain.aws.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.aws.internal.iam.IamMapping;
import dev.vpctrain.aws.internal.json.JsonInput;
import dev.vpctrain.aws.internal.kms.KmsMapping;
import dev.vpctrain.core.network.NetworkSnapshot;

/**
 * The execution role's bundle sections (formats.md §2a): {@code iam} (either form),
 * {@code kms} and {@code organizations}, read and written by {@link IamMapping} and
 * {@link KmsMapping}. Absent sections stay unknown and are not written back. Capture errors of
 * {@code iam:…} and {@code kms:…} calls are applied by {@link NetworkSnapshot#withoutIncomplete()}.
 */
final class RoleSections {
  private RoleSections() {}

  static void read(JsonInput root, NetworkSnapshot.Builder b) {
    root.optObject("iam").ifPresent(iam -> b.iam(IamMapping.read(iam)));
    root.optObject("kms").ifPresent(kms -> {
      kms.optObject("ListAliases").ifPresent(a -> b.kmsAliases(KmsMapping.aliases(a)));
      kms.optObject("keys").ifPresent(k -> b.putAllKmsKeys(KmsMapping.keys(k)));
    });
    root.optObject("organizations").ifPresent(o -> {
      JsonInput op = o.member("DescribePolicy");
      if (op.isPresent()) {
        b.organizationPolicies(IamMapping.organizationPolicies(op));
      }
    });
  }

  static void write(NetworkSnapshot s, ObjectNode root) {
    s.iam().ifPresent(iam -> root.set("iam", IamMapping.write(iam)));
    ObjectNode kms = KmsMapping.write(s.kmsAliases(), s.kmsKeys());
    if (kms != null) {
      root.set("kms", kms);
    }
    s.organizationPolicies().ifPresent(l ->
        root.putObject("organizations").set("DescribePolicy", IamMapping.writeOrganizationPolicies(l)));
  }
}
