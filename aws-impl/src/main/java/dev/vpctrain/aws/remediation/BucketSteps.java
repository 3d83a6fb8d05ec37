package dev.vpctrain.aws.remediation;

import dev.vpctrain.core.remediation.Change;
import dev.vpctrain.core.remediation.PolicyUpdate;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;

/** Bucket policy changes: read the live policy, merge, put. S3 has no dry run. */
final class BucketSteps {
  private BucketSteps() {}

  static StepOutcome setPolicy(ApplyContext ctx, Change.SetBucketPolicy c) {
    Optional<String> live = livePolicy(ctx, c.bucket());
    PolicyUpdate u = PolicyUpdate.decide(live, c.currentPolicy(), c.newPolicy(), "policy of bucket " + c.bucket());
    Optional<StepOutcome> settled = PolicyGate.settled(u);
    if (settled.isPresent()) {
      return settled.get();
    }
    if (ctx.dryRun) {
      return StepOutcome.wouldRun("would put the policy of bucket " + c.bucket() + " (S3 has no dry run); " + u.reason());
    }
    AwsCalls.write("s3:PutBucketPolicy", Set.of(),
        () -> ctx.s3.putBucketPolicy(b -> b.bucket(c.bucket()).policy(u.document().orElseThrow())));
    return StepOutcome.done("policy of bucket " + c.bucket() + " put; " + u.reason());
  }

  private static Optional<String> livePolicy(ApplyContext ctx, String bucket) {
    AwsCalls.Answer<GetBucketPolicyResponse> a = AwsCalls.write("s3:GetBucketPolicy", Set.of("NoSuchBucketPolicy"),
        () -> ctx.s3.getBucketPolicy(b -> b.bucket(bucket)));
    return a.response().map(GetBucketPolicyResponse::policy).filter(p -> !p.isBlank());
  }
}
