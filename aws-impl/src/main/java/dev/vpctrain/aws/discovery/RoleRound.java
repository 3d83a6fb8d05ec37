package dev.vpctrain.aws.discovery;

import dev.vpctrain.aws.internal.iam.IamMapping;
import dev.vpctrain.aws.internal.iam.PolicyDocumentJson;
import dev.vpctrain.aws.internal.kms.KmsMapping;
import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.KmsKey;
import dev.vpctrain.core.iam.ManagedPolicy;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;

/**
 * The execution role's calls (the bundle's {@code iam} section in its scoped form, and {@code kms}), riding in
 * the rounds of {@link DiscoveryRun} as one chain of their own that starts with round one, since the
 * role ARN is known up front:
 * <ul>
 *   <li>first, concurrently: {@code iam:GetRole}, {@code iam:ListRolePolicies} and
 *       {@code iam:ListAttachedRolePolicies} (every page) by role name; {@code kms:DescribeKey} for
 *       each key the job names, and {@code kms:ListAliases} (every page) when one is named by alias;</li>
 *   <li>then, once GetRole has answered with the job's role: {@code iam:GetRolePolicy} per inline
 *       policy, {@code iam:GetPolicy} per attached and boundary policy followed by
 *       {@code iam:GetPolicyVersion} of its default version; {@code kms:GetKeyPolicy} ({@code default})
 *       per described key.</li>
 * </ul>
 * IAM looks role names up in the caller's account: when GetRole answers with a role of another
 * account than RoleArn's, nothing more is read and the role is recorded as not captured
 * ({@code RoleInAnotherAccount}), so the role rules are UNVERIFIED. {@code NoSuchEntity} is recorded
 * as it comes (the role is then known absent); access denied and other failures are
 * capture errors like any other. The SDK's shapes go through {@link IamMapping} and
 * {@link KmsMapping}, the mappings the bundle reader uses, with their policy documents made the same
 * compact JSON text the bundle reader makes ({@link PolicyDocumentJson#fromApi}).
 */
