package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.job.S3Access;
import dev.vpctrain.core.internal.policy.Target;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One S3 request SageMaker makes for the job: an action on the objects under a location's prefix
 * (or, for {@code s3:ListBucket}, on the bucket with {@code s3:prefix}), or on one object (the code
 * package). {@code listPrefix} is the {@code s3:prefix} of a ListBucket request, null otherwise.
 */
record JobRequest(S3Access access, String action, Target resource, String listPrefix) {

  /** Every request of the job, in the order of {@code TrainingJobSpec.s3Accesses()}. */
  static List<JobRequest> of(RuleContext ctx) {
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

  String bucket() {
    return access.location().bucket();
  }

  /** "s3:PutObject on arn:aws:s3:::b/out/* (OutputDataConfig.S3OutputPath)". */
  String describe() {
    String on = listPrefix == null ? resource.toString()
        : resource.value() + (listPrefix.isEmpty() ? "" : " with prefix " + listPrefix);
    return action + " on " + on + " (" + access.field() + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
