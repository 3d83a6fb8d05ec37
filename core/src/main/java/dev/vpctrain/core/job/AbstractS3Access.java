package dev.vpctrain.core.job;

import java.util.List;
import org.immutables.value.Value;

/**
 * One way the job touches S3: a location, the request field it comes from and the S3 actions
 * SageMaker performs there on the job's behalf. The location is a key prefix (every object under
 * it), or, for the training code package, exactly one object ({@link #isObject()}).
 * {@code S3Access.of(field, location, actions)} is access to every object under the key prefix.
 */
@Value.Immutable
abstract class AbstractS3Access {
  /** {@return the request field, for example {@code InputDataConfig[0].DataSource.S3DataSource.S3Uri}} */
  @Value.Parameter
  public abstract String field();

  /** {@return the bucket and key prefix (or object key) SageMaker reads or writes} */
  @Value.Parameter
  public abstract S3Uri location();

  /**
   * For example {@code s3:GetObject}, {@code s3:ListBucket}, {@code s3:PutObject}.
   *
   * @return the S3 actions SageMaker performs on the location
   */
  @Value.Parameter
  public abstract List<String> actions();

  /** {@return true when the location is one object, not a key prefix} */
  @Value.Default
  public boolean isObject() {
    return false;
  }

  /**
   * {@return access to the one object {@code location} names (its key is the whole object key)}
   *
   * @param field the request field, as a JSON path
   * @param location the bucket and the whole object key
   * @param actions the S3 actions SageMaker performs on the object, for example {@code s3:GetObject}
   */
  public static S3Access object(String field, S3Uri location, List<String> actions) {
    return S3Access.of(field, location, actions).withIsObject(true);
  }

  /**
   * {@return the object ARN pattern the access needs: {@code arn:<partition>:s3:::bucket/key} for one
   * object, {@code arn:<partition>:s3:::bucket/prefix*} for a prefix}
   *
   * @param partition the AWS partition ({@code aws}, {@code aws-cn}, …)
   */
  public String objectResource(String partition) {
    return "arn:" + partition + ":s3:::" + location().bucket() + "/" + location().key() + (isObject() ? "" : "*");
  }

  /** {@return true when the job writes here} */
  public boolean writes() {
    return actions().contains("s3:PutObject");
  }

  @Override
  public String toString() {
    return field() + " " + location() + " " + actions();
  }
}
