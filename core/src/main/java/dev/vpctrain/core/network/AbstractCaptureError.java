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

  /**
   * How the call failed, as a clause for messages, for example {@code failed during capture with
   * AccessDenied: Access Denied}: the code, then the message without its final full stop, so that a
   * sentence can go on after it. No parentheses are added around the service's message.
   *
   * @return the clause
   */
  public String failure() {
    String m = message().strip();
    while (m.endsWith(".")) {
      m = m.substring(0, m.length() - 1).strip();
    }
    return "failed during capture with " + code() + (m.isEmpty() ? "" : ": " + m);
  }
}
