package dev.vpctrain.core.job;

import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A parsed {@code s3://bucket/key} location with a valid bucket name. Build with {@link #parse}, which
 * refuses malformed text, or {@code S3Uri.of(bucket, key)}, which throws for an invalid bucket name.
 */
@Value.Immutable
abstract class AbstractS3Uri {
  private static final Pattern BUCKET =
      Pattern.compile("(?=.{3,63}$)[a-z0-9][a-z0-9.-]*[a-z0-9]");
  private static final Pattern IP_LIKE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

  /** {@return the bucket name, valid under S3's general-purpose naming rules} */
  @Value.Parameter
  public abstract String bucket();

  /** {@return the key or key prefix, without a leading slash; empty for the bucket root} */
  @Value.Parameter
  public abstract String key();

  /**
   * Parses {@code uri}; empty when it is not a well-formed {@code s3://} URI with a valid bucket name.
   *
   * @param uri the text, for example {@code s3://bucket/prefix/}; {@code null} gives empty
   * @return the location, or empty when the text is not an {@code s3://} URI
   */
  public static Optional<S3Uri> parse(String uri) {
    if (uri == null || !uri.startsWith("s3://")) {
      return Optional.empty();
    }
    String rest = uri.substring(5);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (!isValidBucketName(bucket)) {
      return Optional.empty();
    }
    return Optional.of(S3Uri.of(bucket, key));
  }

  /**
   * {@return true when {@code name} follows S3's general-purpose bucket naming rules: 3 to 63
   * lower-case letters, digits, dots and hyphens, not shaped like an IP address, without the reserved
   * {@code xn--} prefix or {@code -s3alias} suffix}
   *
   * @param name the bucket name to test
   */
  public static boolean isValidBucketName(String name) {
    return BUCKET.matcher(name).matches()
        && !name.contains("..")
        && !name.contains(".-")
        && !name.contains("-.")
        && !IP_LIKE.matcher(name).matches()
        && !name.startsWith("xn--")
        && !name.endsWith("-s3alias");
  }

  /**
   * {@return the ARN of an object in this location's bucket: {@code arn:<partition>:s3:::bucket/objectKey}}
   *
   * @param partition the AWS partition ({@code aws}, {@code aws-cn}, …)
   * @param objectKey the object key, or a pattern such as {@code prefix/*}
   */
  public String objectArn(String partition, String objectKey) {
    return "arn:" + partition + ":s3:::" + bucket() + "/" + objectKey;
  }

  /**
   * Checks the bucket name when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalArgumentException when the bucket name breaks S3's naming rules ({@link #isValidBucketName})
   */
  @Value.Check
  protected void check() {
    if (!isValidBucketName(bucket())) {
      throw new IllegalArgumentException("expected a valid S3 bucket name but was '" + bucket() + "'");
    }
  }

  @Override
  public String toString() {
    return "s3://" + bucket() + "/" + key();
  }
}
