package dev.vpctrain.core.network;

import org.immutables.value.Value;

/** A read call that failed while the snapshot was captured, for example {@code ec2:DescribeNetworkAcls}. */
@Value.Immutable
abstract class AbstractCaptureError {
  /** {@return {@code service:Operation}, for example {@code ec2:DescribeNetworkAcls} or {@code s3:GetBucketPolicy}} */
  @Value.Parameter
  public abstract String operation();

  /** {@return the AWS error code, for example {@code UnauthorizedOperation} or {@code AccessDenied}} */
  @Value.Parameter
  public abstract String code();

  /** {@return the AWS error message, as the service returned it} */
  @Value.Parameter
  public abstract String message();

  /**
   * For S3 calls, the bucket the call was about; empty otherwise.
   *
   * @return the resource the failed call was about, or an empty string for the whole operation
   */
  @Value.Default
  public String resource() {
    return "";
  }
}
