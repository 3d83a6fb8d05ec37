package dev.vpctrain.aws.discovery;

import dev.vpctrain.aws.internal.s3.S3Mapping;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.PolicyState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The two S3 calls of one bucket, started together: its location and its policy. */
final class BucketReads {
  private final String bucket;
  private final CompletableFuture<Optional<String>> region;
  private final CompletableFuture<Optional<Optional<String>>> policy;

  private BucketReads(String bucket, CompletableFuture<Optional<String>> region,
      CompletableFuture<Optional<Optional<String>>> policy) {
    this.bucket = bucket;
    this.region = region;
    this.policy = policy;
  }

  static BucketReads start(S3Client s3, String bucket, Calls calls) {
    return new BucketReads(bucket,
        calls.start("s3:GetBucketLocation", bucket, () -> region(s3, bucket)),
        calls.start("s3:GetBucketPolicy", bucket, () -> policy(s3, bucket)));
  }

  /** What became known of the bucket; empty when both calls failed. */
  Optional<BucketFacts> facts() {
    Optional<String> where = region.join();
    Optional<Optional<String>> what = policy.join();
    if (where.isEmpty() && what.isEmpty()) {
      return Optional.empty();
    }
    BucketFacts.Builder b = BucketFacts.builder().bucket(bucket).region(where);
    if (what.isPresent()) {
      b.policy(what.get()).policyState(what.get().isPresent() ? PolicyState.PRESENT : PolicyState.NONE);
    } else {
      b.policyState(PolicyState.UNKNOWN);
    }
    return Optional.of(b.build());
  }

  private static String region(S3Client s3, String bucket) {
    return S3Mapping.region(s3.getBucketLocation(r -> r.bucket(bucket)));
  }

  /** The policy JSON; empty for {@code NoSuchBucketPolicy} (the bucket has none). */
  private static Optional<String> policy(S3Client s3, String bucket) {
    try {
      return Optional.of(S3Mapping.policy(s3.getBucketPolicy(r -> r.bucket(bucket))));
    } catch (S3Exception e) {
      if (e.awsErrorDetails() != null && "NoSuchBucketPolicy".equals(e.awsErrorDetails().errorCode())) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
