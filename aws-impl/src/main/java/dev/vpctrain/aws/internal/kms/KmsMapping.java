package dev.vpctrain.aws.internal.kms;

import dev.vpctrain.core.iam.KmsAlias;
import dev.vpctrain.core.iam.KmsKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;

/**
 * The one mapping between the KMS SDK shapes ({@code ListAliasesResponse}, {@code DescribeKeyResponse},
 * {@code GetKeyPolicyResponse}) and the core model, both ways. JSON is read into and written from these
 * shapes by {@code SdkJson} (in {@code aws.bundle.RoleSections}); enumerations are kept as their text,
 * so a value the SDK does not know survives.
 */
public final class KmsMapping {
  private KmsMapping() {}

  /** The aliases of a {@code ListAliases} output. */
  public static List<KmsAlias> aliases(ListAliasesResponse r) {
    List<KmsAlias> out = new ArrayList<>();
    for (AliasListEntry a : r.aliases()) {
      out.add(KmsAlias.builder().aliasName(a.aliasName()).aliasArn(Optional.ofNullable(a.aliasArn()))
          .targetKeyId(Optional.ofNullable(a.targetKeyId())).build());
    }
    return out;
  }

  /** A key from its {@code DescribeKey} output and, when known, its {@code GetKeyPolicy} output (its policy as JSON text). */
  public static KmsKey key(DescribeKeyResponse describe, Optional<GetKeyPolicyResponse> policy) {
    KeyMetadata m = describe.keyMetadata();
    KmsKey.Builder b = KmsKey.builder().arn(m.arn()).keyId(m.keyId())
        .keyState(Optional.ofNullable(m.keyStateAsString())).keyManager(Optional.ofNullable(m.keyManagerAsString()));
    policy.ifPresent(p -> b.policy(Optional.ofNullable(p.policy())));
    return b.build();
  }

  /** The {@code ListAliases} output of {@code aliases}. */
  public static ListAliasesResponse sdkAliases(List<KmsAlias> aliases) {
    List<AliasListEntry> out = new ArrayList<>();
    aliases.forEach(a -> out.add(AliasListEntry.builder().aliasName(a.aliasName()).aliasArn(a.aliasArn().orElse(null))
        .targetKeyId(a.targetKeyId().orElse(null)).build()));
    return ListAliasesResponse.builder().aliases(out).build();
  }

  /** The {@code DescribeKey} output of {@code k}. */
  public static DescribeKeyResponse sdkDescribeKey(KmsKey k) {
    return DescribeKeyResponse.builder().keyMetadata(KeyMetadata.builder().keyId(k.keyId()).arn(k.arn())
        .keyState(k.keyState().orElse(null)).keyManager(k.keyManager().orElse(null)).build()).build();
  }

  /** The {@code GetKeyPolicy} output of {@code k} when its policy is known (the policy as a JSON string, as the API returns it). */
  public static Optional<GetKeyPolicyResponse> sdkKeyPolicy(KmsKey k) {
    return k.policy().map(p -> GetKeyPolicyResponse.builder().policy(p).policyName("default").build());
  }
}
