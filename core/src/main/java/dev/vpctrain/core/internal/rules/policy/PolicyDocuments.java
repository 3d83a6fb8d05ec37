package dev.vpctrain.core.internal.rules.policy;

import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.internal.policy.ParsedPolicy;
import dev.vpctrain.core.internal.policy.Policy;
import dev.vpctrain.core.rules.RuleContext;
import java.util.Optional;

/** Policies of the snapshot, each parsed once per preflight (cached in the {@link RuleContext}). */
public final class PolicyDocuments {
  private PolicyDocuments() {}

  /** The policy an endpoint has when none was set: every principal, every action, every resource. */
  public static final String DEFAULT_ENDPOINT_POLICY =
      "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  private record Key(String source, String text) {}

  /** The endpoint's policy; empty when the snapshot has no policy document for it. */
  public static Optional<ParsedPolicy> endpointPolicy(RuleContext ctx, VpcEndpoint endpoint) {
    return endpoint.policyDocument().map(text -> parse(ctx, "policy of " + endpoint.vpcEndpointId(), text));
  }

  /**
   * The endpoint's policy, or the default full-access policy when the endpoint has no policy
   * document (DescribeVpcEndpoints omits it for endpoints without a custom policy).
   */
  public static ParsedPolicy endpointPolicyOrDefault(RuleContext ctx, VpcEndpoint endpoint) {
    return endpointPolicy(ctx, endpoint)
        .orElseGet(() -> parse(ctx, "default policy of " + endpoint.vpcEndpointId(), DEFAULT_ENDPOINT_POLICY));
  }

  /** The bucket's policy; empty unless the snapshot holds one. */
  public static Optional<ParsedPolicy> bucketPolicy(RuleContext ctx, BucketFacts facts) {
    return facts.policy().map(text -> parse(ctx, "bucket policy of " + facts.bucket(), text));
  }

  /** {@code text} parsed once per preflight; errors name {@code source}. */
  public static ParsedPolicy parse(RuleContext ctx, String source, String text) {
    return ctx.cached(new Key(source, text), k -> Policy.tryParse(k.text(), k.source()));
  }
}
