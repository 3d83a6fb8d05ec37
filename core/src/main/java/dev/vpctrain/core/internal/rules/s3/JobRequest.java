package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.job.S3Access;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.policy.Target;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One S3 request SageMaker makes for the job: an action on the objects under a location's prefix
 * (or, for {@code s3:ListBucket}, on the bucket with {@code s3:prefix}), or on one object (the code
 * package). {@code listPrefix} is the {@code s3:prefix} of a ListBucket request, null otherwise.
 * The s3 rules and {@code role.s3.access} read the job's requests from here.
 */
public record JobRequest(S3Access access, String action, Target resource, String listPrefix) {

  /** Every request of the job, in the order of {@code TrainingJobSpec.s3Accesses()}. */
  public static List<JobRequest> of(RuleContext ctx) {
    return ctx.cached(JobRequest.class, k -> {
      List<JobRequest> out = new ArrayList<>();
      String partition = ctx.partition();
      for (S3Access a : ctx.job().s3Accesses()) {
        String bucketArn = "arn:" + partition + ":s3:::" + a.location().bucket();
        for (String action : a.actions()) {
          if (action.equalsIgnoreCase("s3:ListBucket")) {
            out.add(new JobRequest(a, action, Target.exact(bucketArn), a.location().key()));
          } else {
            String objects = bucketArn + "/" + a.location().key();
            out.add(new JobRequest(a, action, a.isObject() ? Target.exact(objects) : Target.startingWith(objects), null));
          }
        }
      }
      return List.copyOf(out);
    });
  }

  public String bucket() {
    return access.location().bucket();
  }

  /** "s3:PutObject on arn:aws:s3:::b/out/* (OutputDataConfig.S3OutputPath)". */
  public String describe() {
    String on = listPrefix == null ? resource.toString()
        : resource.value() + (listPrefix.isEmpty() ? "" : " with prefix " + listPrefix);
    return action + " on " + on + " (" + access.field() + ")";
  }

  /**
   * {@code base} with the request's own keys: {@code s3:prefix} (the key prefix of a ListBucket,
   * absent otherwise) and, for a PutObject with {@code OutputDataConfig.KmsKeyId}, the SSE-KMS
   * headers SageMaker sends.
   */
  public RequestContext context(RuleContext ctx, RequestContext base) {
    boolean put = action.equalsIgnoreCase("s3:PutObject");
    // several rules ask for the same request over the same path: built once per preflight
    return ctx.cached(new ContextKey(base, listPrefix, put), k -> build(ctx, k));
  }

  /** A path's context, the listing prefix (null when not a listing) and whether the request writes. */
  private record ContextKey(RequestContext base, String listPrefix, boolean put) {}

  private static RequestContext build(RuleContext ctx, ContextKey k) {
    RequestContext.Builder b = k.base().toBuilder();
    if (k.listPrefix() != null) {
      b.put("s3:prefix", k.listPrefix());
    } else {
      b.absent("s3:prefix");
    }
    if (k.put()) {
      String kms = ctx.job().outputKmsKeyId().orElse(null);
      if (kms != null) {
        b.put("s3:x-amz-server-side-encryption", "aws:kms").put("s3:x-amz-server-side-encryption-aws-kms-key-id", kms);
      }
    }
    return b.build();
  }

  @Override
  public String toString() {
    return describe();
  }
}
