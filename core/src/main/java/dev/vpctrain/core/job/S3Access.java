package dev.vpctrain.core.job;

import java.util.List;
import java.util.Objects;

/**
 * One way the job touches S3: a location, the request field it comes from and the S3 actions
 * SageMaker performs there on the job's behalf. The location is a key prefix (every object under
 * it), or, for the training code package, exactly one object ({@link #isObject()}).
 */
public final class S3Access {
  private final String field;
  private final S3Uri location;
  private final List<String> actions;
  private final boolean object;

  /** Access to every object under {@code location}'s key prefix. */
  public S3Access(String field, S3Uri location, List<String> actions) {
    this(field, location, actions, false);
  }

  private S3Access(String field, S3Uri location, List<String> actions, boolean object) {
    this.field = Objects.requireNonNull(field);
    this.location = Objects.requireNonNull(location);
    this.actions = List.copyOf(actions);
    this.object = object;
  }

  /** Access to the one object {@code location} names (its key is the whole object key). */
  public static S3Access object(String field, S3Uri location, List<String> actions) {
    return new S3Access(field, location, actions, true);
  }

  /** True when the location is one object, not a key prefix. */
  public boolean isObject() {
    return object;
  }

  /**
   * The object ARN pattern the access needs: {@code arn:<partition>:s3:::bucket/key} for one
   * object, {@code arn:<partition>:s3:::bucket/prefix*} for a prefix.
   */
  public String objectResource(String partition) {
    return "arn:" + partition + ":s3:::" + location.bucket() + "/" + location.key() + (object ? "" : "*");
  }

  /** The request field, for example {@code InputDataConfig[0].DataSource.S3DataSource.S3Uri}. */
  public String field() {
    return field;
  }

  public S3Uri location() {
    return location;
  }

  /** For example {@code s3:GetObject}, {@code s3:ListBucket}, {@code s3:PutObject}. */
  public List<String> actions() {
    return actions;
  }

  /** True when the job writes here. */
  public boolean writes() {
    return actions.contains("s3:PutObject");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof S3Access
        && ((S3Access) o).field.equals(field)
        && ((S3Access) o).location.equals(location)
        && ((S3Access) o).actions.equals(actions)
        && ((S3Access) o).object == object;
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, location, actions, object);
  }

  @Override
  public String toString() {
    return field + " " + location + " " + actions;
  }
}
