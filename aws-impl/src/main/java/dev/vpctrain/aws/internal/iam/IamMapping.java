package dev.vpctrain.aws.internal.iam;

import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.InlinePolicy;
import dev.vpctrain.core.iam.ManagedPolicy;
import dev.vpctrain.core.network.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;

/**
 * The one mapping between the IAM SDK shapes ({@code GetAccountAuthorizationDetailsResponse}, and the
 * scoped form's {@code GetRoleResponse}, {@code ListAttachedRolePoliciesResponse},
 * {@code ListRolePoliciesResponse}, {@code GetRolePolicyResponse}, {@code GetPolicyResponse},
 * {@code GetPolicyVersionResponse}) and the core model, both ways. Policy documents in the SDK shapes
 * are JSON text (the bundle reader decodes URL-encoded ones and objects first, with
 * {@link PolicyDocumentJson}). JSON is read into and written from these shapes by {@code SdkJson}
 * (in {@code aws.bundle.IamSection}), which also checks ARNs, names and uniqueness.
 */
public final class IamMapping {
  private IamMapping() {}

  // ---- SDK → model --------------------------------------------------------------------------

  /** True when the listing is complete: not truncated and listing roles. */
  public static boolean isComplete(GetAccountAuthorizationDetailsResponse r) {
    return !Boolean.TRUE.equals(r.isTruncated()) && r.hasRoleDetailList();
  }

  /** A role of {@code GetAccountAuthorizationDetails}. */
  public static IamRole role(RoleDetail r) {
    IamRole.Builder b = role(r.roleName(), r.arn(), r.permissionsBoundary(), r.hasTags() ? r.tags() : List.of());
    b.trustPolicy(Optional.ofNullable(r.assumeRolePolicyDocument()));
    if (r.hasRolePolicyList()) {
      List<InlinePolicy> inline = new ArrayList<>();
      for (PolicyDetail p : r.rolePolicyList()) {
        inline.add(InlinePolicy.of(p.policyName(), Optional.ofNullable(p.policyDocument())));
      }
      b.inlinePolicies(inline);
    }
    if (r.hasAttachedManagedPolicies()) {
      b.attachedPolicyArns(arns(r.attachedManagedPolicies()));
    }
    return b.build();
  }

  /** A managed policy of {@code GetAccountAuthorizationDetails}: its default version's document. */
  public static ManagedPolicy policy(ManagedPolicyDetail p) {
    Optional<String> defaultVersion = Optional.ofNullable(p.defaultVersionId());
    Optional<String> document = Optional.empty();
    for (PolicyVersion v : p.policyVersionList()) {
      boolean isDefault = Boolean.TRUE.equals(v.isDefaultVersion())
          || (defaultVersion.isPresent() && defaultVersion.get().equals(v.versionId()));
      if (isDefault) {
        document = Optional.ofNullable(v.document());
      }
    }
    return ManagedPolicy.builder().arn(p.arn()).policyName(Optional.ofNullable(p.policyName()))
        .defaultVersionId(defaultVersion).document(document).build();
  }

  /**
   * A role of the scoped form: {@code GetRole}, with its attached policies and inline policies when
   * listed ({@code documents}: the {@code GetRolePolicy} outputs, each of a listed policy).
   */
  public static IamRole role(GetRoleResponse get, Optional<ListAttachedRolePoliciesResponse> attached,
      Optional<ListRolePoliciesResponse> inline, List<GetRolePolicyResponse> documents) {
    Role r = get.role();
    IamRole.Builder b = role(r.roleName(), r.arn(), r.permissionsBoundary(), r.hasTags() ? r.tags() : List.of());
    b.trustPolicy(Optional.ofNullable(r.assumeRolePolicyDocument()));
    attached.ifPresent(l -> b.attachedPolicyArns(arns(l.attachedPolicies())));
    inline.ifPresent(l -> {
      Map<String, Optional<String>> docs = new LinkedHashMap<>();
      documents.forEach(d -> docs.put(d.policyName(), Optional.ofNullable(d.policyDocument())));
      List<InlinePolicy> out = new ArrayList<>();
      l.policyNames().forEach(n -> out.add(InlinePolicy.of(n, docs.getOrDefault(n, Optional.empty()))));
      b.inlinePolicies(out);
    });
    return b.build();
  }

