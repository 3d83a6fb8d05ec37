package dev.vpctrain.core.job;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A parsed {@code s3://bucket/key} location with a valid bucket name. */
public final class S3Uri {
  private static final Pattern BUCKET =
      Pattern.compile("(?=.{3,63}$)[a-z0-9][a-z0-9.-]*[a-z0-9]");
  private static final Pattern IP_LIKE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

  private final String bucket;
  private final String key;

  private S3Uri(String bucket, String key) {
    this.bucket = bucket;
    this.key = key;
  }

  /** Parses {@code uri}; empty when it is not a well-formed {@code s3://} URI with a valid bucket name. */
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
    return Optional.of(new S3Uri(bucket, key));
  }

  /** S3's general-purpose bucket naming rules. */
  public static boolean isValidBucketName(String name) {
    return BUCKET.matcher(name).matches()
        && !name.contains("..")
        && !name.contains(".-")
        && !name.contains("-.")
        && !IP_LIKE.matcher(name).matches()
        && !name.startsWith("xn--")
        && !name.endsWith("-s3alias");
  }

  public String bucket() {
    return bucket;
  }

  /** The key or key prefix, without a leading slash; empty for the bucket root. */
  public String key() {
    return key;
  }

  /** The object ARN pattern for this location: {@code arn:aws:s3:::bucket/key*}. */
  public String objectArn(String partition, String objectKey) {
    return "arn:" + partition + ":s3:::" + bucket + "/" + objectKey;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof S3Uri && ((S3Uri) o).bucket.equals(bucket) && ((S3Uri) o).key.equals(key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bucket, key);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
