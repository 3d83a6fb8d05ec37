package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.job.S3Access;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.rules.RuleContext;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The regions of the job's buckets as the snapshot knows them. */
public final class S3Buckets {
  private S3Buckets() {}

  /** The bucket's region, when the snapshot knows it. */
  public static Optional<String> region(RuleContext ctx, String bucket) {
    return Optional.ofNullable(ctx.network().buckets().get(bucket)).flatMap(BucketFacts::region);
  }

  /** Why the bucket's region is unknown: the recorded {@code s3:GetBucketLocation} error or "not captured". */
  public static String regionUnknownReason(RuleContext ctx, String bucket) {
    for (CaptureError e : ctx.network().errors()) {
      if (e.operation().equalsIgnoreCase("s3:GetBucketLocation") && e.resource().equals(bucket)) {
        return "s3:GetBucketLocation on " + bucket + " " + e.failure();
      }
    }
    return "the location of bucket " + bucket + " was not captured in the snapshot";
  }

  /** True when some bucket the job touches is in the job's region or of unknown region. */
  public static boolean anyInJobRegion(RuleContext ctx) {
    for (String b : ctx.job().buckets()) {
      Optional<String> r = region(ctx, b);
      if (r.isEmpty() || r.get().equals(ctx.region())) {
        return true;
      }
    }
    return false;
  }

  /** The buckets the job touches in the job's region or of unknown region. */
  public static Set<String> inJobRegion(RuleContext ctx) {
    Set<String> out = new LinkedHashSet<>();
    for (S3Access a : ctx.job().s3Accesses()) {
      Optional<String> r = region(ctx, a.location().bucket());
      if (r.isEmpty() || r.get().equals(ctx.region())) {
        out.add(a.location().bucket());
      }
    }
    return out;
  }
}