final class RoleRound {
  private static final Pattern ROLE_ARN = Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):role/(?:[^/]+/)*([^/]+)");
  /** Error code recorded when the caller's account has a role of that name but RoleArn is in another one. */
  static final String OTHER_ACCOUNT = "RoleInAnotherAccount";

  private final Calls calls;
  private final Optional<CompletableFuture<Optional<IamEvidence>>> iam;
  private final Map<String, CompletableFuture<Optional<KmsKey>>> keys = new LinkedHashMap<>();
  private final Optional<CompletableFuture<Optional<ListAliasesResponse>>> aliases;

  private RoleRound(Target target, IamClient iamClient, KmsClient kms, Calls calls) {
    this.calls = calls;
    this.iam = iamClient == null || target.roleArn().isEmpty() ? Optional.empty()
        : Optional.of(readRole(iamClient, target.roleArn().get()));
    boolean byAlias = target.kmsKeyIds().stream().anyMatch(RoleRound::isAlias);
    this.aliases = kms == null || !byAlias ? Optional.empty()
        : Optional.of(calls.start("kms:ListAliases", () -> aliases(kms)));
    if (kms != null) {
      target.kmsKeyIds().forEach(k -> keys.put(k, readKey(kms, k)));
    }
  }

  /** Starts the calls (none without clients, or when the job names no role and no key). */
  static RoleRound start(Target target, IamClient iam, KmsClient kms, Calls calls) {
    return new RoleRound(target, iam, kms, calls);
  }

  /** Waits for every call and adds the {@code iam} and {@code kms} sections it captured. */
  void collectInto(NetworkSnapshot.Builder snapshot) {
    iam.ifPresent(f -> f.join().ifPresent(snapshot::iam));
    aliases.ifPresent(f -> f.join().ifPresent(a -> snapshot.kmsAliases(KmsMapping.aliases(a))));
    keys.values().forEach(f -> f.join().ifPresent(k -> snapshot.putKmsKey(k.arn(), k)));
  }

  // ---- IAM ------------------------------------------------------------------------------------

  private CompletableFuture<Optional<IamEvidence>> readRole(IamClient client, String roleArn) {
    Matcher m = ROLE_ARN.matcher(roleArn);
    if (!m.matches()) {
      // not a role ARN: nothing to ask; the role rules say what is wrong with it
      return CompletableFuture.completedFuture(Optional.of(IamEvidence.builder().build()));
    }
    String account = m.group(2);
    String name = m.group(3);
    CompletableFuture<Optional<GetRoleResponse>> getRole = calls.start("iam:GetRole", name,
        () -> decoded(client.getRole(r -> r.roleName(name))));
    CompletableFuture<Optional<ListAttachedRolePoliciesResponse>> attached =
        calls.start("iam:ListAttachedRolePolicies", name, () -> attachedPolicies(client, name));
    CompletableFuture<Optional<ListRolePoliciesResponse>> inline =
        calls.start("iam:ListRolePolicies", name, () -> inlinePolicyNames(client, name));
    // nothing more is read for a role GetRole did not return, or returned from another account
    CompletableFuture<Optional<Role>> ours = getRole.thenApply(g -> g.map(GetRoleResponse::role)
        .filter(r -> isInAccount(r, account, name)));
    CompletableFuture<List<GetRolePolicyResponse>> documents = ours.thenCombine(inline, (r, l) ->
        r.isPresent() && l.isPresent() ? l.get().policyNames() : List.<String>of())
        .thenCompose(names -> all(names.stream().map(p -> calls.start("iam:GetRolePolicy", name,
            () -> decoded(client.getRolePolicy(x -> x.roleName(name).policyName(p))))).toList()));
    CompletableFuture<List<ManagedPolicy>> policies = ours.thenCombine(attached, (r, l) -> {
      Set<String> arns = new LinkedHashSet<>();
      if (r.isPresent()) {
        l.ifPresent(a -> a.attachedPolicies().forEach(p -> arns.add(p.policyArn())));
        Optional.ofNullable(r.get().permissionsBoundary()).map(b -> b.permissionsBoundaryArn()).ifPresent(arns::add);
      }
      return arns;
    }).thenCompose(arns -> all(arns.stream().map(a -> readPolicy(client, a)).toList()));
    return CompletableFuture.allOf(documents, policies).thenApply(v -> {
      Optional<GetRoleResponse> role = getRole.join();
      if (role.isEmpty() || ours.join().isEmpty()) {
        return Optional.of(IamEvidence.builder().build());
      }
      IamRole r = IamMapping.role(role.get(), attached.join(), inline.join(), documents.join());
      return Optional.of(IamEvidence.builder().addRoles(r).policies(policies.join()).build());
    });
  }

  /** True when GetRole's role is in RoleArn's account; records why nothing more is read otherwise. */
  private boolean isInAccount(Role r, String account, String name) {
    Matcher m = ROLE_ARN.matcher(r.arn() == null ? "" : r.arn());
    if (m.matches() && m.group(2).equals(account)) {
      return true;
    }
    calls.record(CaptureError.builder().operation("iam:GetRole").code(OTHER_ACCOUNT).resource(name)
        .message("the role is in account " + account + " but the credentials are of another account (GetRole "
            + "returned " + r.arn() + "); a role in another account is not read").build());
    return false;
  }

  private CompletableFuture<Optional<ManagedPolicy>> readPolicy(IamClient client, String arn) {
    return calls.start("iam:GetPolicy", arn, () -> client.getPolicy(r -> r.policyArn(arn)))
        .thenCompose(get -> {
          Optional<String> version = get.map(g -> g.policy().defaultVersionId());
          CompletableFuture<Optional<GetPolicyVersionResponse>> document = version.isEmpty()
              ? Calls.skipped()
              : calls.start("iam:GetPolicyVersion", arn,
                  () -> decoded(client.getPolicyVersion(r -> r.policyArn(arn).versionId(version.get()))));
          return document.thenApply(d -> get.isEmpty() && d.isEmpty() ? Optional.<ManagedPolicy>empty()
              : Optional.of(IamMapping.policy(arn, get, d)));
        });
  }

  private static ListAttachedRolePoliciesResponse attachedPolicies(IamClient client, String name) {
    List<AttachedPolicy> all = new ArrayList<>();
    client.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).forEach(p -> all.addAll(p.attachedPolicies()));
    return ListAttachedRolePoliciesResponse.builder().attachedPolicies(all).isTruncated(false).build();
  }

  private static ListRolePoliciesResponse inlinePolicyNames(IamClient client, String name) {
    List<String> all = new ArrayList<>();
    client.listRolePoliciesPaginator(r -> r.roleName(name)).forEach(p -> all.addAll(p.policyNames()));
    return ListRolePoliciesResponse.builder().policyNames(all).isTruncated(false).build();
  }

  private static GetRoleResponse decoded(GetRoleResponse r) {
    Role role = r.role();
    if (role == null || role.assumeRolePolicyDocument() == null) {
      return r;
    }
    return r.toBuilder().role(role.toBuilder()
        .assumeRolePolicyDocument(PolicyDocumentJson.fromApi(role.assumeRolePolicyDocument())).build()).build();
  }

  private static GetRolePolicyResponse decoded(GetRolePolicyResponse r) {
    return r.policyDocument() == null ? r
        : r.toBuilder().policyDocument(PolicyDocumentJson.fromApi(r.policyDocument())).build();
  }

  private static GetPolicyVersionResponse decoded(GetPolicyVersionResponse r) {
    PolicyVersion v = r.policyVersion();
    return v == null || v.document() == null ? r
        : r.toBuilder().policyVersion(v.toBuilder().document(PolicyDocumentJson.fromApi(v.document())).build()).build();
  }

  // ---- KMS ------------------------------------------------------------------------------------

  private CompletableFuture<Optional<KmsKey>> readKey(KmsClient kms, String keyId) {
    return calls.start("kms:DescribeKey", keyId, () -> kms.describeKey(r -> r.keyId(keyId)))
        .thenCompose(d -> {
          if (d.isEmpty() || d.get().keyMetadata() == null) {
            return CompletableFuture.completedFuture(Optional.<KmsKey>empty());
          }
          DescribeKeyResponse describe = d.get();
          String arn = describe.keyMetadata().arn();
          CompletableFuture<Optional<GetKeyPolicyResponse>> policy = calls.start("kms:GetKeyPolicy", arn,
              () -> normalised(kms.getKeyPolicy(r -> r.keyId(arn).policyName("default"))));
          return policy.thenApply(p -> Optional.of(KmsMapping.key(describe, p)));
        });
  }

  private static GetKeyPolicyResponse normalised(GetKeyPolicyResponse r) {
    return r.policy() == null ? r : r.toBuilder().policy(PolicyDocumentJson.fromApi(r.policy())).build();
  }

  private static ListAliasesResponse aliases(KmsClient kms) {
    List<AliasListEntry> all = new ArrayList<>();
    kms.listAliasesPaginator(r -> { }).forEach(p -> all.addAll(p.aliases()));
    return ListAliasesResponse.builder().aliases(all).truncated(false).build();
  }

  private static boolean isAlias(String keyId) {
    return keyId.startsWith("alias/") || keyId.contains(":alias/");
  }

  private static <T> CompletableFuture<List<T>> all(List<CompletableFuture<Optional<T>>> futures) {
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(v -> {
      List<T> out = new ArrayList<>();
      futures.forEach(f -> f.join().ifPresent(out::add));
      return out;
    });
  }
}
