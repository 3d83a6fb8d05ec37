package dev.vpctrain.aws.internal.s3;

import java.util.Optional;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;

/**
 * The one mapping of the S3 shapes vpctrain reads ({@code GetBucketLocation}, {@code GetBucketPolicy})
 * to the facts of the core model and back: used by live discovery, the bundle reader and the bundle
 * writer alike.
 */
public final class S3Mapping {
  private S3Mapping() {}

  /** The bucket's region: a null or empty location constraint is us-east-1, the legacy {@code EU} is eu-west-1. */
  public static String region(GetBucketLocationResponse location) {
    String constraint = location.locationConstraintAsString();
    if (constraint == null || constraint.isEmpty()) {
      return "us-east-1";
    }
    return constraint.equals("EU") ? "eu-west-1" : constraint;
  }

  /** The answer S3 gives for a bucket in {@code region}: no location constraint for us-east-1. */
  public static GetBucketLocationResponse sdkLocation(String region) {
    return GetBucketLocationResponse.builder()
        .locationConstraint(region.equals("us-east-1") ? null : region)
        .build();
  }

  /** The bucket policy document (JSON text). */
  public static String policy(GetBucketPolicyResponse policy) {
    return policy.policy();
  }

  public static GetBucketPolicyResponse sdkPolicy(String policy) {
    return GetBucketPolicyResponse.builder().policy(policy).build();
  }

  /** The default encryption's {@code SSEAlgorithm} (the first rule's; S3 keeps one); empty when it has none. */
  public static Optional<String> encryptionAlgorithm(GetBucketEncryptionResponse r) {
    return byDefault(r).map(ServerSideEncryptionByDefault::sseAlgorithmAsString);
  }

  /** The default encryption's {@code KMSMasterKeyID}, when it names one. */
  public static Optional<String> encryptionKeyId(GetBucketEncryptionResponse r) {
    return byDefault(r).map(ServerSideEncryptionByDefault::kmsMasterKeyID);
  }

  private static Optional<ServerSideEncryptionByDefault> byDefault(GetBucketEncryptionResponse r) {
    ServerSideEncryptionConfiguration c = r.serverSideEncryptionConfiguration();
    if (c == null || !c.hasRules() || c.rules().isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(c.rules().get(0).applyServerSideEncryptionByDefault());
  }

  public static GetBucketEncryptionResponse sdkEncryption(String algorithm, Optional<String> keyId) {
    ServerSideEncryptionByDefault d = ServerSideEncryptionByDefault.builder().sseAlgorithm(algorithm)
        .kmsMasterKeyID(keyId.orElse(null)).build();
    return GetBucketEncryptionResponse.builder().serverSideEncryptionConfiguration(
        ServerSideEncryptionConfiguration.builder().rules(ServerSideEncryptionRule.builder()
            .applyServerSideEncryptionByDefault(d).build()).build()).build();
  }
}