  /**
   * A managed policy of the scoped form: {@code GetPolicy} and {@code GetPolicyVersion} when known.
   * Only the default version's document counts; a version not known to be it leaves the document unknown.
   */
  public static ManagedPolicy policy(String arn, Optional<GetPolicyResponse> get,
      Optional<GetPolicyVersionResponse> version) {
    ManagedPolicy.Builder b = ManagedPolicy.builder().arn(arn);
    Optional<String> defaultVersion = Optional.empty();
    if (get.isPresent()) {
      Policy policy = get.get().policy();
      defaultVersion = Optional.ofNullable(policy.defaultVersionId());
      b.policyName(Optional.ofNullable(policy.policyName())).defaultVersionId(defaultVersion);
    }
    if (version.isPresent() && version.get().policyVersion() != null) {
      PolicyVersion v = version.get().policyVersion();
      Optional<String> id = Optional.ofNullable(v.versionId());
      boolean known = Boolean.TRUE.equals(v.isDefaultVersion()) || (defaultVersion.isPresent() && defaultVersion.equals(id));
      if (known && !(defaultVersion.isPresent() && id.isPresent() && !defaultVersion.equals(id))) {
        b.document(Optional.ofNullable(v.document()));
      }
    }
    return b.build();
  }

  private static IamRole.Builder role(String name, String arn, AttachedPermissionsBoundary boundary,
      List<software.amazon.awssdk.services.iam.model.Tag> tags) {
    IamRole.Builder b = IamRole.builder().roleName(name).arn(arn);
    if (boundary != null && boundary.permissionsBoundaryArn() != null) {
      b.permissionsBoundaryArn(boundary.permissionsBoundaryArn());
    }
    tags.forEach(t -> b.addTag(Tag.of(t.key(), t.value() == null ? "" : t.value())));
    return b;
  }

  private static List<String> arns(List<AttachedPolicy> attached) {
    List<String> out = new ArrayList<>();
    attached.forEach(p -> out.add(p.policyArn()));
    return out;
  }

  // ---- model → SDK --------------------------------------------------------------------------

  /** The complete listing of {@code roles} and {@code policies} (not truncated). */
  public static GetAccountAuthorizationDetailsResponse sdkAccountDetails(List<IamRole> roles,
      List<ManagedPolicy> policies) {
    List<RoleDetail> details = new ArrayList<>();
    for (IamRole r : roles) {
      RoleDetail.Builder d = RoleDetail.builder().roleName(r.roleName()).arn(r.arn())
          .assumeRolePolicyDocument(r.trustPolicy().orElse(null)).permissionsBoundary(sdkBoundary(r))
          .tags(sdkTags(r));
      r.inlinePolicies().ifPresent(l -> {
        List<PolicyDetail> inline = new ArrayList<>();
        l.forEach(p -> inline.add(PolicyDetail.builder().policyName(p.policyName())
            .policyDocument(p.document().orElse(null)).build()));
        d.rolePolicyList(inline);
      });
      r.attachedPolicyArns().ifPresent(l -> d.attachedManagedPolicies(sdkAttached(l)));
      details.add(d.build());
    }
    List<ManagedPolicyDetail> managed = new ArrayList<>();
    for (ManagedPolicy p : policies) {
      ManagedPolicyDetail.Builder d = ManagedPolicyDetail.builder().policyName(p.policyName().orElse(null))
          .arn(p.arn()).defaultVersionId(p.defaultVersionId().orElse(null));
      p.document().ifPresent(doc -> d.policyVersionList(sdkDefaultVersion(p, doc)));
      managed.add(d.build());
    }
    return GetAccountAuthorizationDetailsResponse.builder().roleDetailList(details).policies(managed)
        .isTruncated(false).build();
  }

