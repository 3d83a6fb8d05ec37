package dev.vpctrain.testkit.internal.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vpctrain.aws.internal.iam.IamMapping;
import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.InlinePolicy;
import dev.vpctrain.core.iam.ManagedPolicy;
import dev.vpctrain.testkit.internal.sdk.AwsError;
import dev.vpctrain.testkit.internal.sdk.ClientDispatch;
import dev.vpctrain.testkit.internal.sdk.FakeClientOf;
import dev.vpctrain.testkit.internal.sdk.ServiceErrors;
import dev.vpctrain.testkit.internal.world.World;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamServiceClientConfiguration;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;

/**
 * The fake IAM: the role and policy calls of vpctrain's discovery and of {@code apply --include-iam}
 * over the roles and managed policies of the world's {@code iam} section (the same model the
 * preflight reads). Answers are the SDK shapes of {@code IamMapping} (the one mapping), with policy
 * documents URL-encoded as IAM sends them; errors are IAM's ({@code NoSuchEntity},
 * {@code MalformedPolicyDocument}); a world without an {@code iam} section answers
 * {@code AccessDenied}. {@code PutRolePolicy} and {@code DeleteRolePolicy} change the world.
 * Public for the client proxy only.
 */
@FakeClientOf(value = IamClient.class, name = "FakeIamClient")
public final class FakeIam {
  private static final ServiceErrors ERRORS = new ServiceErrors("Iam", IamException::builder, Map.of(
      "NoSuchEntity", NoSuchEntityException::builder,
      "MalformedPolicyDocument", MalformedPolicyDocumentException::builder,
      "ServiceFailure", software.amazon.awssdk.services.iam.model.ServiceFailureException::builder));
  private static final ObjectMapper JSON = new ObjectMapper();

  private final World world;

  private FakeIam(World world) {
    this.world = world;
  }

  /** An {@code IamClient} over {@code world}. */
  public static IamClient client(World world) {
    return new FakeIamClient(new ClientDispatch("iam", "iam", new FakeIam(world), world, ERRORS, "x-amzn-RequestId"));
  }

  public IamServiceClientConfiguration serviceClientConfiguration() {
    return IamServiceClientConfiguration.builder().region(Region.AWS_GLOBAL).build();
  }

  public GetRoleResponse getRole(GetRoleRequest r) {
    IamRole role = role(r.roleName());
    GetRoleResponse get = IamMapping.sdkGetRole(role);
    return get.toBuilder().role(get.role().toBuilder()
        .assumeRolePolicyDocument(encode(get.role().assumeRolePolicyDocument())).build()).build();
  }

  public ListRolePoliciesResponse listRolePolicies(ListRolePoliciesRequest r) {
    IamRole role = role(r.roleName());
    return IamMapping.sdkRolePolicyNames(role).map(l -> l.toBuilder().isTruncated(false).build())
        .orElseThrow(() -> denied("iam:ListRolePolicies", role.arn()));
  }

