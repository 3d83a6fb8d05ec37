package dev.vpctrain.testkit.network;

import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.InlinePolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An IAM role of the world: its trust policy (none by default), inline policies and attached
 * managed policies (none by default), and permissions boundary. The world's {@code iam} section is
 * built from these drafts, and the fake IAM serves that section, so the preflight and the fake agree.
 */
public final class RoleDraft {
  /** A trust policy that lets SageMaker assume the role. */
  public static final String TRUST_SAGEMAKER = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  final String name;
  private Optional<String> arn = Optional.empty();
  private Optional<String> trustPolicy = Optional.empty();
  private final Map<String, Optional<String>> inline = new LinkedHashMap<>();
  private final List<String> attached = new ArrayList<>();
  private Optional<String> boundary = Optional.empty();
  /** The role the draft was made from, built back as it was while the draft is unchanged. */
  private IamRole original;

  RoleDraft(String name) {
    this.name = name;
  }

  RoleDraft(IamRole r) {
    this.name = r.roleName();
    this.arn = Optional.of(r.arn());
    this.trustPolicy = r.trustPolicy();
    r.inlinePolicies().ifPresent(l -> l.forEach(p -> inline.put(p.policyName(), p.document())));
    r.attachedPolicyArns().ifPresent(attached::addAll);
    this.boundary = r.permissionsBoundaryArn();
    this.original = r;
  }

  /**
   * The trust (assume-role) policy JSON.
   *
   * @param json the JSON text
   * @return this draft
   */
  public RoleDraft trustPolicy(String json) {
    original = null;
    this.trustPolicy = Optional.of(json);
    return this;
  }

  /**
   * Trusted by {@code sagemaker.amazonaws.com}.
   *
   * @return this draft
   */
  public RoleDraft trustsSageMaker() {
    return trustPolicy(TRUST_SAGEMAKER);
  }

  /**
   * Adds or replaces an inline policy.
   *
   * @param policyName the policy name
   * @param json the JSON text
   * @return this draft
   */
  public RoleDraft inlinePolicy(String policyName, String json) {
    original = null;
    inline.put(policyName, Optional.of(json));
    return this;
  }

  /**
   * Attaches a managed policy by ARN (declare its document with {@code NetworkBuilder.managedPolicy}).
   *
   * @param policyArn the policy ARN
   * @return this draft
   */
  public RoleDraft attach(String policyArn) {
    original = null;
    attached.add(policyArn);
    return this;
  }

  /**
   * The permissions boundary (a managed policy ARN).
   *
   * @param policyArn the policy ARN
   * @return this draft
   */
  public RoleDraft boundary(String policyArn) {
    original = null;
    this.boundary = Optional.of(policyArn);
    return this;
  }

  IamRole build(String owner) {
    if (original != null) {
      return original;
    }
    List<InlinePolicy> policies = new ArrayList<>();
    inline.forEach((n, doc) -> policies.add(InlinePolicy.of(n, doc)));
    return IamRole.builder().roleName(name).arn(arn.orElse("arn:aws:iam::" + owner + ":role/" + name))
        .trustPolicy(trustPolicy).inlinePolicies(policies).attachedPolicyArns(List.copyOf(attached))
        .permissionsBoundaryArn(boundary).build();
  }
}