  /** The {@code GetRole} output of {@code r}. */
  public static GetRoleResponse sdkGetRole(IamRole r) {
    return GetRoleResponse.builder().role(Role.builder().roleName(r.roleName()).arn(r.arn())
        .assumeRolePolicyDocument(r.trustPolicy().orElse(null)).permissionsBoundary(sdkBoundary(r))
        .tags(sdkTags(r)).build()).build();
  }

  /** The {@code ListAttachedRolePolicies} output of {@code r}, when its attached policies are known. */
  public static Optional<ListAttachedRolePoliciesResponse> sdkAttachedPolicies(IamRole r) {
    return r.attachedPolicyArns().map(l -> ListAttachedRolePoliciesResponse.builder()
        .attachedPolicies(sdkAttached(l)).build());
  }

  /** The {@code ListRolePolicies} output of {@code r}, when its inline policies are known. */
  public static Optional<ListRolePoliciesResponse> sdkRolePolicyNames(IamRole r) {
    return r.inlinePolicies().map(l -> {
      List<String> names = new ArrayList<>();
      l.forEach(p -> names.add(p.policyName()));
      return ListRolePoliciesResponse.builder().policyNames(names).build();
    });
  }

  /** The {@code GetRolePolicy} outputs of {@code r}: one for each inline policy whose document is known. */
  public static List<GetRolePolicyResponse> sdkRolePolicies(IamRole r) {
    List<GetRolePolicyResponse> out = new ArrayList<>();
    r.inlinePolicies().ifPresent(l -> l.forEach(p -> p.document().ifPresent(d -> out.add(GetRolePolicyResponse
        .builder().roleName(r.roleName()).policyName(p.policyName()).policyDocument(d).build()))));
    return out;
  }

  /** The {@code GetPolicy} output of {@code p}. */
  public static GetPolicyResponse sdkGetPolicy(ManagedPolicy p) {
    return GetPolicyResponse.builder().policy(Policy.builder().policyName(p.policyName().orElse(null)).arn(p.arn())
        .defaultVersionId(p.defaultVersionId().orElse(null)).build()).build();
  }

  /** The {@code GetPolicyVersion} output of {@code p}'s default version, when its document is known. */
  public static Optional<GetPolicyVersionResponse> sdkDefaultPolicyVersion(ManagedPolicy p) {
    return p.document().map(d -> GetPolicyVersionResponse.builder().policyVersion(sdkDefaultVersion(p, d)).build());
  }

  private static PolicyVersion sdkDefaultVersion(ManagedPolicy p, String document) {
    return PolicyVersion.builder().document(document).versionId(p.defaultVersionId().orElse(null))
        .isDefaultVersion(true).build();
  }

  private static AttachedPermissionsBoundary sdkBoundary(IamRole r) {
    return r.permissionsBoundaryArn().map(a -> AttachedPermissionsBoundary.builder()
        .permissionsBoundaryType("Policy").permissionsBoundaryArn(a).build()).orElse(null);
  }

  private static List<software.amazon.awssdk.services.iam.model.Tag> sdkTags(IamRole r) {
    if (r.tags().isEmpty()) {
      return null;
    }
    List<software.amazon.awssdk.services.iam.model.Tag> out = new ArrayList<>();
    r.tags().forEach(t -> out.add(software.amazon.awssdk.services.iam.model.Tag.builder().key(t.key())
        .value(t.value()).build()));
    return out;
  }

  private static List<AttachedPolicy> sdkAttached(List<String> arns) {
    List<AttachedPolicy> out = new ArrayList<>();
    arns.forEach(arn -> out.add(AttachedPolicy.builder().policyName(arn.substring(arn.lastIndexOf('/') + 1))
        .policyArn(arn).build()));
    return out;
  }
}
