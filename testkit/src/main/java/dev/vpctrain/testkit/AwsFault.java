package dev.vpctrain.testkit;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure a fake client answers with instead of running the operation, injected with
 * {@link FakeService#failNext}: each kind reaches the caller as the real service's error would, as
 * the service's own SDK exception with its error code, HTTP status and request id (throttling is
 * {@code RequestLimitExceeded} from EC2, {@code ThrottlingException} from SageMaker,
 * {@code SlowDown} from S3), or as the SDK's client-side exception for a timeout or a response it
 * cannot read. Whether the client retries it is decided by the SDK's retry strategy, as for a real
 * client. Immutable.
 */
public final class AwsFault {
  /** The kinds of failure. */
  public enum Kind {
    /** The service's throttling error (retried by the SDK). */
    THROTTLING,
    /** The service's access-denied error (403 or 400 as the service answers it; not retried). */
    ACCESS_DENIED,
    /** A 503: the service is unavailable (retried by the SDK). */
    SERVICE_UNAVAILABLE,
    /** A 500: the service's internal error (retried by the SDK). */
    INTERNAL_ERROR,
    /** The HTTP response did not arrive in time: an {@code SdkClientException} caused by a {@code SocketTimeoutException}. */
    TIMEOUT,
    /** A 200 response the SDK cannot unmarshall: an {@code SdkClientException} as the SDK's response handler throws it. */
    MALFORMED_RESPONSE,
    /** A service error of a given code and status ({@link AwsFault#serviceError}). */
    SERVICE_ERROR
  }

  private final Kind kind;
  private final String code;
  private final int status;
  private final String message;

  private AwsFault(Kind kind, String code, int status, String message) {
    this.kind = kind;
    this.code = code;
    this.status = status;
    this.message = message;
  }

  /**
   * The service's throttling error: {@code RequestLimitExceeded} (EC2, 503), {@code SlowDown} (S3, 503),
   * {@code Throttling} (IAM, CloudWatch), {@code ThrottlingException} (SageMaker, EFS, FSx, Logs).
   *
   * @return the fault
   */
  public static AwsFault throttling() {
    return new AwsFault(Kind.THROTTLING, null, 0, null);
  }

  /**
   * The service's access-denied error: {@code UnauthorizedOperation} (EC2), {@code AccessDenied} (S3, IAM,
   * CloudWatch), {@code AccessDeniedException} (SageMaker, EFS, FSx, Logs).
   *
   * @return the fault
   */
  public static AwsFault accessDenied() {
    return new AwsFault(Kind.ACCESS_DENIED, null, 0, null);
  }

  /**
   * A 503 from the service ({@code Unavailable} from EC2, {@code ServiceUnavailable} from most others).
   *
   * @return the fault
   */
  public static AwsFault serviceUnavailable() {
    return new AwsFault(Kind.SERVICE_UNAVAILABLE, null, 0, null);
  }

  /**
   * A 500 from the service ({@code InternalError} from EC2 and S3, {@code InternalFailure} from SageMaker…).
   *
   * @return the fault
   */
  public static AwsFault internalError() {
    return new AwsFault(Kind.INTERNAL_ERROR, null, 0, null);
  }

  /**
   * No response in time: {@code SdkClientException "Unable to execute HTTP request: Read timed out"} caused by a
   * {@code java.net.SocketTimeoutException}, as the SDK's HTTP clients report a read timeout.
   *
   * @return the fault
   */
  public static AwsFault timeout() {
    return new AwsFault(Kind.TIMEOUT, null, 0, null);
  }

  /**
   * A 200 response with a truncated body: the SDK's {@code SdkClientException "Unable to unmarshall response (…)"}
   * with the parser's error as its cause.
   *
   * @return the fault
   */
  public static AwsFault malformedResponse() {
    return new AwsFault(Kind.MALFORMED_RESPONSE, null, 0, null);
  }

  /**
   * Any error of the service: its modeled exception class when the SDK has one for {@code code}, else the
   * service's base exception.
   *
   * @param code the AWS error code, for example {@code ResourceLimitExceeded}
   * @param status the HTTP status
   * @param message the error message
   * @return the fault
   */
  public static AwsFault serviceError(String code, int status, String message) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an AWS error has an HTTP status from 400 to 599, not " + status);
    }
    return new AwsFault(Kind.SERVICE_ERROR, code, status, message);
  }

  /**
   * The kind of failure.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The error code of a {@link #serviceError}; empty for the other kinds, whose code depends on the service.
   *
   * @return the code
   */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /**
   * The HTTP status of a {@link #serviceError}; 0 for the other kinds.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * The message of a {@link #serviceError}.
   *
   * @return the message
   */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AwsFault && ((AwsFault) o).kind == kind && Objects.equals(((AwsFault) o).code, code)
        && ((AwsFault) o).status == status && Objects.equals(((AwsFault) o).message, message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, code, status, message);
  }

  @Override
  public String toString() {
    return kind == Kind.SERVICE_ERROR ? "AwsFault{" + code + " " + status + "}" : "AwsFault{" + kind + "}";
  }
}