  public GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest r) {
    IamRole role = role(r.roleName());
    for (GetRolePolicyResponse p : IamMapping.sdkRolePolicies(role)) {
      if (p.policyName().equals(r.policyName())) {
        return p.toBuilder().policyDocument(encode(p.policyDocument())).build();
      }
    }
    boolean named = role.inlinePolicies().orElse(List.of()).stream().anyMatch(i -> i.policyName().equals(r.policyName()));
    if (named || role.inlinePolicies().isEmpty()) {
      throw denied("iam:GetRolePolicy", role.arn()); // listed but its document was not captured: not known
    }
    throw noSuchEntity("The role policy with name " + r.policyName() + " cannot be found.");
  }

  public ListAttachedRolePoliciesResponse listAttachedRolePolicies(ListAttachedRolePoliciesRequest r) {
    IamRole role = role(r.roleName());
    return IamMapping.sdkAttachedPolicies(role).map(l -> l.toBuilder().isTruncated(false).build())
        .orElseThrow(() -> denied("iam:ListAttachedRolePolicies", role.arn()));
  }

  public GetPolicyResponse getPolicy(GetPolicyRequest r) {
    return IamMapping.sdkGetPolicy(policy(r.policyArn()));
  }

  public GetPolicyVersionResponse getPolicyVersion(GetPolicyVersionRequest r) {
    ManagedPolicy p = policy(r.policyArn());
    if (p.defaultVersionId().isPresent() && !p.defaultVersionId().get().equals(r.versionId())) {
      throw noSuchEntity("Policy " + r.policyArn() + " version " + r.versionId() + " does not exist or is not attachable.");
    }
    GetPolicyVersionResponse v = IamMapping.sdkDefaultPolicyVersion(p)
        .orElseThrow(() -> denied("iam:GetPolicyVersion", p.arn()));
    return v.toBuilder().policyVersion(v.policyVersion().toBuilder().document(encode(v.policyVersion().document()))
        .build()).build();
  }

  /** Adds or replaces an inline policy of the role in the world. */
  public PutRolePolicyResponse putRolePolicy(PutRolePolicyRequest r) {
    if (r.policyName() == null || r.policyDocument() == null) {
      throw AwsError.client("ValidationError", "RoleName, PolicyName and PolicyDocument are required.");
    }
    try {
      JsonNode doc = JSON.readTree(r.policyDocument());
      if (doc == null || !doc.isObject() || !doc.has("Statement")) {
        throw new IOException("no Statement");
      }
    } catch (IOException e) {
      throw AwsError.client("MalformedPolicyDocument", "Syntax errors in policy.");
    }
    change(r.roleName(), role -> {
      List<InlinePolicy> kept = new ArrayList<>();
      role.inlinePolicies().orElse(List.of()).stream().filter(p -> !p.policyName().equals(r.policyName()))
          .forEach(kept::add);
      kept.add(InlinePolicy.of(r.policyName(), Optional.of(r.policyDocument())));
      return role.withInlinePolicies(kept);
    });
    return PutRolePolicyResponse.builder().build();
  }

  /** Removes an inline policy of the role from the world ({@code NoSuchEntity} when it has none of that name). */
  public DeleteRolePolicyResponse deleteRolePolicy(DeleteRolePolicyRequest r) {
    change(r.roleName(), role -> {
      List<InlinePolicy> all = role.inlinePolicies().orElse(List.of());
      if (all.stream().noneMatch(p -> p.policyName().equals(r.policyName()))) {
        throw noSuchEntity("The role policy with name " + r.policyName() + " cannot be found.");
      }
      return role.withInlinePolicies(all.stream().filter(p -> !p.policyName().equals(r.policyName())).toList());
    });
    return DeleteRolePolicyResponse.builder().build();
  }

  private void change(String roleName, java.util.function.UnaryOperator<IamRole> edit) {
    role(roleName);
    world.updateNetwork(n -> {
      IamEvidence iam = n.iam().orElseThrow();
      List<IamRole> roles = new ArrayList<>();
      for (IamRole x : iam.roles()) {
        roles.add(x.roleName().equals(roleName) ? edit.apply(x) : x);
      }
      return n.withIam(iam.withRoles(roles));
    });
  }

  private IamEvidence iam(String action, String resource) {
    return world.network().iam().orElseThrow(() -> denied(action, resource));
  }

  private IamRole role(String name) {
    if (name == null) {
      throw AwsError.client("ValidationError", "1 validation error detected: Value null at 'roleName' failed to "
          + "satisfy constraint: Member must not be null");
    }
    return iam("iam:GetRole", "role " + name).role(name)
        .orElseThrow(() -> noSuchEntity("The role with name " + name + " cannot be found."));
  }

  private ManagedPolicy policy(String arn) {
    return iam("iam:GetPolicy", arn).policy(arn)
        .orElseThrow(() -> noSuchEntity("Policy " + arn + " does not exist or is not attachable."));
  }

  private AwsError denied(String action, String resource) {
    return new AwsError("AccessDenied", "User: arn:aws:iam::" + world.accountId() + ":user/testkit is not authorized "
        + "to perform: " + action + " on resource: " + resource, 403);
  }

  private static AwsError noSuchEntity(String message) {
    return new AwsError("NoSuchEntity", message, 404);
  }

  /** A policy document as IAM returns it: URL-encoded (RFC 3986). */
  static String encode(String document) {
    return document == null ? null : URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
